/**
 * od: dump bytes as octal, hex, decimal or characters, as BusyBox's (GNU-compatible) od prints
 * them: 16 bytes a line, one line per -t format (each in its own column width), repeated lines
 * folded into "*" unless -v.
 */
import type { ProcessContext } from "../program";
import { Die, defineApplet } from "./lib/applet";
import { strerror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { closeInput, openInput, readAllInput } from "./lib/io";

interface Format {
  kind: "a" | "c" | "d" | "o" | "u" | "x";
  size: number;
}

const NAMED = ["nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp"];
const C_ESCAPES: Record<number, string> = { 0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r" };

/** Digits of the widest value of a format, which sets its column width (one more for the space). */
function digits(f: Format): number {
  const bits = f.size * 8;
  if (f.kind === "a" || f.kind === "c") return 3;
  if (f.kind === "o") return Math.ceil(bits / 3);
  if (f.kind === "x") return f.size * 2;
  const max = 2n ** BigInt(bits) - 1n;
  if (f.kind === "u") return max.toString().length;
  return (2n ** BigInt(bits - 1)).toString().length + 1;
}

function parseType(spec: string): Format[] {
  const out: Format[] = [];
  let i = 0;
  while (i < spec.length) {
    const kind = spec[i++] as Format["kind"];
    if (!"acdoux".includes(kind)) throw new Die(`invalid character '${kind}' in type string '${spec}'`);
    let size = kind === "a" || kind === "c" ? 1 : 4;
    const m = /^(\d+|[CSIL])/.exec(spec.slice(i));
    if (m && kind !== "a" && kind !== "c") {
      i += m[0].length;
      size = { C: 1, S: 2, I: 4, L: 8 }[m[0] as "C"] ?? Number(m[0]);
      if (![1, 2, 4, 8].includes(size)) throw new Die(`invalid type string '${spec}'`);
    }
    out.push({ kind, size });
  }
  return out;
}

function cell(f: Format, bytes: Uint8Array, at: number): string {
  if (f.kind === "c") {
    const b = bytes[at];
    if (C_ESCAPES[b] !== undefined) return C_ESCAPES[b];
    if (b >= 32 && b < 127) return String.fromCharCode(b);
    return b.toString(8).padStart(3, "0");
  }
  if (f.kind === "a") {
    const b = bytes[at] & 0x7f;
    return b <= 32 ? NAMED[b] : b === 127 ? "del" : String.fromCharCode(b);
  }
  let v = 0n;
  for (let k = f.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k] ?? 0);
  if (f.kind === "d" && v >= 2n ** BigInt(f.size * 8 - 1)) v -= 2n ** BigInt(f.size * 8);
  const width = digits(f);
  if (f.kind === "o") return v.toString(8).padStart(width, "0");
  if (f.kind === "x") return v.toString(16).padStart(width, "0");
  return v.toString();
}

function address(radix: string, n: number): string {
  if (radix === "n") return "";
  if (radix === "d") return n.toString(10).padStart(7, "0");
  if (radix === "x") return n.toString(16).padStart(6, "0");
  return n.toString(8).padStart(7, "0");
}

async function readInputs(ctx: ProcessContext, files: string[]): Promise<{ data: Uint8Array; failed: boolean }> {
  const parts: Uint8Array[] = [];
  let failed = false;
  for (const f of files) {
    let src;
    try {
      src = openInput(ctx, f);
    } catch (e) {
      await ctx.stderr.write(`od: ${f}: ${strerror(e)}\n`);
      failed = true;
      continue;
    }
    parts.push(await readAllInput(ctx, src));
    closeInput(ctx, src);
  }
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  return { data, failed };
}

defineApplet({
  name: "od",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "A:N:j:t:vacbdox");
    const formats: Format[] = [];
    for (const s of o.seen) {
      if (s.key === "t") formats.push(...parseType(s.value ?? ""));
      else if (s.key === "c") formats.push({ kind: "c", size: 1 });
      else if (s.key === "a") formats.push({ kind: "a", size: 1 });
      else if (s.key === "b") formats.push({ kind: "o", size: 1 });
      else if (s.key === "d") formats.push({ kind: "u", size: 2 });
      else if (s.key === "o") formats.push({ kind: "o", size: 2 });
      else if (s.key === "x") formats.push({ kind: "x", size: 2 });
    }
    if (formats.length === 0) formats.push({ kind: "o", size: 2 });
    const radix = o.last("A") ?? "o";
    if (!"odxn".includes(radix) || radix.length !== 1) throw new Die(`bad output address radix '${radix}' (must be one of 'd', 'o', 'x', or 'n')`);
    const { data: all, failed } = await readInputs(ctx, o.operands.length ? o.operands : ["-"]);
    const skip = Number(o.last("j") ?? 0);
    const limit = o.last("N") === undefined ? Infinity : Number(o.last("N"));
    const data = all.subarray(skip, skip + Math.min(limit, all.length));
    const widths = formats.map((f) => digits(f) + 1);
    let out = "";
    let previous: string | null = null;
    let starred = false;
    for (let at = 0; at < data.length; at += 16) {
      await ctx.tick();
      const n = Math.min(16, data.length - at);
      const rows = formats.map((f) => {
        let row = "";
        for (let k = 0; k < n; k += f.size) {
          const padded = data.length - at - k < f.size ? Uint8Array.from([...data.subarray(at + k, at + n), 0, 0, 0, 0, 0, 0, 0]) : data.subarray(at + k);
          // each format keeps its own column width (BusyBox does not align the rows of several formats)
          row += cell(f, padded, 0).padStart(widths[formats.indexOf(f)]);
        }
        return row;
      });
      const body = rows.join("\n");
      if (!o.has("v") && n === 16 && body === previous) {
        if (!starred) out += "*\n";
        starred = true;
        continue;
      }
      previous = n === 16 ? body : null;
      starred = false;
      const addr = address(radix, skip + at);
      out += rows.map((r, i) => (i === 0 ? addr : " ".repeat(addr.length)) + r + "\n").join("");
    }
    if (radix !== "n" && !(failed && all.length === 0)) out += address(radix, skip + data.length) + "\n";
    await ctx.stdout.write(out);
    return failed ? 1 : 0;
  },
});
