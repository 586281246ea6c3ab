/** awk's input records (RS as a character, a regex, or "" for paragraphs) and output streams. */
import type { ProcessContext } from "../../program";
import { Pipe, type Readable, type Writable } from "../../streams";
import { lookPath } from "../../exec";
import { compilePosix } from "../lib/regex";
import { closeInput, holdMemory, openInput } from "../lib/io";
import { umaskOf } from "../lib/mode";
import { binFromBytes, fromBin } from "./bytes";

/** Reads records from one stream. */
export class RecordReader {
  private buf = "";
  private eof = false;
  private charged = 0;
  constructor(
    private readonly ctx: ProcessContext,
    readonly src: Readable,
  ) {}

  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    await this.ctx.tick();
    const c = await this.src.read();
    if (!c) {
      this.eof = true;
      return false;
    }
    this.buf += binFromBytes(c);
    if (this.buf.length - this.charged > 1 << 20) {
      this.charged = this.buf.length;
      await holdMemory(this.ctx, this.buf.length);
    }
    return true;
  }

  /** The next record for separator `rs`, or null at end of input. */
  async next(rs: string): Promise<string | null> {
    for (;;) {
      if (rs === "") {
        const start = this.buf.search(/[^\n]/);
        if (start < 0) {
          if (!(await this.fill())) return null;
          continue;
        }
        const m = /\n\n+/.exec(this.buf.slice(start));
        if (m && (start + m.index + m[0].length < this.buf.length || this.eof)) {
          const rec = this.buf.slice(start, start + m.index);
          this.buf = this.buf.slice(start + m.index + m[0].length);
          return rec;
        }
        if (!(await this.fill())) {
          if (start >= this.buf.length) return null;
          const rec = this.buf.slice(start).replace(/\n+$/, "");
          this.buf = "";
          return rec;
        }
        continue;
      }
      if (rs.length === 1) {
        const i = this.buf.indexOf(rs);
        if (i >= 0) {
          const rec = this.buf.slice(0, i);
          this.buf = this.buf.slice(i + 1);
          return rec;
        }
      } else {
        const re = compilePosix(rs, { extended: true });
        const m = re.exec(this.buf);
        if (m && m[0].length > 0 && (m.index + m[0].length < this.buf.length || this.eof)) {
          const rec = this.buf.slice(0, m.index);
          this.buf = this.buf.slice(m.index + m[0].length);
          return rec;
        }
      }
      if (!(await this.fill())) {
        if (this.buf === "") return null;
        const rec = this.buf;
        this.buf = "";
        return rec;
      }
    }
  }
}

export interface OutStream {
  w: Writable;
  /** For "| cmd": the child to wait for on close. */
  child?: { exited: Promise<number> };
  file?: boolean;
}

/** Streams opened by print > file, >> file, | cmd and by getline < file, cmd | getline. */
export class Streams {
  readonly outs = new Map<string, OutStream>();
  readonly ins = new Map<string, { reader: RecordReader; child?: { exited: Promise<number> } }>();
  constructor(private readonly ctx: ProcessContext) {}

  output(bin: string, op: string): OutStream {
    const name = fromBin(bin);
    let s = this.outs.get(name);
    if (s) return s;
    const ctx = this.ctx;
    if (op === "|") {
      const pipe = new Pipe();
      const child = spawnShell(ctx, name, { stdin: pipe.reader });
      pipe.reader.close();
      s = { w: pipe.writer, child: child ?? undefined };
    } else if (name === "/dev/stdout" || name === "-") s = { w: ctx.stdout };
    else if (name === "/dev/stderr") s = { w: ctx.stderr };
    else s = { w: ctx.fs.openWrite(name, { append: op === ">>", mode: 0o666 & ~umaskOf(ctx) }), file: true };
    this.outs.set(name, s);
    return s;
  }

  /** A reader for getline < file; null when it cannot be opened. */
  inputFile(bin: string): RecordReader | null {
    const name = fromBin(bin);
    let r = this.ins.get(name);
    if (!r) {
      try {
        const src = name === "-" || name === "/dev/stdin" ? this.ctx.stdin : openInput(this.ctx, name);
        r = { reader: new RecordReader(this.ctx, src) };
      } catch {
        return null;
      }
      this.ins.set(name, r);
    }
    return r.reader;
  }

  /** A reader for cmd | getline. */
  inputCmd(bin: string): RecordReader | null {
    const cmd = fromBin(bin);
    let r = this.ins.get(cmd);
    if (!r) {
      const pipe = new Pipe();
      const child = spawnShell(this.ctx, cmd, { stdout: pipe.writer });
      pipe.writer.close();
      if (!child) return null;
      r = { reader: new RecordReader(this.ctx, pipe.reader), child };
      this.ins.set(cmd, r);
    }
    return r.reader;
  }

  /** close(name): 0, the command's status for pipes, -1 when nothing was open. */
  async close(bin: string): Promise<number> {
    const name = fromBin(bin);
    let status = -1;
    const o = this.outs.get(name);
    if (o) {
      this.outs.delete(name);
      if (o.w !== this.ctx.stdout && o.w !== this.ctx.stderr) o.w.close();
      status = o.child ? await this.ctx.proc.guard(o.child.exited) : 0;
    }
    const i = this.ins.get(name);
    if (i) {
      this.ins.delete(name);
      closeInput(this.ctx, i.reader.src);
      status = i.child ? await this.ctx.proc.guard(i.child.exited) : 0;
    }
    return status;
  }

  async closeAll(): Promise<void> {
    for (const n of [...this.outs.keys()]) await this.close(n);
    for (const n of [...this.ins.keys()]) await this.close(n);
  }
}

/** Start "sh -c cmd" with some of the process's streams replaced; null when sh cannot run. */
export function spawnShell(ctx: ProcessContext, cmd: string, streams: { stdin?: Readable; stdout?: Writable }): { exited: Promise<number> } | null {
  const sh = lookPath(ctx.fs, "sh", ctx.env.PATH) ?? "/bin/sh";
  try {
    return ctx.spawn({ argv: ["sh", "-c", cmd], path: sh, ...streams });
  } catch {
    return null;
  }
}
