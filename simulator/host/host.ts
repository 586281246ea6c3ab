/**
 * The learner's machine: a Linux host with BusyBox userland, a Docker daemon and the `docker`
 * CLI. createHost() wires cli -> daemon -> snapshots -> runtime; a terminal session or a test
 * drives it by command lines.
 */
import "../runtime/applets/index";
import { bashMain } from "../runtime/sh/index";
import { dockerProgram } from "../cli/docker";
import { opensslProgram } from "./openssl";
import { Daemon } from "../daemon/daemon";
import { NetworkStore } from "../daemon/network/store";
import { networkModel } from "../daemon/network/model";
import { VolumeStore } from "../daemon/volume/store";
import { installCatalogPrograms, loadBusybox, loadCatalogImage } from "../images/catalog";
import { distributionOf } from "../distribution/service";
import { split } from "../fs/path";
import { userCred, type Cred } from "../runtime/cred";
import { Machine } from "../runtime/machine";
import type { Process } from "../runtime/process";
import { Collector, fromBytes, type Readable, type Writable } from "../runtime/streams";
import type { YieldFn } from "../runtime/scheduler";
import { utf8 } from "../util/bytes";
import { HOST_RESOLV_CONF } from "../daemon/container/etcfiles";
import { busyboxProgram } from "../runtime/busybox";
import { SIGNALS } from "../runtime/signals";
import { Session } from "../terminal/session";
import type { TerminalPort } from "../terminal/port";

export interface HostOptions {
  /** Seed for generated names and IDs. */
  seed?: number;
  hostname?: string;
  yieldFn?: YieldFn;
  /** Where simulated time starts (ms since the epoch); the machine's default otherwise. */
  start?: number;
  /** Catalog images the engine already holds (as if pulled before), e.g. ["nginx", "postgres:17"]. */
  images?: string[];
  /** Anonymous Docker Hub pulls allowed per six hours (100 unless given), for lessons on the rate limit. */
  pullLimit?: number;
  /** A wall clock (ms) to cut long commands into slices of main-thread work (see Scheduler.wallClock). */
  wallClock?: () => number;
}

export const LEARNER = { name: "learner", uid: 1000, gid: 1000, home: "/home/learner" };
export const DOCKER_GID = 999;

export interface RunResult {
  exit: number;
  stdout: string;
  stderr: string;
}

export class Host {
  readonly machine: Machine;
  readonly daemon: Daemon;
  /** Bytes of stdout (and of stderr) kept from one `run`. */
  static readonly OUTPUT_LIMIT = 4 << 20;
  /** The wall clock hosts use when none is given: the browser sets performance.now here. */
  static defaultWallClock: (() => number) | null = null;

  constructor(opts: HostOptions = {}) {
    this.machine = new Machine({ hostname: opts.hostname ?? "layerlab", yieldFn: opts.yieldFn, start: opts.start });
    this.machine.linkApplets();
    this.machine.sched.wallClock = opts.wallClock ?? Host.defaultWallClock;
    const d = new Daemon(this.machine, opts.seed ?? 1);
    d.volumes = new VolumeStore(() => d.now());
    d.networks = new NetworkStore(() => d.now(), () => d.newId("network"));
    // the host's interfaces (eth0, docker0, a bridge per user network) and its network stack
    networkModel(d);
    this.daemon = d;
    loadBusybox(d);
    // the image models' programs, and the catalog as the registry the engine pulls from
    installCatalogPrograms(this.machine.kernel);
    d.pull ??= (ref) => loadCatalogImage(d, ref);
    for (const ref of opts.images ?? []) if (!loadCatalogImage(d, ref)) throw new Error(`no image model named ${ref}`);
    if (opts.pullLimit !== undefined) distributionOf(d).hub.limits.anonymous = opts.pullLimit;
    this.machine.installProgram("/usr/bin/docker", "docker", dockerProgram(d), 40_000_000);
    // bash (the shell's bash dialect), the size of Debian 12's /usr/bin/bash
    this.machine.installProgram("/bin/bash", "bash", bashMain, 1_265_648);
    this.machine.installProgram("/usr/bin/openssl", "openssl", opensslProgram, 1_047_424);
    this.installEtc();
  }

  private installEtc(): void {
    const fs = this.machine.rootfs;
    const t = this.machine.sched.now;
    const w = (p: string, s: string, mode = 0o644) => fs.writeFile(split(p), utf8(s), { mode, mtime: t });
    w("/etc/passwd", `root:x:0:0:root:/root:/bin/sh\n${LEARNER.name}:x:${LEARNER.uid}:${LEARNER.gid}:Layerlab learner:${LEARNER.home}:/bin/sh\n`);
    w("/etc/group", `root:x:0:\ndocker:x:${DOCKER_GID}:${LEARNER.name}\n${LEARNER.name}:x:${LEARNER.gid}:\n`);
    w("/etc/hostname", this.machine.hostNs.uts.hostname + "\n");
    w("/etc/hosts", `127.0.0.1\tlocalhost\n127.0.1.1\t${this.machine.hostNs.uts.hostname}\n`);
    w("/etc/resolv.conf", HOST_RESOLV_CONF);
    fs.mkdir(split(LEARNER.home), { mode: 0o755, uid: LEARNER.uid, gid: LEARNER.gid, mtime: t });
    fs.mkdir(["var", "lib", "docker"], { mode: 0o710, mtime: t });
  }

  /** The learner's credentials (a member of the docker group, as on a typical install). */
  learnerCred(): Cred {
    return userCred(LEARNER.uid, LEARNER.gid, [LEARNER.gid, DOCKER_GID]);
  }

  learnerEnv(): Record<string, string> {
    return {
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      HOME: LEARNER.home,
      USER: LEARNER.name,
      LOGNAME: LEARNER.name,
      SHELL: "/bin/sh",
      TERM: "xterm-256color",
      PS1: "\\u@\\h:\\w\\$ ",
    };
  }

  /** Start a host shell process (`sh` with the given argv tail). */
  spawnShell(args: string[], io: { stdin: Readable; stdout: Writable; stderr: Writable; cwd?: string; env?: Record<string, string>; cred?: Cred }): Process {
    return this.machine.spawn({
      argv: ["sh", ...args],
      program: busyboxProgram,
      env: io.env ?? this.learnerEnv(),
      cwd: io.cwd ?? LEARNER.home,
      cred: io.cred ?? this.learnerCred(),
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
    });
  }

  /** An interactive shell on a terminal. */
  openSession(port: TerminalPort, history: string[] = []): Session {
    return new Session(this, port, undefined, history);
  }

  /**
   * Run one command line in a fresh host shell, to completion in simulated time. `limitMs` bounds
   * the simulated time it may take; `steps` gives the line a step budget like the terminal's
   * foreground jobs have, after which every process of it stops.
   */
  async run(line: string, opts: { cwd?: string; stdin?: string; env?: Record<string, string>; cred?: Cred; limitMs?: number; steps?: number } = {}): Promise<RunResult> {
    const out = new Collector(undefined, Host.OUTPUT_LIMIT);
    const err = new Collector(undefined, Host.OUTPUT_LIMIT);
    const p = this.spawnShell(["-c", line], { stdin: fromBytes(opts.stdin ?? ""), stdout: out, stderr: err, cwd: opts.cwd, env: opts.env, cred: opts.cred });
    if (opts.steps !== undefined) this.machine.kernel.setBudget(p, { remaining: opts.steps, exceeded: false });
    const sched = this.machine.sched;
    let exit: number;
    try {
      exit = await sched.runUntil(p.exited, { deadline: opts.limitMs === undefined ? undefined : sched.now + opts.limitMs });
    } catch (e) {
      // past the time limit (or nothing left to run): stop the command and everything it started
      const kill = (q: Process) => {
        for (const c of q.children) kill(c);
        this.machine.kernel.signal(q, SIGNALS.KILL);
      };
      kill(p);
      exit = await sched.runUntil(p.exited);
      await err.write(`layerlab: ${e instanceof Error ? e.message : String(e)}; the command was stopped\n`);
    }
    return { exit, stdout: out.text(), stderr: err.text() };
  }
}

export function createHost(opts: HostOptions = {}): Host {
  return new Host(opts);
}
