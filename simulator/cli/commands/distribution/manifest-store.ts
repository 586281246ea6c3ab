/**
 * The docker CLI's local manifest lists (`docker manifest create`, `annotate`, `push`, `rm`), kept
 * where the CLI keeps them: ~/.docker/manifests/<list>/<manifest>, each file an ImageManifest
 * (Ref, Descriptor with the platform, SchemaV2Manifest) as JSON, names made file-safe (`:` to
 * `%`, `/` to `#`), as docker/cli's manifest store writes them.
 */
import { parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from "../../../api/reference";
import { descriptorPlatform } from "../../../distribution/platform-images";
import { HOST_PLATFORM, type Platform, platformOfConfig } from "../../../distribution/platform";
import { isManifestList, type ManifestV2 } from "../../../distribution/registry";
import { distributionOf } from "../../../distribution/service";
import { text } from "../../../util/bytes";
import type { CliEnv } from "../../command";
import { configDir } from "./auth";

export interface ImageManifest {
  Ref: string;
  Descriptor: { mediaType: string; digest: string; size: number; platform?: Platform & { "os.version"?: string; "os.features"?: string[] } };
  SchemaV2Manifest: ManifestV2;
}

/** A reference as the CLI normalises one (docker.io/library/..., :latest when untagged). */
export function normalizeRef(name: string): Reference {
  const r = parseNormalizedNamed(name);
  if (!r.ok) throw new Error(r.error);
  return tagNameOnly(r.ref);
}

const safe = (ref: string) => ref.replace(/:/g, "%").replace(/\//g, "#");
const root = (env: CliEnv) => `${configDir(env)}/manifests`;

function mkdirs(env: CliEnv, path: string): void {
  let at = "";
  for (const p of path.split("/").filter(Boolean)) {
    at += "/" + p;
    if (!env.ctx.fs.exists(at)) env.ctx.fs.mkdir(at, 0o755);
  }
}

/** The manifests of a local list, in the store's (file name) order; null when there is no such list. */
export function localList(env: CliEnv, list: Reference): ImageManifest[] | null {
  const dir = `${root(env)}/${safe(referenceString(list))}`;
  if (!env.ctx.fs.exists(dir)) return null;
  const out: ImageManifest[] = [];
  for (const f of env.ctx.fs.readdir(dir).sort()) {
    try {
      out.push(JSON.parse(text(env.ctx.fs.readFile(`${dir}/${f}`))) as ImageManifest);
    } catch {
      /* not a manifest file */
    }
  }
  return out;
}

export function localManifest(env: CliEnv, list: Reference, ref: Reference): ImageManifest | null {
  const f = `${root(env)}/${safe(referenceString(list))}/${safe(referenceString(ref))}`;
  if (!env.ctx.fs.exists(f)) return null;
  return JSON.parse(text(env.ctx.fs.readFile(f))) as ImageManifest;
}

export function saveManifest(env: CliEnv, list: Reference, ref: Reference, m: ImageManifest): void {
  const dir = `${root(env)}/${safe(referenceString(list))}`;
  mkdirs(env, dir);
  env.ctx.fs.writeFile(`${dir}/${safe(referenceString(ref))}`, JSON.stringify(m));
}

export function removeList(env: CliEnv, list: Reference): boolean {
  const dir = `${root(env)}/${safe(referenceString(list))}`;
  if (!env.ctx.fs.exists(dir)) return false;
  for (const f of env.ctx.fs.readdir(dir)) env.ctx.fs.unlink(`${dir}/${f}`);
  env.ctx.fs.rmdir(dir);
  return true;
}

/**
 * An image manifest from its registry, as the CLI's registry client fetches one: its descriptor
 * carries the platform of the image's config. A name that is a manifest list is refused.
 */
export function remoteManifest(env: CliEnv, ref: Reference): ImageManifest {
  const dist = distributionOf(env.daemon);
  const e = dist.endpoint(ref.domain);
  if ("error" in e) throw new Error(`failed to configure transport: error pinging v2 registry: ${e.error.replace('Get "http://', 'Get "https://')}`);
  if (e.kind === "hub") dist.hub.ensure(ref.path);
  const found = e.registry.anyManifest(ref.path, ref.digest ?? ref.tag ?? "latest");
  if (!found) throw new Error(`no such manifest: ${referenceString(ref)}`);
  if (isManifestList(found.manifest)) throw new Error(`${referenceString(ref)} is a manifest list`);
  const cfg = e.registry.blobs.get(found.manifest.config.digest);
  const platform = descriptorPlatform(cfg && cfg.kind === "config" ? platformOfConfig(JSON.parse(cfg.raw)) : HOST_PLATFORM);
  return { Ref: referenceString(ref), Descriptor: { mediaType: found.manifest.mediaType, digest: found.digest, size: found.size, platform }, SchemaV2Manifest: found.manifest };
}
