/**
 * Input for the text applets: files or stdin ("-"), read in chunks or lines. Reads call
 * ctx.tick() so endless inputs stay interruptible, and a line that keeps growing (no newline,
 * as from /dev/zero) is charged to the process's memory so a cgroup limit can stop it.
 */
import { FsError } from "../../../fs/types";
import { concat, text } from "../../../util/bytes";
import type { ProcessContext } from "../../program";
import type { Readable } from "../../streams";
import { Die } from "./applet";

/** Open `path` for reading ("-" is stdin). A directory opens but fails on read, as on Linux. */
export function openInput(ctx: ProcessContext, path: string): Readable {
  if (path === "-") return ctx.stdin;
  const st = ctx.fs.stat(path);
  if (st.type === "dir") {
    if (!ctx.fs.may(st, 4)) throw new FsError("EACCES");
    const r: Readable = {
      read: () => Promise.reject(new FsError("EISDIR")),
      unshift() {},
      close() {},
      dup: () => r,
    };
    return r;
  }
  return ctx.fs.openRead(path);
}

/** Close an input unless it is the process's stdin. */
export function closeInput(ctx: ProcessContext, r: Readable): void {
  if (r !== ctx.stdin) r.close();
}

const MEM_STEP = 1 << 20;
/** More than a simulated process may hold: past it allocation fails as on a machine out of RAM. */
export const MEM_CEILING = 256 << 20;

/**
 * Declare `bytes` held by the process: the cgroup's OOM killer may stop it, and past the
 * ceiling the allocation fails with BusyBox's "out of memory" (so an endless input cannot
 * exhaust the page's own memory).
 */
export async function holdMemory(ctx: ProcessContext, bytes: number): Promise<void> {
  await ctx.useMemory(bytes);
  if (bytes > MEM_CEILING) throw new Die("out of memory");
}

export class LineReader {
  private parts: Uint8Array[] = [];
  private pending = 0;
  private eof = false;
  private charged = 0;
  /** Buffered parts already known to hold no separator. */
  private scanned = 0;
  private scannedBytes = 0;
  constructor(
    private readonly ctx: ProcessContext,
    private readonly src: Readable,
    private readonly sep = 10,
  ) {}

  /** The next line without its separator, and whether it had one; null at end of input. */
  async nextRaw(): Promise<{ bytes: Uint8Array; nl: boolean } | null> {
    for (;;) {
      // look for a separator in what is buffered
      let off = this.scannedBytes;
      for (let i = this.scanned; i < this.parts.length; i++) {
        const c = this.parts[i];
        const j = c.indexOf(this.sep);
        if (j >= 0) {
          const before = this.parts.slice(0, i);
          before.push(c.subarray(0, j));
          const rest = c.subarray(j + 1);
          this.parts = rest.length ? [rest, ...this.parts.slice(i + 1)] : this.parts.slice(i + 1);
          const bytes = before.length === 1 ? before[0] : concat(before);
          this.pending -= off + j + 1;
          this.scanned = 0;
          this.scannedBytes = 0;
          return { bytes, nl: true };
        }
        off += c.length;
        this.scanned = i + 1;
        this.scannedBytes = off;
      }
      if (this.eof) {
        if (this.pending === 0) return null;
        const bytes = concat(this.parts);
        this.parts = [];
        this.pending = 0;
        this.scanned = 0;
        this.scannedBytes = 0;
        return { bytes, nl: false };
      }
      await this.ctx.tick();
      const c = await this.src.read();
      if (!c) {
        this.eof = true;
        continue;
      }
      if (c.length === 0) continue;
      this.parts.push(c);
      this.pending += c.length;
      if (this.pending - this.charged >= MEM_STEP) {
        this.charged = this.pending;
        await holdMemory(this.ctx, this.pending);
      }
    }
  }

  async next(): Promise<{ line: string; nl: boolean } | null> {
    const r = await this.nextRaw();
    return r ? { line: text(r.bytes), nl: r.nl } : null;
  }
}

/** Read a whole input with ticks, charging memory as it grows. */
export async function readAllInput(ctx: ProcessContext, src: Readable): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  let charged = 0;
  for (;;) {
    await ctx.tick();
    const c = await src.read();
    if (!c) break;
    parts.push(c);
    n += c.length;
    if (n - charged >= MEM_STEP) {
      charged = n;
      await holdMemory(ctx, n);
    }
  }
  return parts.length === 1 ? parts[0] : concat(parts);
}

/** Split text into lines the way line-oriented tools see them (a final newline ends the last line). */
export function splitLines(s: string): string[] {
  if (s === "") return [];
  const lines = s.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
