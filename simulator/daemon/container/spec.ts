/**
 * What runc works out before it starts a process in a container, shared by `start` (PID 1) and
 * `exec`: the user from the container's /etc/passwd, the environment, the working directory and
 * the executable, with runc's error texts ("exec: \"x\": executable file not found in $PATH").
 */
import { ALL_CAPS, type Cred } from "../../runtime/cred";
import { identify, lookPath } from "../../runtime/exec";
import type { Kernel } from "../../runtime/kernel";
import type { Program } from "../../runtime/program";
import type { Vfs } from "../../runtime/vfs";
import type { Container } from "./container";
import { resolveUser, type ExecUser } from "./user";
import { text } from "../../util/bytes";

/**
 * PIDs the threads of `runc init` take in the container's PID namespace right after each process
 * it starts (PID 1, every exec): why the first exec in a container is PID 7, the next 13.
 */
export const RUNC_THREADS = 5;

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** The environment of a process in the container: config variables, then PATH, HOSTNAME, HOME, TERM. */
export function processEnv(c: Container, vars: string[], home: string, tty: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of vars) {
    const i = e.indexOf("=");
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
  }
  env.PATH ??= DEFAULT_PATH;
  env.HOSTNAME ??= c.config.Hostname;
  env.HOME ??= home;
  if (tty) env.TERM ??= "xterm";
  return env;
}

/**
 * The credentials of a process: the user's IDs with its groups plus any --group-add ones (the
 * kernel keeps the list sorted), and capabilities for root (or everyone when privileged).
 */
export function processCred(u: ExecUser, rootCaps: string[], privileged: boolean, extraGroups: number[] = []): Cred {
  const caps = u.uid === 0 ? rootCaps : privileged ? [...ALL_CAPS] : [];
  const groups = [...new Set([...u.groups, ...extraGroups])].sort((a, b) => a - b);
  return { uid: u.uid, gid: u.gid, groups, caps: new Set(caps), bounding: new Set(privileged ? ALL_CAPS : rootCaps) };
}

/** --group-add entries as group IDs (names looked up in the container's /etc/group), or the engine's error. */
export function additionalGroups(vfs: Vfs, names: string[]): number[] | { error: string } {
  if (names.length === 0) return [];
  let table: string[][] = [];
  try {
    table = text(vfs.readFile("/etc/group")).split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(":"));
  } catch {
    table = [];
  }
  const out: number[] = [];
  for (const g of names) {
    const row = table.find((r) => r[0] === g);
    if (row) out.push(Number(row[2]));
    else if (/^\d+$/.test(g)) out.push(Number(g));
    else return { error: `Unable to find group ${g}: no matching entries in group file` };
  }
  return out;
}

/** The user a spec names, or runc's error text. */
export function lookupUser(vfs: Vfs, spec: string): ExecUser | { error: string } {
  const u = resolveUser(vfs, spec);
  return typeof u === "string" ? { error: u } : u;
}

export interface ExecTarget {
  /** The path found for argv[0]. */
  path: string;
  program: Program;
  /** argv for the program (an interpreter's line prepended for #! scripts). */
  argv: string[];
}

/** Find argv[0] as runc's exec does (LookPath in the container's PATH), or runc's error text. */
export function resolveExecutable(kernel: Kernel, vfs: Vfs, argv: string[], PATH: string): ExecTarget | { error: string } {
  const name = argv[0];
  const q = JSON.stringify(name);
  let found: string | null;
  if (name.includes("/")) {
    try {
      vfs.stat(name);
    } catch {
      return { error: `exec: ${q}: stat ${name}: no such file or directory` };
    }
    found = name;
  } else found = lookPath(vfs, name, PATH);
  if (!found) return { error: `exec: ${q}: executable file not found in $PATH` };
  const target = identify(vfs, found);
  if (typeof target === "string") {
    const why = target === "EACCES" ? "permission denied" : target === "ENOEXEC" ? "exec format error" : "no such file or directory";
    return { error: `exec: ${q}: ${why}` };
  }
  const resolved = kernel.programFor(vfs, target);
  if (typeof resolved === "string") return { error: `exec: ${q}: ${resolved === "ENOENT" ? "no such file or directory" : "exec format error"}` };
  return { path: found, program: resolved.program, argv: resolved.argvPrefix.length ? [...resolved.argvPrefix, found, ...argv.slice(1)] : argv };
}

/** The exit code the engine records for a failed start (translateContainerdStartErr). */
export function startFailureCode(msg: string): number {
  if (/executable file not found|: no such file or directory/.test(msg)) return 127;
  if (msg.includes("permission denied")) return 126;
  return 128;
}
