/** An image: a config (whose digest is its ID) over a stack of layers. */
import type { ImageConfig } from "../../api/types";
import type { Layer } from "../../snapshots/layers";
import { digest } from "../../util/sha256";
import { configJSON } from "./config-json";

export interface Image {
  id: string;
  config: ImageConfig;
  /** The top of its layer stack (null for an image with no layers, e.g. FROM scratch + CMD). */
  top: Layer | null;
  /** The image it was built on, for images the legacy builder made (`docker history` ids). */
  parent: string;
  /** The config bytes as loaded (`docker load` keeps them, so the ID stays the digest of what was read). */
  raw?: string;
  /** Repository digests ("docker.io/library/busybox@sha256:…") from pulls and pushes. */
  repoDigests?: string[];
}

/** The engine version images record in docker_version (the recording engine's). */
export const ENGINE_VERSION = "20.10.24+dfsg1";

/** Image IDs are the digest of the config JSON. */
export function imageIdOf(config: ImageConfig): string {
  return digest(configJSON(config));
}

/** The config JSON exactly as stored: what `docker save` writes and the ID digests. */
export function rawConfig(img: Image): string {
  return img.raw ?? configJSON(img.config);
}

/** Total bytes of an image as `docker images` reports it (all its layers). */
export function imageSize(img: Image): number {
  let n = 0;
  for (let l = img.top; l; l = l.parent) n += l.size;
  return n;
}

/** The image's comment as inspect shows it: its own, else the last history entry's (a commit's -m). */
export function imageComment(img: Image): string {
  const c = img.config.comment;
  if (c) return c;
  const h = img.config.history;
  return h.length > 0 ? (h[h.length - 1].comment ?? "") : "";
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}
