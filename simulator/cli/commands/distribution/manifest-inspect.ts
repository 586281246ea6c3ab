/**
 * docker manifest inspect: the CLI asks the registry itself (not the engine) for a manifest and
 * prints it as docker/cli's manifest inspect does: an image manifest re-indented with tabs, or a
 * manifest list (schemaVersion 2, Docker's list mediaType, one entry per platform) indented with
 * three spaces, as docker/distribution's manifestlist writes it. --verbose prints each
 * platform's manifest with its reference and descriptor (docker/cli's ImageManifest, without Raw).
 */
import { parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { distributionOf } from "../../../distribution/service";
import { bool, type Command } from "../../command";
import { isManifestList, MANIFEST_LIST, type ManifestV2, type PlatformDescriptor } from "../../../distribution/registry";
import { localList, localManifest, normalizeRef } from "./manifest-store";
import { HOST_PLATFORM, platformOfConfig } from "../../../distribution/platform";
import { descriptorPlatform } from "../../../distribution/platform-images";
import { registerCommand } from "../../registry";
import { checkBasic } from "../../../distribution/access";
import { credentialsFor } from "./auth";

registerCommand({
  path: "docker manifest inspect",
  use: "[OPTIONS] [MANIFEST_LIST] MANIFEST",
  short: "Display an image manifest, or manifest list",
  args: { kind: "range", min: 1, max: 2 },
  flags: [
    { long: "insecure", type: "bool", usage: "Allow communication with an insecure registry" },
    { long: "verbose", short: "v", type: "bool", usage: "Output additional info including layers and platform" },
  ],
  async run(env, v, args) {
    const name = args[args.length - 1];
    const parsed = parseNormalizedNamed(name);
    if (!parsed.ok) throw new Error(parsed.error);
    const ref = tagNameOnly(parsed.ref);
    const verbose = bool(v, "verbose");
    // a manifest of a local list (docker manifest create), or a local list, before the registry
    if (args.length === 2) {
      const m = localManifest(env, normalizeRef(args[0]), ref);
      if (!m) throw new Error(`No such manifest: ${referenceString(ref)}`);
      await env.out(JSON.stringify(verbose ? m : m.SchemaV2Manifest, null, "\t") + "\n");
      return 0;
    }
    const local = localList(env, ref);
    if (local) {
      const listed = { schemaVersion: 2, mediaType: MANIFEST_LIST, manifests: local.map((m) => ({ mediaType: m.Descriptor.mediaType, size: m.Descriptor.size, digest: m.Descriptor.digest, ...(m.Descriptor.platform ? { platform: m.Descriptor.platform } : {}) })) };
      await env.out((verbose ? JSON.stringify(local, null, "\t") : JSON.stringify(listed, null, 3)) + "\n");
      return 0;
    }
    const dist = distributionOf(env.daemon);
    const e = dist.endpoint(ref.domain);
    if ("error" in e) throw new Error(`failed to configure transport: error pinging v2 registry: ${e.error.replace('Get "http://', 'Get "https://')}`);
    if (e.kind === "hub") dist.hub.ensure(ref.path);
    // basic auth: without credentials the transport fails the GET; a refused login is one more
    // error the CLI's fetcher continues past, to "no such manifest"
    const basic = e.auth ? checkBasic(env.daemon, e.auth, credentialsFor(env, ref)) : "ok";
    if (basic === "none") throw new Error(`Get "${e.url}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? "latest"}": no basic auth credentials`);
    if (basic !== "ok") throw new Error(`no such manifest: ${referenceString(ref)}`);
    const found = e.registry.anyManifest(ref.path, ref.digest ?? ref.tag ?? "latest");
    if (!found) throw new Error(`no such manifest: ${referenceString(ref)}`);
    const m = found.manifest;
    if (!verbose) {
      // an image manifest is re-indented with tabs; a list is rebuilt from its descriptors
      // (manifestlist.FromDescriptors), whose bytes are indented with three spaces
      await env.out(JSON.stringify(m, null, isManifestList(m) ? 3 : "\t") + "\n");
      return 0;
    }
    // --verbose: the manifest of each platform with its reference and descriptor (docker/cli's ImageManifest)
    const entry = (name: string, digest: string, size: number, mediaType: string, one: ManifestV2, listed?: PlatformDescriptor["platform"]) => {
      const cfg = e.registry.blobs.get(one.config.digest);
      const platform = descriptorPlatform(listed ?? (cfg && cfg.kind === "config" ? platformOfConfig(JSON.parse(cfg.raw)) : HOST_PLATFORM));
      return { Ref: name, Descriptor: { mediaType, digest, size, platform }, SchemaV2Manifest: one };
    };
    // a single manifest is named as asked; a list's entries by the name and their digest
    if (!isManifestList(m)) {
      await env.out(JSON.stringify(entry(referenceString(ref), found.digest, found.size, m.mediaType, m), null, "\t") + "\n");
      return 0;
    }
    const out = m.manifests.flatMap((x) => {
      const one = e.registry.manifest(ref.path, x.digest);
      return one ? [entry(referenceString({ ...ref, digest: x.digest }), x.digest, x.size, x.mediaType, one.manifest, x.platform)] : [];
    });
    await env.out(JSON.stringify(out, null, "\t") + "\n");
    return 0;
  },
} satisfies Command);
