/**
 * Redirections: opening files through the Vfs, duplicating and closing descriptors, here-
 * documents, and saving/restoring the shell's descriptor table around a command.
 */
import { FsError, STRERROR } from "../../fs/types";
import type { Process } from "../process";
import { fromBytes, type Readable, type Writable } from "../streams";
import type { Redir } from "./ast";
import { ShellError } from "./errors";
import { EXP_TILDE, expandString, expandWord } from "./expand";
import type { FdEntry, Shell } from "./shell";

export interface Expanded {
  r: Redir;
  /** File name for file redirections (and >&file). */
  fname?: string;
  /** Descriptor to duplicate, -1 to close. */
  dupfd?: number;
  /** Both stdout and stderr (&> and >&file). */
  both?: boolean;
}

/** Saved descriptors of one redirection scope, restored by popRedirs. */
export type Frame = Array<{ fd: number; old: FdEntry | null }>;

export function guardReadable(proc: Process, r: Readable): Readable {
  const g: Readable = {
    read: () => proc.guard(r.read()),
    unshift: (d) => r.unshift(d),
    close: () => r.close(),
    dup: () => r.dup(),
    isTTY: r.isTTY,
  };
  return g;
}

export function guardWritable(proc: Process, w: Writable): Writable {
  const g: Writable = {
    write: (d) => proc.guard(w.write(d)),
    close: () => w.close(),
    dup: () => w.dup(),
    isTTY: w.isTTY,
  };
  return g;
}

/** ash's expredir: expand file names and variable fd words before redirecting. */
export async function expandRedirs(sh: Shell, redirs: Redir[]): Promise<Expanded[]> {
  const out: Expanded[] = [];
  for (const r of redirs) {
    if (r.op === "<<") {
      out.push({ r });
    } else if ((r.op === "<&" || r.op === ">&") && r.target === null) {
      out.push({ r, dupfd: r.dupfd });
    } else if (r.op === "<&" || r.op === ">&") {
      const f = (await expandWord(sh, r.target!, EXP_TILDE))[0] ?? "";
      if (f === "") await sh.raise("syntax error: bad fd number");
      if (/^\d{1,9}$/.test(f)) out.push({ r, dupfd: parseInt(f, 10) });
      else {
        if (r.fd !== 1) await sh.raise("redir error");
        out.push({ r, fname: f, both: true });
      }
    } else {
      const f = (await expandWord(sh, r.target!, EXP_TILDE))[0] ?? "";
      out.push({ r, fname: f, both: r.op === "&>" });
    }
  }
  return out;
}

const errmsg = (e: unknown, enoent: string): string => {
  if (e instanceof FsError) return e.code === "ENOENT" || e.code === "ENOTDIR" ? enoent : STRERROR[e.code];
  return e instanceof Error ? e.message : String(e);
};

/** /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N name the shell's own descriptors. */
function devFd(path: string): number | null {
  const m = /^\/dev\/(?:(stdin)|(stdout)|(stderr)|fd\/(\d+))$/.exec(path);
  if (!m) return null;
  return m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : parseInt(m[4], 10);
}

async function open(sh: Shell, e: Expanded): Promise<FdEntry> {
  const r = e.r;
  const fs = sh.ctx.fs;
  const proc = sh.proc;
  if (r.op === "<<") {
    const h = r.here!;
    const text = h.quoted ? (h.body[0]?.k === "q" ? h.body[0].s : "") : await expandString(sh, h.body, true);
    return { r: fromBytes(text), w: null };
  }
  const name = e.fname!;
  const dev = devFd(name);
  if (dev !== null) {
    const cur = sh.fds[dev];
    if (!cur) await sh.raise(`can't ${r.op === "<" ? "open" : "create"} ${name}: No such file or directory`);
    return { ...cur! };
  }
  if (r.op === "<") {
    try {
      return { r: guardReadable(proc, fs.openRead(name)), w: null };
    } catch (err) {
      return sh.raise(`can't open ${name}: ${errmsg(err, "no such file")}`);
    }
  }
  if (r.op === "<>") {
    try {
      if (!fs.exists(name)) fs.writeFile(name, "", { mode: 0o666 & ~sh.umask });
      return { r: guardReadable(proc, fs.openRead(name)), w: guardWritable(proc, fs.openWrite(name, { append: true })) };
    } catch (err) {
      return sh.raise(`can't create ${name}: ${errmsg(err, "nonexistent directory")}`);
    }
  }
  try {
    const noclobber = r.op === ">" && sh.opts.has("C");
    const w = fs.openWrite(name, { append: r.op === ">>", mode: 0o666 & ~sh.umask, noclobber });
    return { r: null, w: guardWritable(proc, w) };
  } catch (err) {
    return sh.raise(`can't create ${name}: ${errmsg(err, "nonexistent directory")}`);
  }
}

function save(sh: Shell, frame: Frame | null, fd: number): void {
  if (!frame || frame.some((x) => x.fd === fd)) return;
  frame.push({ fd, old: sh.fds[fd] ?? null });
}

/** Apply redirections; errors are raised (ShellError) after printing ash's message. */
export async function applyRedirs(sh: Shell, list: Expanded[], frame: Frame | null): Promise<void> {
  for (const e of list) {
    const fd = e.r.fd;
    if (e.dupfd !== undefined) {
      if (e.dupfd === -1) {
        save(sh, frame, fd);
        sh.fds[fd] = null;
        continue;
      }
      const src = sh.fds[e.dupfd];
      if (!src) await sh.raise(`${e.dupfd}: Bad file descriptor`);
      save(sh, frame, fd);
      sh.fds[fd] = src!;
      continue;
    }
    const ent = await open(sh, e);
    save(sh, frame, fd);
    sh.fds[fd] = ent;
    if (e.both) {
      save(sh, frame, 2);
      sh.fds[2] = ent;
    }
  }
}

export function popRedirs(sh: Shell, frame: Frame): void {
  for (let i = frame.length - 1; i >= 0; i--) sh.fds[frame[i].fd] = frame[i].old;
  frame.length = 0;
}

/** Redirect, turning a failure into status 1 (ash's redirectsafe). */
export async function redirectSafe(sh: Shell, list: Expanded[], frame: Frame | null): Promise<number> {
  try {
    await applyRedirs(sh, list, frame);
    return 0;
  } catch (e) {
    if (e instanceof ShellError) return 1;
    throw e;
  }
}
