/**
 * BuildKit's push of a build result (the image exporter with push=true, as `docker buildx build
 * --push` runs it): one image manifest per platform and, for several platforms, a manifest list
 * naming them by platform, under the tag. The builder pushes from its own store, with the
 * credentials of the CLI's config.json; it does not go through the engine.
 *
 * As with `--provenance=false`: no attestation manifests, so the list holds the platforms only
 * and uses Docker's media types (see docs/differences.md).
 */
import { refName, type Reference } from "../api/reference";
import type { Daemon } from "../daemon/daemon";
import { rawConfig, type Image } from "../daemon/images/image";
import { LayerStore } from "../snapshots/layers";
import { descriptorPlatform } from "./platform-images";
import { platformOfConfig } from "./platform";
import { MANIFEST_V2, type PlatformDescriptor } from "./registry";
import { distributionOf } from "./service";
import type { Credentials } from "./transfer";

export interface PushedList {
  /** Each platform's manifest. */
  manifests: Array<{ digest: string; size: number; configDigest: string }>;
  /** The digest the tag names: the list's, or the only manifest's. */
  digest: string;
  list: boolean;
}

/** Push the images (one per platform) under ref's tag; an error text (BuildKit's) when refused. */
export function pushPlatformImages(d: Daemon, ref: Reference, images: readonly Image[], creds: Credentials | null): PushedList | { error: string } {
  const name = refName(ref);
  const tag = ref.tag ?? "latest";
  const dist = distributionOf(d);
  const e = dist.endpoint(ref.domain);
  if ("error" in e) return { error: `failed to push ${name}:${tag}: failed to do request: ${e.error}` };
  if (e.kind === "hub") {
    const owner = ref.path.split("/")[0];
    const known = creds ? dist.hub.accounts.get(creds.username) : undefined;
    if (!creds || owner === "library" || owner !== creds.username || ref.path.split("/").length !== 2 || (known !== undefined && known !== creds.password)) {
      return { error: `failed to push ${name}:${tag}: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
    }
  }
  const single = images.length === 1;
  const manifests: PushedList["manifests"] = [];
  const entries: PlatformDescriptor[] = [];
  for (const img of images) {
    const put = e.registry.putImage(ref.path, single ? tag : null, rawConfig(img), LayerStore.stack(img.top));
    manifests.push({ digest: put.digest, size: put.size, configDigest: img.id });
    entries.push({ mediaType: MANIFEST_V2, size: put.size, digest: put.digest, platform: descriptorPlatform(platformOfConfig(img.config)) });
  }
  if (single) return { manifests, digest: manifests[0].digest, list: false };
  const list = e.registry.putList(ref.path, tag, entries);
  return { manifests, digest: list.digest, list: true };
}
