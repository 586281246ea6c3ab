/**
 * docker commit (moby's CreateImageFromContainer + CommitImage): the container's writable layer
 * becomes a new layer over its image's, its config (with -c changes) the new image's config, and
 * a history entry records the container's command, -a author and -m comment. An unchanged
 * container adds no layer, only an empty_layer history entry.
 */
import type { ContainerConfig, ImageConfig } from "../../api/types";
import type { Reference } from "../../api/reference";
import { deepCopy } from "../../fs/inode";
import { EMPTY_LAYER_DIFF_ID, LayerStore } from "../../snapshots/layers";
import { layerTar } from "../../snapshots/layer-tar";
import { digest } from "../../util/sha256";
import type { Daemon } from "../daemon";
import { conflict } from "../errdefs";
import { containerPause, containerUnpause } from "../stop";
import { applyChanges } from "./changes";
import { createdStamp } from "./created";
import { ENGINE_VERSION, imageIdOf } from "./image";
import { tagImage } from "./tag";

export interface CommitOptions {
  /** Repository and tag for the new image (already normalised by the client). */
  ref?: Reference;
  author: string;
  comment: string;
  changes: string[];
  pause: boolean;
}

/** moby's merge: fill what the changed config leaves empty from the container's. */
function merge(user: ContainerConfig, from: ContainerConfig): ContainerConfig {
  const c = { ...user };
  if (!c.User) c.User = from.User;
  if (!c.Env || c.Env.length === 0) c.Env = from.Env;
  c.Labels = { ...(from.Labels ?? {}), ...(c.Labels ?? {}) };
  if (!c.Entrypoint || c.Entrypoint.length === 0) {
    if (!c.Cmd || c.Cmd.length === 0) c.Cmd = from.Cmd;
    if (c.Entrypoint === null) c.Entrypoint = from.Entrypoint;
  }
  if (!c.WorkingDir) c.WorkingDir = from.WorkingDir;
  if (!c.StopSignal && from.StopSignal) c.StopSignal = from.StopSignal;
  return c;
}

export function containerCommit(d: Daemon, name: string, opts: CommitOptions): string {
  const c = d.mustContainer(name);
  if (c.state.Dead) throw conflict(`You cannot commit container ${c.id} which is Dead`);
  if (c.state.Status === "removing") throw conflict(`You cannot commit container ${c.id} which is being removed`);
  const config = merge(applyChanges(c.config, opts.changes), c.config);
  const paused = opts.pause && c.state.Running && !c.state.Paused && c.process !== null;
  if (paused) containerPause(d, c);
  let tree;
  try {
    tree = deepCopy(c.rw!);
  } finally {
    if (paused) containerUnpause(d, c);
  }
  const parent = d.images.mustGet(c.image);
  const tar = layerTar(tree);
  const diffId = digest(tar);
  const empty = diffId === EMPTY_LAYER_DIFF_ID;
  const top = empty ? parent.top : d.layers.register(tree, parent.top, diffId);
  const created = createdStamp(d);
  const history = { created, ...(opts.author ? { author: opts.author } : {}), created_by: (c.config.Cmd ?? []).join(" "), ...(opts.comment ? { comment: opts.comment } : {}), ...(empty ? { empty_layer: true } : {}) };
  const img: ImageConfig = {
    architecture: parent.config.architecture || "amd64",
    ...(opts.author ? { author: opts.author } : {}),
    config,
    container: c.id,
    container_config: JSON.parse(JSON.stringify(c.config)) as ContainerConfig,
    created,
    docker_version: ENGINE_VERSION,
    history: [...parent.config.history, history],
    os: parent.config.os || "linux",
    rootfs: { type: "layers", diff_ids: LayerStore.stack(top).map((l) => l.diffId) },
  };
  if (parent.config.variant) img.variant = parent.config.variant;
  const id = imageIdOf(img);
  d.images.add({ id, config: img, top, parent: parent.id });
  d.events.emit({ Type: "image", Action: "create", Actor: { ID: id, Attributes: {} }, time: d.now() });
  if (opts.ref) tagImage(d, id, opts.ref);
  d.events.emit({ Type: "container", Action: "commit", Actor: { ID: c.id, Attributes: { comment: opts.comment, imageID: id, name: c.name } }, time: d.now() });
  return id;
}
