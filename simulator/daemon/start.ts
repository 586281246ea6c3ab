/** docker start: build the container's namespaces and root filesystem, and run its command as PID 1. */
import { ALL_CAPS, DOCKER_DEFAULT_CAPS } from "../runtime/cred";
import { PidNamespace, type Namespaces } from "../runtime/namespaces";
import type { Program } from "../runtime/program";
import { emptyInput, type Readable, type Writable } from "../runtime/streams";
import { Vfs } from "../runtime/vfs";
import { split } from "../fs/path";
import { utf8 } from "../util/bytes";
import { OverlayFs } from "../snapshots/overlay";
import { rootCred } from "../runtime/cred";
import type { Container } from "./container/container";
import { writeEtcFiles } from "./container/etcfiles";
import { initProgram } from "./container/init";
import { logWriter } from "./container/logs";
import { buildMountTable, rootOverlay } from "./container/mounts";
import { attachNetworks, detachNetworks, isUserDefined } from "./container/network";
import { containerNetNs } from "./container/netns";
import { setRunning } from "./container/state";
import { bindPorts, releasePorts } from "./container/ports";
import { foreignProgram } from "./container/foreign";
import { platformOfConfig, runsOnHost } from "../distribution/platform";
import { additionalGroups, lookupUser, processCred, processEnv, resolveExecutable, RUNC_THREADS, startFailureCode } from "./container/spec";
import { planMounts, resolveMounts } from "./container/volumes";
import type { Daemon } from "./daemon";
import { conflict, systemError } from "./errdefs";
import { monitorExit } from "./monitor";
import { linkEnv } from "./network/links";
import { startHealthMonitor } from "./health";
import { containerStdinPipe } from "./container/stdin";
import { setupWorkingDir } from "./container/workdir";
import { ttyOutput } from "./container/tty";

export interface AttachIO {
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
}

let nsSeq = 1;

/** The capabilities a container's root process holds (defaults, --cap-add/--cap-drop, --privileged). */
export function containerCaps(c: Container): string[] {
  if (c.hostConfig.Privileged) return [...ALL_CAPS];
  const norm = (s: string) => s.toUpperCase().replace(/^CAP_/, "");
  const add = (c.hostConfig.CapAdd ?? []).map(norm);
  const drop = (c.hostConfig.CapDrop ?? []).map(norm);
  let caps = drop.includes("ALL") ? [] : DOCKER_DEFAULT_CAPS.filter((x) => !drop.includes(x));
  caps = add.includes("ALL") ? [...ALL_CAPS] : [...new Set([...caps, ...add])];
  return caps;
}

/** Error text of a failed exec, in the engine's runc wording. */
function ociError(msg: string): string {
  return `failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${msg}: unknown`;
}

/** Mount targets missing from the image are made in the container's layer, as runc does (dirs 0755). */
function makeMountpoints(d: Daemon, c: Container, ro: OverlayFs): void {
  // the runtime makes them before it remounts a read-only root: a writable view of the same layer
  const root = new OverlayFs(ro.lowers, ro.upper, () => d.now());
  for (const m of c.mounts) {
    const parts = split(m.Destination);
    for (let i = 1; i <= parts.length; i++) {
      const at = parts.slice(0, i);
      if (root.lstat(at)) continue;
      const meta = { mode: 0o755, uid: 0, gid: 0, mtime: d.now() };
      const fileBind = i === parts.length && m.Type === "bind" && d.machine.rootfs.node(split(m.Source))?.type === "file";
      try {
        if (fileBind) root.writeFile(at, new Uint8Array(0), meta);
        else root.mkdir(at, meta);
      } catch {
        break; // a file in the way: the mount fails later with the runtime's own error
      }
    }
  }
}

/**
 * The PID namespace a container's processes live in (--pid): a new one by default, the host's
 * for `host`, or a running container's for `container:<id>` (whose init's exit then ends this
 * container too). A string is the engine's error when the other container is not running.
 */
function pidNamespace(d: Daemon, c: Container): PidNamespace | string {
  const mode = c.hostConfig.extra?.PidMode ?? "";
  if (mode === "host") return d.machine.hostNs.pid;
  if (mode.startsWith("container:")) {
    const ref = mode.slice("container:".length);
    const target = d.findContainer(ref);
    if (!target) return `No such container: ${ref}`;
    if (!target.state.Running || !target.process?.alive) return `container ${target.id} is not running`;
    return target.process.ns.pid;
  }
  return new PidNamespace(++nsSeq, d.machine.hostNs.pid);
}

export function containerStart(d: Daemon, c: Container, io: AttachIO = {}): void {
  if (c.state.Paused) throw conflict("cannot start a paused container, try unpause instead");
  if (c.state.Running && !c.state.Restarting) return;
  if (c.state.Status === "removing" || c.state.Dead) throw conflict(`container is marked for removal and cannot be started`);
  const img = d.images.mustGet(c.image);
  // mounts are planned at create; a container restored from before that plans them here
  if (!c.hasBeenStarted && c.mounts.length === 0) planMounts(d, c);
  const root = rootOverlay(c, img.top, () => d.now());
  makeMountpoints(d, c, root);
  const kernel = d.kernel;
  // namespaces
  let ns!: Namespaces;
  const mnt = buildMountTable(c, root, kernel, () => ns, resolveMounts(d, c, root));
  attachNetworks(d, c);
  // in another container's network namespace, a container takes that container's hostname
  const netMode = c.hostConfig.NetworkMode;
  const netTarget = netMode.startsWith("container:") ? d.findContainer(netMode.slice("container:".length)) : null;
  if (netTarget) {
    c.config.Hostname = netTarget.config.Hostname;
    c.config.Domainname = netTarget.config.Domainname;
    c.etcFiles!.hostname.data = utf8(c.config.Hostname + "\n");
  }
  writeEtcFiles(c, isUserDefined(c), d.now());
  const hc = c.hostConfig;
  const pidNs = pidNamespace(d, c);
  if (typeof pidNs === "string") {
    detachNetworks(d, c);
    c.state.ExitCode = 128;
    c.state.Error = pidNs;
    throw systemError(pidNs);
  }
  ns = {
    pid: pidNs,
    // --uts host: the host's hostname (the container's /etc/hostname file still holds its own)
    uts: hc.extra?.UTSMode === "host" ? d.machine.hostNs.uts : { id: ++nsSeq, hostname: c.config.Hostname, domainname: c.config.Domainname || "(none)" },
    mnt,
    net: containerNetNs(c),
    ipc: { id: ++nsSeq },
    user: { id: 0 },
    cgroup: {
      path: `/docker/${c.id}`,
      memoryLimit: hc.Memory > 0 ? hc.Memory : null,
      memorySwapLimit: hc.MemorySwap !== 0 ? hc.MemorySwap : null,
      pidsLimit: hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : null,
      nanoCpus: hc.NanoCpus || null,
      cpuShares: hc.CpuShares || null,
      oomKilled: false,
      frozen: false,
    },
  };
  const fail = (msg: string, code: number): never => {
    detachNetworks(d, c);
    releasePorts(c);
    c.state.ExitCode = code;
    c.state.Error = msg;
    throw systemError(msg);
  };
  // published ports first, as libnetwork binds them when the endpoint joins
  try {
    bindPorts(d, c, Object.values(c.networks)[0]?.EndpointID || d.newId("endpoint"));
  } catch (e) {
    fail((e as Error).message, c.state.ExitCode || 128);
  }
  // the working directory is made if missing (as root, 0755)
  const probe = new Vfs(mnt, rootCred(), "/", () => d.now(), d.machine.devices, 0);
  const cwd = c.config.WorkingDir || "/";
  const wdErr = setupWorkingDir(probe, cwd);
  if (wdErr) fail(wdErr, c.state.ExitCode || 128);
  // user and credentials, resolved in the container's own /etc/passwd
  const user = lookupUser(probe, c.config.User);
  if ("error" in user) return fail(user.error, c.state.ExitCode || 128);
  const extraGroups = additionalGroups(probe, hc.extra?.GroupAdd ?? []);
  if ("error" in extraGroups) return fail(extraGroups.error, c.state.ExitCode || 128);
  const cred = processCred(user, containerCaps(c), hc.Privileged, extraGroups);
  const env = processEnv(c, [...linkEnv(d, c), ...(c.config.Env ?? [])], user.home, c.config.Tty);
  // what to run
  const vfs = new Vfs(mnt, cred, cwd, () => d.now(), d.machine.devices, 1);
  const argv = [c.path, ...c.args];
  const exe = resolveExecutable(kernel, vfs, argv, env.PATH);
  if ("error" in exe) return fail(ociError(exe.error), startFailureCode(exe.error));
  let program: Program = exe.program;
  // an image of another architecture: runc's exec of its program fails (no QEMU on this host)
  if (!runsOnHost(platformOfConfig(img.config))) program = foreignProgram(exe.path);
  let pid1Argv = exe.argv;
  if (hc.Init) {
    program = initProgram({ argv: pid1Argv, path: exe.path, program });
    pid1Argv = ["/sbin/docker-init", "--", ...argv];
  }
  const now = () => d.now();
  const logged = logWriter(c, "stdout", now, io.stdout);
  const stdout = c.config.Tty ? ttyOutput(logged) : logged;
  const stderr = c.config.Tty ? stdout : logWriter(c, "stderr", now, io.stderr);
  const stdin = !c.config.OpenStdin ? emptyInput() : io.stdin ?? containerStdinPipe(c);
  c.state.Error = "";
  c.manualStop = false;
  c.execs.clear();
  const proc = kernel.start({
    argv: pid1Argv,
    env,
    cwd,
    cred,
    ns,
    devices: d.machine.devices,
    stdin,
    stdout,
    stderr,
    program,
    containerId: c.id,
    parent: null,
  });
  c.process = proc;
  if (ns.pid.parent !== null) for (let i = 0; i < RUNC_THREADS; i++) ns.pid.allocate();
  c.hasBeenStarted = true;
  setRunning(c.state, proc.pid, d.now());
  d.events.emit({ Type: "container", Action: "start", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
  monitorExit(d, c, proc);
  startHealthMonitor(d, c, proc);
}
