/**
 * docker export: the container's whole filesystem as one tar, flattened from its image layers,
 * the init layer (/.dockerenv, /etc/hostname, ... placeholders) and its writable layer. Volumes,
 * bind mounts and /proc are not part of it (the engine reads the layers, not the running mounts).
 */
import { flatten } from "../../snapshots/flatten";
import { layerTar } from "../../snapshots/layer-tar";
import { LayerStore } from "../../snapshots/layers";
import type { Daemon } from "../daemon";
import { conflict } from "../errdefs";

export function containerExport(d: Daemon, name: string): Uint8Array {
  const c = d.mustContainer(name);
  if (c.state.Dead) throw conflict(`You cannot export container ${c.id} which is Dead`);
  if (c.state.Status === "removing") throw conflict(`You cannot export container ${c.id} which is being removed`);
  const img = d.images.mustGet(c.image);
  const layers = [c.rw!, c.init!, ...LayerStore.stack(img.top).reverse().map((l) => l.root)];
  const tar = layerTar(flatten(layers));
  d.events.emit({ Type: "container", Action: "export", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
  return tar;
}
