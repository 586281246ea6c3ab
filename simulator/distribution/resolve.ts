/**
 * How BuildKit in a docker-container builder gets a base image: from the registry, for the
 * stage's platform, without the engine's image store (a FROM of an image that exists only in
 * `docker images` fails there). The layers are unpacked into the layer store the builder shares
 * with the engine in this simulation; the image itself is not added to the engine's images.
 */
import { parseNormalizedNamed, referenceString, tagNameOnly } from "../api/reference";
import type { ImageConfig } from "../api/types";
import type { Daemon } from "../daemon/daemon";
import { imageIdOf, type Image } from "../daemon/images/image";
import type { Layer } from "../snapshots/layers";
import { digest } from "../util/sha256";
import { type Platform, samePlatform } from "./platform";
import { isManifestList, type ManifestV2 } from "./registry";
import { distributionOf } from "./service";

/** The image, an error when the name has no image for the platform, or null when there is no such image. */
export function resolveForBuild(d: Daemon, name: string, platform: Platform): { image: Image; ref: string } | { error: string } | null {
  const parsed = parseNormalizedNamed(name);
  if (!parsed.ok) return null;
  const ref = tagNameOnly(parsed.ref);
  const dist = distributionOf(d);
  const e = dist.endpoint(ref.domain);
  if ("error" in e) return null;
  if (e.kind === "hub") dist.hub.ensure(ref.path);
  const found = e.registry.anyManifest(ref.path, ref.digest ?? ref.tag ?? "latest");
  if (!found) return null;
  let m: ManifestV2;
  if (isManifestList(found.manifest)) {
    const entry = found.manifest.manifests.find((x) => samePlatform(x.platform, platform));
    if (!entry) return { error: "no match for platform in manifest: not found" };
    const one = e.registry.manifest(ref.path, entry.digest);
    if (!one) return null;
    m = one.manifest;
  } else m = found.manifest;
  const cfg = e.registry.blobs.get(m.config.digest);
  if (!cfg || cfg.kind !== "config") return null;
  let top: Layer | null = null;
  for (const desc of m.layers) {
    const b = e.registry.blobs.get(desc.digest);
    if (!b || b.kind !== "layer") return null;
    const l = d.layers.register(b.root, top, b.diffId);
    if (b.abridged) {
      l.abridged = b.abridged;
      l.size = b.size;
    }
    top = l;
  }
  const config = JSON.parse(cfg.raw) as ImageConfig;
  const id = digest(cfg.raw);
  const image: Image = { id, config, top, parent: "" };
  if (imageIdOf(config) !== id) image.raw = cfg.raw;
  const shown = ref.digest ? referenceString(ref) : `${referenceString(ref)}@${found.digest}`;
  return { image, ref: shown };
}
