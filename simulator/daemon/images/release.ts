/**
 * Which layers are still in use when an image goes: every stored image's stack, the stack of the
 * image each container was created from (a container's layer keeps its parents, even after
 * `docker rmi -f` took the image away), and the holds other owners (the build cache) keep.
 */
import type { Layer } from "../../snapshots/layers";
import type { Daemon } from "../daemon";
import type { Image } from "./image";

/** Top layers that images and containers reference. */
export function layersInUse(d: Daemon): Array<Layer | null> {
  const tops: Array<Layer | null> = [];
  for (const img of d.images.images.values()) tops.push(img.top);
  for (const c of d.containers.values()) {
    const img = d.images.get(c.image) ?? d.images.retired.get(c.image);
    if (img) tops.push(img.top);
  }
  return tops;
}

/** Forget retired images no container uses any more, freeing what only they kept. */
export function collectRetired(d: Daemon): void {
  for (const [id, img] of [...d.images.retired]) {
    if ([...d.containers.values()].some((c) => c.image === id)) continue;
    d.images.retired.delete(id);
    d.layers.release(img.top, layersInUse(d));
  }
}

/**
 * Take `img` out of the image store (moby's imageStore.Delete): if containers still use it it
 * is kept aside for them. Returns the layers that were freed, top first.
 */
export function deleteImage(d: Daemon, img: Image): Layer[] {
  d.images.delete(img.id);
  if ([...d.containers.values()].some((c) => c.image === img.id)) {
    d.images.retired.set(img.id, img);
    return [];
  }
  return d.layers.release(img.top, layersInUse(d));
}
