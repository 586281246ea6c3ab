/**
 * The engine's pull and push (moby's distribution/pull_v2.go and push_v2.go), writing progress
 * as the docker CLI shows a non-terminal stream: one line per status ("<id>: Pulling fs layer",
 * "<id>: Pull complete", "<id>: Pushed"...); progress-bar updates (Downloading, Extracting,
 * Pushing) are not printed off a terminal.
 *
 * Pull shows a layer by its blob (compressed) digest, push by its diffID, as Docker does. A pull
 * fetches only the layers the layer store lacks ("Already exists"); a push uploads only the blobs
 * the repository lacks ("Layer already exists"), mounting those another repository of the same
 * registry holds ("Mounted from library/busybox").
 */
import { familiarString, refName, type Reference } from "../api/reference";
import type { ImageConfig } from "../api/types";
import type { Daemon } from "../daemon/daemon";
import { DaemonError, notFound } from "../daemon/errdefs";
import { imageIdOf, rawConfig, type Image } from "../daemon/images/image";
import { refKey } from "../daemon/images/lookup";
import { tagImage } from "../daemon/images/tag";
import { chainIdOf, LayerStore, type Layer } from "../snapshots/layers";
import { digest } from "../util/sha256";
import { isManifestList, layerBlobDigest, type LayerBlob, type ManifestList, type ManifestV2 } from "./registry";
import { formatPlatform, HOST_PLATFORM, parsePlatform, type Platform, platformOfConfig, samePlatform } from "./platform";
import { distributionOf, type Endpoint, type Hub } from "./service";
import { checkBasic } from "./access";

export interface Credentials {
  username: string;
  password: string;
}

export type Write = (line: string) => Promise<void>;

const short = (d: string) => d.replace(/^sha256:/, "").slice(0, 12);

export const RATE_LIMIT_MESSAGE = "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits";
export const DENIED = "denied: requested access to the resource is denied";

/** An error the engine reports in the middle of a stream (printed without "Error response from daemon"). */
export class StreamError extends Error {}

function endpointOrThrow(d: Daemon, host: string): Endpoint {
  const e = distributionOf(d).endpoint(host);
  if ("error" in e) throw new DaemonError("System", e.error);
  return e;
}

/** Whether credentials are good for an endpoint: the user name, null for anonymous; throws when wrong. */
function authenticate(e: Endpoint, creds: Credentials | null): string | null {
  if (!creds) return null;
  if (e.kind === "hub") {
    const known = (e.registry as Hub).accounts.get(creds.username);
    if (known !== undefined && known !== creds.password) throw new DaemonError("Forbidden", "unauthorized: incorrect username or password");
  }
  return creds.username;
}

/** What a registry with htpasswd auth answers these credentials ("ok" for one without auth). */
function basicStatus(d: Daemon, e: Endpoint, creds: Credentials | null): ReturnType<typeof checkBasic> {
  return e.auth ? checkBasic(d, e.auth, creds) : "ok";
}

/**
 * A pull refused by a registry's basic auth, as the engine reports it: without credentials the
 * auth transport fails the request (`Head "<url>": no basic auth credentials`, Get for a
 * digest); with credentials the file refuses, the registry's 401 body (`unauthorized:
 * authentication required`).
 */
function pullAuthError(e: Endpoint, ref: Reference, status: ReturnType<typeof checkBasic>): DaemonError | null {
  if (status === "ok") return null;
  const target = ref.digest ?? ref.tag ?? "latest";
  if (status === "none") return new DaemonError("Forbidden", `${ref.digest ? "Get" : "Head"} "${e.url}/v2/${ref.path}/manifests/${target}": no basic auth credentials`);
  if (status === "bad") return new DaemonError("Forbidden", "unauthorized: authentication required");
  return new DaemonError("System", `error parsing HTTP 400 response body: unexpected end of JSON input: ""`);
}

/** docker login's check: the engine's RegistryLogin. Returns the status text. */
export function login(d: Daemon, host: string, creds: Credentials): string {
  const e = endpointOrThrow(d, host);
  const basic = basicStatus(d, e, creds);
  if (basic === "bad" || basic === "none") throw new DaemonError("Forbidden", `login attempt to ${e.url}/v2/ failed with status: 401 Unauthorized`);
  if (basic === "error") throw new DaemonError("System", `login attempt to ${e.url}/v2/ failed with status: 400 Bad Request`);
  if (e.kind === "hub") {
    const hub = distributionOf(d).hub;
    const known = hub.accounts.get(creds.username);
    if (known !== undefined && known !== creds.password) throw new DaemonError("Forbidden", `Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password`);
    hub.accounts.set(creds.username, creds.password);
  }
  return "Login Succeeded";
}

export interface PullOptions {
  creds: Credentials | null;
  /** "linux/amd64" and the like; empty for the engine's own. */
  platform?: string;
  /** Pull every tag of the repository. */
  all?: boolean;
  /**
   * A terminal rewrites each layer's line in place: what stays on screen is one line per layer
   * with its last status. Off a terminal every status is a line of its own.
   */
  tty?: boolean;
}

/**
 * Pull `ref` (normalised; a name-only reference with `all`). Writes the stream; returns the
 * status line ("Downloaded newer image for ..." / "Image is up to date for ...") and the images.
 */
export async function pull(d: Daemon, ref: Reference, opts: PullOptions, write: Write): Promise<{ status: string; images: Image[] }> {
  const e = endpointOrThrow(d, ref.domain);
  const user = authenticate(e, opts.creds);
  const refused = pullAuthError(e, ref, basicStatus(d, e, opts.creds));
  if (refused) throw refused;
  const hub = e.kind === "hub" ? distributionOf(d).hub : null;
  hub?.ensure(ref.path);
  const repo = e.registry.repo(ref.path);
  const missingRepo = () =>
    e.kind === "hub"
      ? notFound(`pull access denied for ${familiarString({ domain: ref.domain, path: ref.path })}, repository does not exist or may require 'docker login': ${DENIED}`)
      : notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
  if (!repo || (hub && !hub.readable(ref.path, repo, user))) throw missingRepo();
  let wanted: Platform;
  try {
    wanted = opts.platform ? parsePlatform(opts.platform) : HOST_PLATFORM;
  } catch (err) {
    throw new DaemonError("InvalidParameter", (err as Error).message);
  }
  const targets = opts.all ? [...repo.tags.keys()].sort() : [ref.digest ?? ref.tag ?? "latest"];
  let newer = false;
  const images: Image[] = [];
  for (const t of targets) {
    const found = e.registry.anyManifest(ref.path, t);
    if (!found) throw notFound(`manifest for ${familiarString({ ...ref, ...(t.startsWith("sha256:") ? { digest: t } : { tag: t }) })} not found: manifest unknown: manifest unknown`);
    if (hub && !hub.countPull(user, d.now())) throw new DaemonError("Unavailable", RATE_LIMIT_MESSAGE);
    const image = selectPlatform(e, ref.path, found.manifest, wanted, !!opts.platform);
    await write(`${t}: Pulling from ${ref.path}\n`);
    const r = await fetchImage(d, e, image, write, !!opts.tty);
    await write(`Digest: ${found.digest}\n`);
    const tagged: Reference = t.startsWith("sha256:") ? { domain: ref.domain, path: ref.path, digest: t } : { domain: ref.domain, path: ref.path, tag: t };
    const before = tagged.tag !== undefined ? d.images.tags.get(refKey(tagged)) : r.existed ? r.image.id : undefined;
    if (before !== r.image.id) newer = true;
    if (tagged.tag !== undefined && before !== r.image.id) tagImage(d, r.image.id, tagged);
    const rd = `${refName(ref)}@${found.digest}`;
    const list = (r.image.repoDigests ??= []);
    if (!list.includes(rd)) list.push(rd);
    images.push(r.image);
  }
  const named = opts.all ? familiarString({ domain: ref.domain, path: ref.path }) : familiarString(ref.digest ? ref : { ...ref, tag: ref.tag ?? "latest" });
  return { status: newer ? `Downloaded newer image for ${named}` : `Image is up to date for ${named}`, images };
}

/**
 * The image manifest a pull takes: a manifest list's entry for the wanted platform (the host's
 * unless --platform names one), or the manifest itself. Docker 20.10's texts for a list without
 * the platform, and for a single image of another platform than the one asked for.
 */
function selectPlatform(e: Endpoint, path: string, m: ManifestV2 | ManifestList, wanted: Platform, asked: boolean): ManifestV2 {
  if (!isManifestList(m)) {
    if (asked && !samePlatform(wanted, HOST_PLATFORM)) {
      const cfg = e.registry.blobs.get(m.config.digest);
      const got = cfg && cfg.kind === "config" ? platformOfConfig(JSON.parse(cfg.raw)) : HOST_PLATFORM;
      if (!samePlatform(got, wanted)) throw notFound(`no matching manifest for ${formatPlatform(wanted)} in the manifest list entries`);
    }
    return m;
  }
  const entry = m.manifests.find((x) => samePlatform(x.platform, wanted));
  if (!entry) throw notFound(`no matching manifest for ${formatPlatform(wanted)} in the manifest list entries`);
  const one = e.registry.manifest(path, entry.digest);
  if (!one) throw notFound(`manifest unknown: manifest unknown`);
  return one.manifest;
}

export function normalizePlatform(p: string): string {
  const parts = p.toLowerCase().split("/");
  const os = parts[0] || "linux";
  let arch = parts[1] ?? "";
  if (arch === "x86_64" || arch === "x86-64") arch = "amd64";
  if (arch === "aarch64") arch = "arm64";
  if (!arch) return os === "linux" ? "linux/amd64" : os;
  return [os, arch, ...parts.slice(2)].join("/");
}

async function fetchImage(d: Daemon, e: Endpoint, m: ManifestV2, write: Write, tty: boolean): Promise<{ image: Image; existed: boolean }> {
  const cfgBlob = e.registry.blobs.get(m.config.digest);
  if (!cfgBlob || cfgBlob.kind !== "config") throw notFound(`blob unknown: blob unknown to registry`);
  const raw = cfgBlob.raw;
  const config = JSON.parse(raw) as ImageConfig;
  const id = digest(raw);
  const existing = d.images.get(id);
  // which layers are already here: walk the chain as the engine does
  const plan: Array<{ blob: LayerBlob; id: string; have: Layer | undefined }> = [];
  let chainParent: string | null = null;
  for (const desc of m.layers) {
    const b = e.registry.blobs.get(desc.digest);
    if (!b || b.kind !== "layer") throw notFound(`blob unknown: blob unknown to registry`);
    const chain: string = chainParent ? chainIdOf({ chainId: chainParent } as Layer, b.diffId) : b.diffId;
    plan.push({ blob: b, id: short(desc.digest), have: d.layers.get(chain) });
    chainParent = chain;
  }
  if (existing) return { image: existing, existed: true };
  if (tty) for (const p of plan) await write(`${p.id}: ${p.have ? "Already exists" : "Pull complete"}\n`);
  else {
    for (const p of plan) await write(`${p.id}: ${p.have ? "Already exists" : "Pulling fs layer"}\n`);
    const fetching = plan.filter((p) => !p.have);
    for (const p of fetching.slice(3)) await write(`${p.id}: Waiting\n`);
    for (const p of fetching) {
      await write(`${p.id}: Verifying Checksum\n`);
      await write(`${p.id}: Download complete\n`);
    }
  }
  let top: Layer | null = null;
  for (const p of plan) {
    if (p.have) {
      top = p.have;
      continue;
    }
    const l = d.layers.register(p.blob.root, top, p.blob.diffId, p.blob.tar);
    if (p.blob.abridged) {
      l.abridged = p.blob.abridged;
      l.size = p.blob.size;
    }
    top = l;
    if (!tty) await write(`${p.id}: Pull complete\n`);
  }
  const img: Image = { id, config, top, parent: "" };
  if (imageIdOf(config) !== id) img.raw = raw;
  return { image: d.images.add(img), existed: false };
}

export interface PushOptions {
  creds: Credentials | null;
  all?: boolean;
  /** On a terminal only each layer's last status stays on screen (see PullOptions.tty). */
  tty?: boolean;
}

/** Push the local tags `ref` names (its tag, or every tag of the repository with `all`). */
export async function push(d: Daemon, ref: Reference, opts: PushOptions, write: Write): Promise<void> {
  const name = refName(ref);
  await write(`The push refers to repository [${name}]\n`);
  const tags = opts.all ? d.images.tagsOfRepo(name).map(([k, id]) => [k.slice(name.length + 1), id] as const) : [[ref.tag ?? "latest", d.images.tags.get(refKey({ ...ref, tag: ref.tag ?? "latest" }))] as const];
  const present = tags.filter((t): t is readonly [string, string] => t[1] !== undefined);
  if (present.length === 0) throw new StreamError(`An image does not exist locally with the tag: ${familiarString({ domain: ref.domain, path: ref.path })}`);
  const found = distributionOf(d).endpoint(ref.domain);
  if ("error" in found) throw new StreamError(found.error);
  const e = found;
  let user: string | null;
  try {
    user = authenticate(e, opts.creds);
  } catch (err) {
    throw new StreamError(err instanceof Error ? err.message : String(err));
  }
  // a registry with basic auth refuses the first blob request: the engine does not retry and
  // prints the error alone (moby's retryOnError unwraps the transport's url.Error)
  const basic = basicStatus(d, e, opts.creds);
  for (const [tag, id] of present) {
    const img = d.images.mustGet(id);
    const stack = LayerStore.stack(img.top);
    const top = [...stack].reverse();
    if (!opts.tty) {
      for (const l of top) await write(`${short(l.diffId)}: Preparing\n`);
      for (const l of top.slice(5)) await write(`${short(l.diffId)}: Waiting\n`);
    }
    if (basic !== "ok") throw new StreamError(basic === "none" ? "no basic auth credentials" : basic === "bad" ? "unauthorized: authentication required" : `error parsing HTTP 400 response body: unexpected end of JSON input: ""`);
    if (e.kind === "hub") {
      const owner = ref.path.split("/")[0];
      if (!user || owner === "library" || owner !== user || ref.path.split("/").length !== 2) throw new StreamError(DENIED);
    }
    const hub = e.kind === "hub" ? distributionOf(d).hub : null;
    // the official repositories hold the base layers a push can mount from
    if (hub) for (const n of hub.officialNames()) hub.ensure(n);
    const repo = e.registry.repo(ref.path);
    const seen = new Set<string>();
    for (const l of top) {
      const bd = layerBlobDigestOf(l);
      if (seen.has(bd)) continue;
      seen.add(bd);
      let status: string;
      if (repo?.blobs.has(bd)) status = "Layer already exists";
      else {
        const from = e.registry.repoWithBlob(bd, ref.path, (n, r) => (hub ? hub.readable(n, r, user) : true));
        status = from ? `Mounted from ${from}` : "Pushed";
      }
      await write(`${short(l.diffId)}: ${status}\n`);
    }
    const r = e.registry.putImage(ref.path, tag, rawConfig(img), stack);
    await write(`${tag}: digest: ${r.digest} size: ${r.size}\n`);
    const rd = `${name}@${r.digest}`;
    const list = (img.repoDigests ??= []);
    if (!list.includes(rd)) list.push(rd);
  }
}

function layerBlobDigestOf(l: Layer): string {
  return layerBlobDigest(l.diffId);
}
