/**
 * RUN as a real container: created from the stage's current image state with the RUN's command,
 * started, waited for, its writable layer taken as the new layer, and removed. So a RUN sees the
 * same shell, applets and filesystem semantics as `docker run`.
 */
import { type ContainerConfig, emptyContainerConfig } from "../api/types";
import { containerCreate } from "../daemon/create";
import type { Daemon } from "../daemon/daemon";
import { removeContainerNow } from "../daemon/delete";
import { onStopped } from "../daemon/monitor";
import { containerStart } from "../daemon/start";
import { type Image, imageIdOf } from "../daemon/images/image";
import type { Inode } from "../fs/inode";
import type { Writable } from "../runtime/streams";
import type { StageState } from "./stage-state";

export interface RunRequest {
  argv: string[];
  /** KEY=VALUE, the stage's ENV plus the ARGs in scope. */
  env: string[];
  user: string;
  workdir: string;
  hostname?: string;
  /** BuildKit: VOLUME paths are plain directories of the RUN's filesystem. */
  noVolumes?: boolean;
  /** Legacy builder: a failed RUN's container stays. */
  keepOnFailure?: boolean;
  /** Output as the process writes it (both streams unless errorOutput is given). */
  output: Writable;
  errorOutput?: Writable;
}

export interface RunResult {
  exit: number;
  /** The container's writable layer: what the command changed. */
  rw: Inode;
  /** The container's ID (the legacy builder prints it). */
  containerId: string;
  /** Why it could not start, when it did not. */
  error?: string;
}

/** Registers a throwaway image for the stage's current state (containers are made from images). */
export function stageImage(d: Daemon, s: StageState): Image {
  const config = { architecture: "amd64", os: "linux", created: "1970-01-01T00:00:00Z", config: s.config, history: [], rootfs: { type: "layers" as const, diff_ids: s.diffIds } };
  const id = imageIdOf({ ...config, history: [{ created: "build-scratch" }] });
  const img: Image = { id, config, top: s.top, parent: "" };
  if (!d.images.get(id)) d.images.images.set(id, img);
  return d.images.get(id)!;
}

export function dropStageImage(d: Daemon, img: Image): void {
  if (d.images.tagsOf(img.id).length === 0 && ![...d.containers.values()].some((c) => c.image === img.id)) d.images.images.delete(img.id);
}

export async function runInContainer(d: Daemon, s: StageState, req: RunRequest, idHook?: (id: string) => Promise<void>): Promise<RunResult> {
  const img = stageImage(d, req.noVolumes ? { ...s, config: { ...s.config, Volumes: null } } : s);
  const config: Partial<ContainerConfig> = {
    ...emptyContainerConfig(),
    Entrypoint: [""],
    Cmd: req.argv,
    Env: req.env,
    User: req.user,
    WorkingDir: req.workdir,
    Hostname: req.hostname ?? "",
    Labels: null,
  };
  let id: string;
  try {
    id = containerCreate(d, { image: img.id, config, hostConfig: { NetworkMode: "bridge" } }, img).Id;
  } catch (e) {
    dropStageImage(d, img);
    throw e;
  }
  const c = d.containers.get(id)!;
  if (idHook) await idHook(id);
  const stopped = onStopped(c);
  let exit: number;
  let error: string | undefined;
  try {
    containerStart(d, c, { stdout: req.output, stderr: req.errorOutput ?? req.output });
    exit = await stopped;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    exit = c.state.ExitCode || 1;
  }
  // logs are not kept for build containers
  c.logs = [];
  const rw = c.rw!;
  if (req.keepOnFailure && (exit !== 0 || error)) return { exit, rw, containerId: id, error };
  removeContainerNow(d, c, true);
  dropStageImage(d, img);
  return { exit, rw, containerId: id, error };
}
