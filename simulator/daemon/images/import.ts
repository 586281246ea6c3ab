/**
 * docker import (moby's ImportImage): a tar (plain or gzip) becomes the single layer of a new
 * image whose config is empty apart from -c changes: no Cmd, no parent, one history entry with
 * the -m message or "Imported from <source>".
 */
import type { Reference } from "../../api/reference";
import { emptyContainerConfig, type ImageConfig } from "../../api/types";
import { treeFromTar } from "../../snapshots/layer-tar";
import { digest } from "../../util/sha256";
import type { Daemon } from "../daemon";
import { applyChanges } from "./changes";
import { createdStamp } from "./created";
import { ENGINE_VERSION, imageIdOf } from "./image";
import { tagImage } from "./tag";
import { decompress, untar } from "./untar";

export interface ImportOptions {
  ref?: Reference;
  message: string;
  changes: string[];
  /** What the client names the source: "-" for a file or stdin it streams, else the URL. */
  source: string;
}

export function imageImport(d: Daemon, data: Uint8Array, opts: ImportOptions): string {
  const config = applyChanges(emptyContainerConfig(), opts.changes);
  const tar = decompress(data);
  const tree = treeFromTar(untar(tar), d.now());
  const layer = d.layers.register(tree, null, digest(tar), tar);
  const created = createdStamp(d);
  const msg = opts.message || `Imported from ${opts.source}`;
  const img: ImageConfig = {
    architecture: "amd64",
    comment: msg,
    config,
    container_config: emptyContainerConfig(),
    created,
    docker_version: ENGINE_VERSION,
    history: [{ created, comment: msg }],
    os: "linux",
    rootfs: { type: "layers", diff_ids: [layer.diffId] },
  };
  const id = imageIdOf(img);
  d.images.add({ id, config: img, top: layer, parent: "" });
  if (opts.ref) tagImage(d, id, opts.ref);
  d.events.emit({ Type: "image", Action: "import", Actor: { ID: id, Attributes: {} }, time: d.now() });
  return id;
}
