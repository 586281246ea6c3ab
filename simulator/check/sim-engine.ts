/**
 * The CheckEngine on a simulated host. Every answer is built by the daemon's own functions (the
 * ones `docker inspect`, `docker ps`, `docker history`, `docker exec` and `docker cp` use), so a
 * check sees the same Engine API JSON the learner's terminal prints.
 */
import { containerStatus } from "../cli/formatter/units";
import { containerPorts } from "../daemon/port";
import { containerFs } from "../daemon/archive";
import type { Container } from "../daemon/container/container";
import type { Daemon } from "../daemon/daemon";
import { DaemonError } from "../daemon/errdefs";
import { containerExecCreate, containerExecStart } from "../daemon/exec";
import { imageHistory } from "../daemon/images/history";
import { imageSize } from "../daemon/images/image";
import { imagesList } from "../daemon/images/list";
import { getImage } from "../daemon/images/lookup";
import { inspectContainer, inspectImage } from "../daemon/inspect";
import { commandText, listContainers } from "../daemon/list";
import { inspectNetwork } from "../daemon/network/manage";
import { inspectVolume, volumeList } from "../daemon/volume/manage";
import { normalize } from "../fs/path";
import { LEARNER, type Host } from "../host/host";
import { rootCred } from "../runtime/cred";
import type { Process } from "../runtime/process";
import { SIGNALS } from "../runtime/signals";
import { Collector } from "../runtime/streams";
import { Vfs } from "../runtime/vfs";
import { text } from "../util/bytes";
import type {
  CheckEngine,
  ContainerInspect,
  ContainerSummary,
  ExecResult,
  HistoryItem,
  ImageInspect,
  ImageSummary,
  NetworkInspect,
  VolumeInspect,
} from "./engine";

/** A deep copy through JSON: exactly what the Engine API would send, and detached from state. */
function json<T>(v: unknown): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

const isNotFound = (e: unknown) => e instanceof DaemonError && e.kind === "NotFound";

/** Exec output kept per stream (a check never needs more). */
const EXEC_OUTPUT_LIMIT = 1 << 20;
/** Simulated time an exec may take before it is given up (a check must not hang the page). */
const EXEC_LIMIT_MS = 60_000;

export class SimEngine implements CheckEngine {
  readonly kind = "simulator" as const;

  constructor(readonly host: Host) {}

  private get d(): Daemon {
    return this.host.daemon;
  }

  async containers(opts: { all?: boolean } = {}): Promise<ContainerSummary[]> {
    const d = this.d;
    return listContainers(d, { all: !!opts.all, limit: -1, filters: [] }).map((c) => json<ContainerSummary>(this.summary(c)));
  }

  /** One row of GET /containers/json (moby's daemon/list.go transformContainer). */
  private summary(c: Container): Record<string, unknown> {
    const d = this.d;
    const inspect = inspectContainer(d, c);
    // the original reference when it still names the container's image, else the image ID
    let image = c.config.Image;
    if (image !== c.image) {
      let id: string | null = null;
      try {
        id = getImage(d, image).id;
      } catch {
        id = null;
      }
      if (id !== c.image) image = c.image;
    }
    const ports: Record<string, unknown>[] = [];
    for (const [key, bindings] of Object.entries(containerPorts(c))) {
      const [p, type] = key.split("/");
      if (!bindings || bindings.length === 0) ports.push({ PrivatePort: Number(p), Type: type });
      else for (const b of bindings) ports.push({ IP: b.HostIp, PrivatePort: Number(p), PublicPort: Number(b.HostPort), Type: type });
    }
    const s = c.state;
    const ms = (t: string) => (t.startsWith("0001") ? 0 : Date.parse(t));
    const settings = inspect.NetworkSettings as { Networks: unknown };
    return {
      Id: c.id,
      Names: ["/" + c.name],
      Image: image,
      ImageID: c.image,
      Command: commandText(c),
      Created: Math.floor(c.created / 1000),
      Ports: ports,
      Labels: { ...(c.config.Labels ?? {}) },
      State: s.Status,
      Status: containerStatus(
        { running: s.Running, paused: s.Paused, restarting: s.Restarting, dead: s.Dead, exitCode: s.ExitCode, startedAt: ms(s.StartedAt), finishedAt: ms(s.FinishedAt), health: s.Health?.Status },
        d.now(),
      ),
      HostConfig: { NetworkMode: c.hostConfig.NetworkMode },
      NetworkSettings: { Networks: settings.Networks },
      Mounts: inspect.Mounts,
    };
  }

  async container(idOrName: string): Promise<ContainerInspect | null> {
    if (idOrName === "") return null;
    const c = this.d.findContainer(idOrName);
    return c ? json<ContainerInspect>(inspectContainer(this.d, c)) : null;
  }

  async images(): Promise<ImageSummary[]> {
    const d = this.d;
    return imagesList(d, { all: false, filters: [] }).map((s) => {
      const untagged = s.repoTags.length === 1 && s.repoTags[0] === "<none>:<none>";
      return json<ImageSummary>({
        Containers: -1,
        Created: s.created,
        Id: s.img.id,
        Labels: s.img.config.config?.Labels ?? null,
        ParentId: s.img.parent,
        RepoDigests: untagged ? ["<none>@<none>"] : null,
        RepoTags: s.repoTags,
        SharedSize: -1,
        Size: imageSize(s.img),
        VirtualSize: imageSize(s.img),
      });
    });
  }

  async image(ref: string): Promise<ImageInspect | null> {
    if (ref === "") return null;
    try {
      return json<ImageInspect>(inspectImage(this.d, getImage(this.d, ref)));
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async history(ref: string): Promise<HistoryItem[] | null> {
    if (ref === "") return null;
    try {
      return imageHistory(this.d, ref).map(({ ID, Created, CreatedBy, Tags, Size, Comment }) => json<HistoryItem>({ Comment, Created, CreatedBy, Id: ID, Size, Tags }));
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  async volumes(): Promise<VolumeInspect[]> {
    return volumeList(this.d, []).map((v) => json<VolumeInspect>(inspectVolume(v)));
  }

  async volume(name: string): Promise<VolumeInspect | null> {
    const v = this.d.volumes.find(name);
    return v ? json<VolumeInspect>(inspectVolume(v)) : null;
  }

  async networks(): Promise<NetworkInspect[]> {
    const d = this.d;
    return [...d.networks.networks.values()].map((n) => json<NetworkInspect>(inspectNetwork(d, n)));
  }

  async network(idOrName: string): Promise<NetworkInspect | null> {
    if (idOrName === "") return null;
    const n = this.d.networks.find(idOrName);
    return n ? json<NetworkInspect>(inspectNetwork(this.d, n)) : null;
  }

  async exec(container: string, argv: string[], opts: { user?: string; workdir?: string } = {}): Promise<ExecResult> {
    const d = this.d;
    // throws "No such container: x" / "Container <id> is not running" as the daemon words them
    const { c, exec } = containerExecCreate(d, container, { argv, user: opts.user, workingDir: opts.workdir });
    const out = new Collector(undefined, EXEC_OUTPUT_LIMIT);
    const err = new Collector(undefined, EXEC_OUTPUT_LIMIT);
    const sched = this.host.machine.sched;
    const done = containerExecStart(d, c, exec, { stdout: out, stderr: err });
    let exitCode: number;
    try {
      exitCode = await sched.runUntil(done, { deadline: sched.now + EXEC_LIMIT_MS });
    } catch (e) {
      if (e instanceof DaemonError) throw e;
      // past the limit: end the exec's process and everything it started
      const kill = (p: Process) => {
        for (const ch of p.children) kill(ch);
        d.kernel.signal(p, SIGNALS.KILL);
      };
      const proc = d.kernel.list().find((p) => p.pid === exec.pid && exec.pid !== 0);
      if (proc) {
        kill(proc);
        await sched.runUntil(done).catch(() => 0);
      }
      throw new Error(`exec ${JSON.stringify(argv.join(" "))} in ${container} did not finish within ${EXEC_LIMIT_MS / 1000} seconds`);
    }
    return { exitCode, stdout: out.text(), stderr: err.text() };
  }

  async readFile(container: string, path: string): Promise<string | null> {
    const c = this.d.mustContainer(container);
    const fs = containerFs(this.d, c);
    const abs = normalize(path.startsWith("/") ? path : "/" + path);
    try {
      // like `docker cp`: the path itself, a symbolic link being no regular file
      if (fs.lstat(abs).type !== "file") return null;
      return text(fs.readFile(abs));
    } catch {
      return null;
    }
  }

  async hostFile(path: string): Promise<string | null> {
    const abs = normalize(`${LEARNER.home}/${path}`);
    if (!abs.startsWith(LEARNER.home + "/")) throw new Error(`hostFile: ${JSON.stringify(path)} is outside the working folder`);
    const m = this.host.machine;
    const fs = new Vfs(m.hostNs.mnt, rootCred(), "/", () => m.sched.now, m.devices, 0);
    try {
      if (fs.stat(abs).type !== "file") return null;
      return text(fs.readFile(abs));
    } catch {
      return null;
    }
  }
}
