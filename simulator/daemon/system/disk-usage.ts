/**
 * The engine's disk usage (GET /system/df): images with their shared and unique sizes,
 * containers with their writable layers, volumes with their data and users, build cache records.
 */
import { buildCacheOf, isShared, usedByImages, type CacheRecord } from "../../builder/cache";
import { treeSize } from "../../fs/inode";
import { LayerStore } from "../../snapshots/layers";
import type { Container } from "../container/container";
import type { Daemon } from "../daemon";
import type { Image } from "../images/image";
import type { Volume } from "../volume/store";
import { volumeUsers } from "../volume/manage";
import { imagesList } from "../images/list";

export interface ImageUsage {
  image: Image;
  size: number;
  /** Bytes of layers another image uses too. */
  shared: number;
  /** Containers created from the image. */
  containers: number;
}

export interface DiskUsage {
  /** Bytes of all image layers, each counted once. */
  layersSize: number;
  images: ImageUsage[];
  containers: { container: Container; sizeRw: number }[];
  volumes: { volume: Volume; size: number; links: number }[];
  cache: { record: CacheRecord; shared: boolean }[];
}

export function diskUsage(d: Daemon): DiskUsage {
  // the images `docker images` lists (intermediate images of the legacy builder are not counted)
  const listed = new Set(imagesList(d, { all: false, filters: [] }).map((s) => s.img.id));
  const images = [...d.images.images.values()].filter((img) => listed.has(img.id));
  const users = new Map<string, number>();
  for (const img of images) for (const l of LayerStore.stack(img.top)) users.set(l.chainId, (users.get(l.chainId) ?? 0) + 1);
  const seen = new Set<string>();
  let layersSize = 0;
  for (const img of images)
    for (const l of LayerStore.stack(img.top)) {
      if (seen.has(l.chainId)) continue;
      seen.add(l.chainId);
      layersSize += l.size;
    }
  const containers = [...d.containers.values()];
  const imageUsage = images.map((image) => {
    const stack = LayerStore.stack(image.top);
    return {
      image,
      size: stack.reduce((n, l) => n + l.size, 0),
      shared: stack.filter((l) => (users.get(l.chainId) ?? 0) > 1).reduce((n, l) => n + l.size, 0),
      containers: containers.filter((c) => c.image === image.id).length,
    };
  });
  const inUse = usedByImages(d);
  return {
    layersSize,
    images: imageUsage,
    containers: containers.map((container) => ({ container, sizeRw: container.rw ? treeSize(container.rw) : 0 })),
    volumes: [...d.volumes.volumes.values()].map((volume) => ({ volume, size: treeSize(volume.root), links: volumeUsers(d, volume.Name).length })),
    cache: [...buildCacheOf(d).records.values()].map((record) => ({ record, shared: isShared(record, inUse) })),
  };
}
