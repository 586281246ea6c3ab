/**
 * The Redis protocol (RESP2) as the redis model speaks it: requests as RESP arrays (what
 * redis-cli sends) or inline commands (a line of words, what `nc` users type), replies as
 * simple strings, errors, integers, bulk strings and arrays.
 */
import type { Readable } from "../../runtime/streams";
import { concat, text, utf8 } from "../../util/bytes";

export type Reply = { t: "status"; s: string } | { t: "error"; s: string } | { t: "int"; n: number } | { t: "bulk"; s: string | null } | { t: "array"; items: Reply[] | null };

export const ok: Reply = { t: "status", s: "OK" };
export const nil: Reply = { t: "bulk", s: null };
export const int = (n: number): Reply => ({ t: "int", n });
export const bulk = (s: string | null): Reply => ({ t: "bulk", s });
export const err = (s: string): Reply => ({ t: "error", s });
export const arr = (items: Reply[] | null): Reply => ({ t: "array", items });

export function encode(r: Reply): string {
  switch (r.t) {
    case "status":
      return `+${r.s}\r\n`;
    case "error":
      return `-${r.s}\r\n`;
    case "int":
      return `:${r.n}\r\n`;
    case "bulk":
      return r.s === null ? "$-1\r\n" : `$${utf8(r.s).length}\r\n${r.s}\r\n`;
    case "array":
      return r.items === null ? "*-1\r\n" : `*${r.items.length}\r\n` + r.items.map(encode).join("");
  }
}

export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${utf8(a).length}\r\n${a}\r\n`).join("");
}

/** A buffered reader over a connection. */
export class Reader {
  private buf: Uint8Array = new Uint8Array(0);
  constructor(private readonly src: Readable) {}

  private async fill(): Promise<boolean> {
    const c = await this.src.read();
    if (!c) return false;
    this.buf = concat([this.buf, c]);
    return true;
  }

  /** A line without its "\r\n" (or "\n"); null at end of stream. */
  async line(): Promise<string | null> {
    for (;;) {
      const i = this.buf.indexOf(10);
      if (i >= 0) {
        const l = text(this.buf.subarray(0, i)).replace(/\r$/, "");
        this.buf = this.buf.subarray(i + 1);
        return l;
      }
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        const l = text(this.buf);
        this.buf = new Uint8Array(0);
        return l;
      }
    }
  }

  async bytes(n: number): Promise<string | null> {
    while (this.buf.length < n + 2) if (!(await this.fill())) return null;
    const s = text(this.buf.subarray(0, n));
    this.buf = this.buf.subarray(n + 2);
    return s;
  }

  /** One command: its words, [] for an empty line, null at end of stream, or an error text. */
  async command(): Promise<string[] | null | { error: string }> {
    const l = await this.line();
    if (l === null) return null;
    if (l.startsWith("*")) {
      const n = Number(l.slice(1));
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const h = await this.line();
        if (h === null) return null;
        if (!h.startsWith("$")) return { error: `Protocol error: expected '$', got '${h[0] ?? " "}'` };
        const s = await this.bytes(Number(h.slice(1)));
        if (s === null) return null;
        out.push(s);
      }
      return out;
    }
    return splitInline(l);
  }

  /** One reply (for redis-cli). */
  async reply(): Promise<Reply | null> {
    const l = await this.line();
    if (l === null) return null;
    const rest = l.slice(1);
    switch (l[0]) {
      case "+":
        return { t: "status", s: rest };
      case "-":
        return { t: "error", s: rest };
      case ":":
        return { t: "int", n: Number(rest) };
      case "$": {
        const n = Number(rest);
        if (n < 0) return nil;
        return bulk(await this.bytes(n));
      }
      case "*": {
        const n = Number(rest);
        if (n < 0) return arr(null);
        const items: Reply[] = [];
        for (let i = 0; i < n; i++) {
          const r = await this.reply();
          if (!r) return null;
          items.push(r);
        }
        return arr(items);
      }
      default:
        return { t: "error", s: `Protocol error: ${l}` };
    }
  }
}

/** Words of an inline command or a redis-cli prompt line: spaces separate, quotes group. */
export function splitInline(l: string): string[] | { error: string } {
  const out: string[] = [];
  let i = 0;
  while (i < l.length) {
    while (i < l.length && /\s/.test(l[i])) i++;
    if (i >= l.length) break;
    let w = "";
    if (l[i] === '"' || l[i] === "'") {
      const q = l[i++];
      let closed = false;
      while (i < l.length) {
        if (l[i] === "\\" && q === '"' && i + 1 < l.length) {
          const c = l[++i];
          w += c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : c;
          i++;
          continue;
        }
        if (l[i] === q) {
          closed = true;
          i++;
          break;
        }
        w += l[i++];
      }
      if (!closed) return { error: "Protocol error: unbalanced quotes in request" };
    } else while (i < l.length && !/\s/.test(l[i])) w += l[i++];
    out.push(w);
  }
  return out;
}
