/**
 * docker exec: a new process in a running container's namespaces (moby's daemon/exec.go with
 * runc exec). It sees the container's filesystem, PID namespace and network, runs as the
 * container's user unless -u says otherwise, and its failures to start are reported the way the
 * 20.10 engine does: the runtime's message on the exec's output stream and exit code 126.
 */
import { rootCred } from "../runtime/cred";
import type { Process } from "../runtime/process";
import { emptyInput, type Readable, type Writable } from "../runtime/streams";
import { Vfs } from "../runtime/vfs";
import type { Container, ExecInstance } from "./container/container";
import { additionalGroups, lookupUser, processCred, processEnv, resolveExecutable, RUNC_THREADS } from "./container/spec";
import type { Daemon } from "./daemon";
import { conflict } from "./errdefs";
import { containerCaps } from "./start";
import { ttyOutput } from "./container/tty";

export interface ExecOptions {
  argv: string[];
  user?: string;
  workingDir?: string;
  env?: string[];
  tty?: boolean;
  privileged?: boolean;
}

export interface ExecIO {
  stdin?: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** ContainerExecCreate: the container must be running and not paused or restarting. */
export function containerExecCreate(d: Daemon, ref: string, opts: ExecOptions): { c: Container; exec: ExecInstance } {
  const c = d.mustContainer(ref);
  if (!c.state.Running || !c.process) throw conflict(`Container ${c.id} is not running`);
  if (c.state.Paused) throw conflict(`Container ${ref} is paused, unpause the container before exec`);
  if (c.state.Restarting) throw conflict(`Container ${c.id} is restarting, wait until the container is running`);
  const exec: ExecInstance = {
    id: d.newId("exec"),
    argv: opts.argv,
    user: opts.user ?? c.config.User,
    workingDir: opts.workingDir || c.config.WorkingDir || "/",
    env: opts.env ?? [],
    tty: opts.tty ?? false,
    running: false,
    exitCode: null,
    pid: 0,
  };
  c.execs.set(exec.id, exec);
  return { c, exec };
}

/**
 * ContainerExecStart: start the process; resolves with its exit code once it ends. A process
 * that cannot start writes the runtime's message to `io.stdout` and ends with 126.
 */
export async function containerExecStart(d: Daemon, c: Container, exec: ExecInstance, io: ExecIO, privileged = false): Promise<number> {
  const pid1 = c.process;
  if (!pid1 || !c.state.Running) throw conflict(`Container ${c.id} is not running`);
  const ns = pid1.ns;
  const fail = async (msg: string): Promise<number> => {
    c.execs.delete(exec.id);
    exec.exitCode = 126;
    await io.stdout.write(msg + "\r\n");
    return 126;
  };
  const probe = new Vfs(ns.mnt, rootCred(), "/", () => d.now(), d.machine.devices, 0);
  const user = lookupUser(probe, exec.user);
  if ("error" in user) return fail(user.error);
  const extra = additionalGroups(probe, c.hostConfig.extra?.GroupAdd ?? []);
  const cred = processCred(user, containerCaps(c), privileged || c.hostConfig.Privileged, Array.isArray(extra) ? extra : []);
  const env = processEnv(c, [...(c.config.Env ?? []), ...exec.env], user.home, exec.tty);
  const oci = (m: string) => `OCI runtime exec failed: exec failed: unable to start container process: ${m}: unknown`;
  const vfs = new Vfs(ns.mnt, cred, "/", () => d.now(), d.machine.devices, 0);
  let isDir = false;
  try {
    isDir = vfs.stat(exec.workingDir).type === "dir";
  } catch {
    isDir = false;
  }
  if (!isDir) return fail(oci(`chdir to cwd (${JSON.stringify(exec.workingDir)}) set in config.json failed: ${statError(vfs, exec.workingDir)}`));
  vfs.cwd = exec.workingDir;
  const exe = resolveExecutable(d.kernel, vfs, exec.argv, env.PATH);
  if ("error" in exe) return fail(oci(exe.error));
  const proc: Process = d.kernel.start({
    argv: exe.argv,
    env,
    cwd: exec.workingDir,
    cred,
    ns,
    devices: d.machine.devices,
    stdin: io.stdin ?? emptyInput(),
    stdout: exec.tty ? ttyOutput(io.stdout) : io.stdout,
    stderr: exec.tty ? ttyOutput(io.stdout) : io.stderr,
    program: exe.program,
    containerId: c.id,
    parent: null,
  });
  for (let i = 0; i < RUNC_THREADS; i++) ns.pid.allocate();
  exec.running = true;
  exec.pid = proc.pid;
  d.events.emit({ Type: "container", Action: `exec_start: ${exec.argv.join(" ")}`, Actor: { ID: c.id, Attributes: { name: c.name, execID: exec.id } }, time: d.now() });
  const code = await proc.exited;
  exec.running = false;
  exec.exitCode = code;
  c.execs.delete(exec.id);
  d.events.emit({ Type: "container", Action: "exec_die", Actor: { ID: c.id, Attributes: { name: c.name, execID: exec.id, exitCode: String(code) } }, time: d.now() });
  return code;
}

function statError(vfs: Vfs, p: string): string {
  try {
    vfs.stat(p);
    return "not a directory";
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "EACCES" ? "permission denied" : code === "ENOTDIR" ? "not a directory" : "no such file or directory";
  }
}
