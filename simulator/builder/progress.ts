/**
 * BuildKit's plain progress output ("#N title", log lines with their time, "#N DONE 0.4s",
 * "#N CACHED", "#N ERROR: ..."), one block per vertex printed when the vertex finishes.
 */
import type { Writable } from "../runtime/streams";

export interface Vertex {
  n: number;
  title: string;
  started: number;
  lines: string[];
}

export class PlainProgress {
  private next: number;
  constructor(
    private readonly out: Writable,
    private readonly now: () => number,
    /** The first vertex's number (buildx numbers its own booting vertex #1 before the build's). */
    first = 1,
  ) {
    this.next = first;
  }

  start(title: string): Vertex {
    return { n: this.next++, title, started: this.now(), lines: [] };
  }

  /** A log line of a running vertex, with the seconds since it started. */
  log(v: Vertex, text: string): void {
    const t = ((this.now() - v.started) / 1000).toFixed(3);
    v.lines.push(`${t} ${text}`);
  }

  info(v: Vertex, text: string): void {
    v.lines.push(text);
  }

  private async flush(v: Vertex, last: string): Promise<void> {
    let s = `#${v.n} ${v.title}\n`;
    for (const l of v.lines) s += `#${v.n} ${l}\n`;
    s += `#${v.n} ${last}\n`;
    if (!last.startsWith("ERROR")) s += "\n";
    await this.out.write(s);
  }

  done(v: Vertex): Promise<void> {
    return this.flush(v, `DONE ${((this.now() - v.started) / 1000).toFixed(1)}s`);
  }

  cached(v: Vertex): Promise<void> {
    return this.flush(v, "CACHED");
  }

  error(v: Vertex, message: string): Promise<void> {
    return this.flush(v, `ERROR: ${message}`);
  }

  seconds(v: Vertex): string {
    return ((this.now() - v.started) / 1000).toFixed(1);
  }
}

/** A Writable that turns a RUN's output into timed log lines of a vertex. */
export function vertexLog(p: PlainProgress, v: Vertex): Writable & { lines: string[]; end(): void } {
  let partial = "";
  const lines: string[] = [];
  const dec = new TextDecoder();
  return {
    lines,
    async write(d: string | Uint8Array) {
      partial += typeof d === "string" ? d : dec.decode(d, { stream: true });
      let i: number;
      while ((i = partial.indexOf("\n")) >= 0) {
        const line = partial.slice(0, i);
        partial = partial.slice(i + 1);
        p.log(v, line);
        lines.push(line);
      }
    },
    end() {
      if (partial) {
        p.log(v, partial);
        lines.push(partial);
        partial = "";
      }
    },
    close() {},
    dup() {
      return this;
    },
  } as Writable & { lines: string[]; end(): void };
}

/** Docker's source excerpt around the lines an error belongs to (BuildKit's errdefs.Source). */
export function sourceExcerpt(name: string, text: string, start: number, end: number): string {
  const lines = text.split("\n");
  if (start < 1 || start > lines.length) return "";
  let e = Math.min(Math.max(end, start), lines.length);
  let s = start;
  const pad = e === s ? 4 : 2;
  for (let p = 0; p < pad; ) {
    if (s > 1) {
      s--;
      p++;
    }
    if (e !== lines.length) {
      e++;
      p++;
    }
    p++;
  }
  let out = `${name}:${start}\n--------------------\n`;
  for (let i = s; i <= e; i++) {
    const mark = i >= start && i <= Math.max(end, start) ? ">>>" : "   ";
    out += ` ${String(i).padStart(3)} | ${mark} ${lines[i - 1]}\n`;
  }
  return out + "--------------------\n";
}
