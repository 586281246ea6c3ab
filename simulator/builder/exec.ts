/** Evaluating the steps that make layers (RUN, COPY, ADD, WORKDIR) for either builder. */
import type { Daemon } from "../daemon/daemon";
import type { Inode } from "../fs/inode";
import type { Backend } from "../fs/types";
import { OverlayFs } from "../snapshots/overlay";
import { LayerStore } from "../snapshots/layers";
import type { Writable } from "../runtime/streams";
import { copyInto, viewOf } from "./copy-op";
import type { Instruction } from "./dockerfile/instructions";
import { processWord } from "./dockerfile/lex";
import { runInContainer, type RunResult } from "./run-step";
import { commandLine, expansionEnv, resolveWorkdir, runArgs, type StageState } from "./stage-state";

type Run = Extract<Instruction, { kind: "RUN" }>;
type Copy = Extract<Instruction, { kind: "COPY" | "ADD" }>;

/** The environment a RUN gets: ENV, then ARGs in scope, then undeclared proxy build-args. */
export function runEnv(s: StageState, proxies: [string, string][]): string[] {
  const env = [...(s.config.Env ?? [])];
  const have = new Set(env.map((e) => e.split("=")[0]));
  for (const [k, v] of runArgs(s)) if (!have.has(k)) env.push(`${k}=${v}`), have.add(k);
  for (const [k, v] of proxies) if (!have.has(k)) env.push(`${k}=${v}`);
  return env;
}

export async function execRun(d: Daemon, s: StageState, ins: Run, proxies: [string, string][], output: Writable, hostname: string, onId?: (id: string) => Promise<void>, errorOutput?: Writable): Promise<RunResult> {
  const argv = commandLine(s, ins);
  const buildkit = hostname === "buildkitsandbox";
  return runInContainer(d, s, { argv: heredocArgv(ins, argv, s), env: runEnv(s, proxies), user: s.config.User, workdir: s.config.WorkingDir || "/", hostname: buildkit ? hostname : "", output, errorOutput, noVolumes: buildkit, keepOnFailure: !buildkit }, onId);
}

/** A RUN with a here-document runs its content as the script (or feeds it to the command). */
function heredocArgv(ins: Run, argv: string[], s: StageState): string[] {
  if (ins.files.length === 0) return argv;
  const f = ins.files[0];
  const body = f.chomp ? f.content.replace(/^\t+/gm, "") : f.content;
  const first = ins.cmdLine.join(" ").trim();
  const shell = s.config.Shell ?? ["/bin/sh", "-c"];
  if (/^<<-?\s*["']?[A-Za-z_][A-Za-z0-9_]*["']?\s*$/.test(first)) return [...shell, body];
  // `RUN <<EOF cmd`: the command reads the document on its standard input
  return [...shell, `${first}\n${body}${f.name}`];
}

/** uid:gid for --chown, names looked up in the stage's /etc/passwd and /etc/group. */
export function resolveChown(s: StageState, chown: string, escape: string): { uid: number; gid: number } {
  const v = processWord(chown, expansionEnv(s), escape);
  const [u, g] = v.split(":");
  const root = viewOf(s.top);
  const lookup = (file: string, name: string): number | null => {
    if (/^\d+$/.test(name)) return Number(name);
    let text = "";
    try {
      text = new TextDecoder().decode(root.readFile(["etc", file]));
    } catch {
      text = "";
    }
    for (const line of text.split("\n")) {
      const f = line.split(":");
      if (f[0] === name) return Number(file === "passwd" ? f[2] : f[2]);
    }
    return null;
  };
  const uid = lookup("passwd", u);
  if (uid === null) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${u}: no such user: ${u}`);
  let gid: number | null = uid;
  if (g !== undefined) gid = lookup("group", g);
  else if (!/^\d+$/.test(u)) {
    // a user name alone: its primary group
    const text = new TextDecoder().decode(safeRead(root, ["etc", "passwd"]));
    const line = text.split("\n").find((l) => l.split(":")[0] === u);
    gid = line ? Number(line.split(":")[3]) : uid;
  }
  if (gid === null) throw new Error(`unable to convert uid/gid chown string to host mapping: can't find gid for group ${g}: no such group: ${g}`);
  return { uid, gid };
}

function safeRead(b: Backend, p: string[]): Uint8Array {
  try {
    return b.readFile(p);
  } catch {
    return new Uint8Array(0);
  }
}

/** The absolute destination of a COPY/ADD and whether it names a directory. */
export function copyDest(s: StageState, ins: Copy, escape: string): { dest: string; isDir: boolean } {
  const raw = processWord(ins.dest, expansionEnv(s), escape);
  const isDir = raw.endsWith("/") || raw === "." || raw.endsWith("/.");
  const dest = resolveWorkdir(s.config.WorkingDir || "/", raw);
  return { dest, isDir };
}

export function execCopy(s: StageState, ins: Copy, src: Backend, escape: string, now: number): Inode {
  const env = expansionEnv(s);
  const { dest, isDir } = copyDest(s, ins, escape);
  const owner = ins.chown ? resolveChown(s, ins.chown, escape) : undefined;
  const chmod = ins.chmod ? parseInt(ins.chmod, 8) : undefined;
  return copyInto(s.top, src, {
    sources: ins.sources.map((p) => processWord(p, env, escape)),
    contents: ins.contents.map((c) => ({ path: c.path, data: c.expand ? processWord(c.data, env, escape) : c.data })),
    dest,
    destIsDir: isDir,
    uid: owner?.uid,
    gid: owner?.gid,
    chmod,
    extract: ins.kind === "ADD",
    now,
  });
}

/** WORKDIR makes its directory when missing (a layer with just that), else nothing. */
export function execWorkdir(s: StageState, now: number): Inode | null {
  const parts = (s.config.WorkingDir || "/").split("/").filter(Boolean);
  const overlay = new OverlayFs(LayerStore.stack(s.top).reverse().map((l) => l.root), undefined, () => now);
  if (overlay.lstat(parts)) return null;
  for (let i = 1; i <= parts.length; i++) if (!overlay.lstat(parts.slice(0, i))) overlay.mkdir(parts.slice(0, i), { mode: 0o755, uid: 0, gid: 0, mtime: now });
  return overlay.upper;
}
