/** sort: sort lines (-n -g -M -r -u -c -s -z -b -d -f -i -t C -k POS -o FILE), BusyBox's comparisons. */
import { text, utf8 } from "../../util/bytes";
import { Die, defineApplet } from "./lib/applet";
import { perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { LineReader, closeInput, holdMemory, openInput } from "./lib/io";
import { umaskOf } from "./lib/mode";
import { MONTHS } from "./lib/time";
import { strcmp, strverscmp } from "./lib/fileinfo";

const F = { n: 1, g: 2, M: 4, V: 8, u: 16, c: 32, s: 64, z: 128, b: 256, r: 512, d: 1024, f: 2048, i: 4096, bb: 1 << 30 };
const KEY_FLAGS: Record<string, number> = { n: F.n, g: F.g, M: F.M, b: F.b, r: F.r, d: F.d, f: F.f, i: F.i };
const isSpace = (c: string) => c === " " || (c >= "\t" && c <= "\r");

interface Key {
  range: [number, number, number, number];
  flags: number;
}

/** strtod's prefix of `s` as a number, or null when no number starts it. */
export function strtod(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const body = m[2].toLowerCase();
  if (body.startsWith("inf")) return sign * Infinity;
  if (body === "nan") return NaN;
  if (body.startsWith("0x")) {
    const hm = /^0x([0-9a-f]*)\.?([0-9a-f]*)(?:p([+-]?\d+))?$/.exec(body)!;
    let v = parseInt(hm[1] || "0", 16);
    for (let k = 0; k < hm[2].length; k++) v += parseInt(hm[2][k], 16) / 16 ** (k + 1);
    return sign * v * 2 ** +(hm[3] ?? 0);
  }
  return sign * parseFloat(body);
}

function getKey(str: string, key: Key, flags: number, sep: string | null): string {
  const [r0, r1, r2, r3] = key.range;
  if (r0 === 1 && !r1 && !r2 && !r3 && !(flags & (F.b | F.d | F.f | F.i | F.bb))) return str;
  const len = str.length;
  let start = 0;
  let end = 0;
  for (let j = 0; j < 2; j++) {
    if (!key.range[2 * j]) end = len;
    else {
      let ch = "";
      end = 0;
      for (let i = 1; i < key.range[2 * j] + j; i++) {
        if (sep !== null) {
          for (;;) {
            if (end >= len) {
              ch = "";
              break;
            }
            ch = str[end++];
            if (ch === sep) break;
          }
        } else {
          while (end < len && isSpace(str[end])) end++;
          while (end < len && !isSpace(str[end])) end++;
        }
      }
      if (j && ch) end--;
    }
    if (!j) start = end;
  }
  if (flags & F.b) while (start < len && isSpace(str[start])) start++;
  if (flags & F.bb) while (end > start && isSpace(str[end - 1])) end--;
  if (r3) end = Math.min(r3, len);
  if (r1) start = Math.min(start + r1 - 1, len);
  if (end < start) end = start;
  let s = str.slice(start, end);
  if (flags & F.d) s = s.replace(/[^0-9A-Za-z \t\n\v\f\r]/g, "");
  if (flags & F.i) s = s.replace(/[^\x20-\x7e]/g, "");
  if (flags & F.f) s = s.replace(/[a-z]/g, (c) => c.toUpperCase());
  return s;
}

function month(s: string): number | null {
  const m = /^\s*([A-Za-z]+)/.exec(s);
  if (!m) return null;
  const w = m[1].toLowerCase();
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  for (let i = 0; i < 12; i++) if (w === full[i] || w === MONTHS[i].toLowerCase()) return i;
  return null;
}

function compareValues(x: string, y: string, flags: number): number {
  switch (flags & (F.n | F.g | F.M | F.V)) {
    case 0:
      return strcmp(x, y);
    case F.n: {
      const dx = strtod(x) ?? 0;
      const dy = strtod(y) ?? 0;
      return dx > dy ? 1 : dx < dy ? -1 : 0;
    }
    case F.g: {
      const dx = strtod(x);
      const dy = strtod(y);
      if (dx === null) return dy === null ? 0 : -1;
      if (dy === null) return 1;
      if (Number.isNaN(dx)) return Number.isNaN(dy) ? 0 : -1;
      if (Number.isNaN(dy)) return 1;
      return dx > dy ? 1 : dx < dy ? -1 : 0;
    }
    case F.M: {
      const dx = month(x);
      const dy = month(y);
      if (dx === null) return dy === null ? 0 : -1;
      if (dy === null) return 1;
      return dx - dy;
    }
    case F.V:
      return strverscmp(x, y);
    default:
      throw new Die("unknown sort type", 2);
  }
}

function parseKey(spec: string): Key {
  const key: Key = { range: [0, 0, 0, 0], flags: 0 };
  let i = 0;
  let p = 0;
  const num = () => {
    const m = /^\d+/.exec(spec.slice(p));
    if (!m || +m[0] === 0) throw new Die("bad field specification", 2);
    p += m[0].length;
    return +m[0];
  };
  while (p < spec.length) {
    key.range[2 * i] = num();
    if (spec[p] === ".") {
      p++;
      key.range[2 * i + 1] = num();
    }
    while (p < spec.length) {
      if (spec[p] === "," && !i++) {
        p++;
        break;
      }
      const c = spec[p];
      if (!"ngMVucszbrdfimS:T:o:k:t:".includes(c) || c === ":" || c === ",") throw new Die("unknown key option", 2);
      const flag = KEY_FLAGS[c];
      if (flag === undefined) throw new Die("unknown sort type", 2);
      key.flags |= i && flag === F.b ? F.bb : flag;
      p++;
    }
  }
  return key;
}

defineApplet({
  name: "sort",
  failCode: 2,
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "ngMVucszbrdfimS:T:o:k:t:");
    let flags = 0;
    for (const [k, v] of Object.entries(F)) if (k.length === 1 && o.has(k)) flags |= v;
    if (flags & F.b) flags |= F.bb;
    let sep: string | null = null;
    if (o.has("t")) {
      const t = o.last("t")!;
      if ([...t].length !== 1) throw new Die("bad -t parameter", 2);
      sep = t;
    }
    const keys = o.all("k").map(parseKey);
    if (keys.length === 0) keys.push({ range: [1, 0, 0, 0], flags: 0 });
    const eol = o.has("z") ? 0 : 10;
    const lines: string[] = [];
    let held = 0;
    let charged = 0;
    for (const f of o.operands.length ? o.operands : ["-"]) {
      let src;
      try {
        src = openInput(ctx, f);
      } catch (e) {
        await perror(ctx, f, e);
        return 2;
      }
      const lr = new LineReader(ctx, src, eol);
      try {
        for (;;) {
          const l = await lr.nextRaw();
          if (!l) break;
          lines.push(text(l.bytes));
          held += l.bytes.length + 16;
          if (held - charged > 1 << 20) {
            charged = held;
            await holdMemory(ctx, held);
          }
        }
      } catch (e) {
        if (!(e instanceof Error && e.name === "FsError")) throw e;
      }
      closeInput(ctx, src);
    }
    let noTieBreak = false;
    const cmp = (a: string, b: string, ia = 0, ib = 0): number => {
      let ret = 0;
      let fl = flags;
      for (const key of keys) {
        fl = key.flags || flags;
        ret = compareValues(getKey(a, key, fl, sep), getKey(b, key, fl, sep), fl);
        if (ret) break;
      }
      if (ret === 0) {
        if (flags & F.s) ret = ia > ib ? 1 : ia < ib ? -1 : 0;
        else if (!noTieBreak) {
          fl = flags;
          ret = strcmp(a, b);
        }
      }
      return fl & F.r ? -ret : ret;
    };
    if (o.has("c")) {
      const limit = o.has("u") ? -1 : 0;
      for (let i = 1; i < lines.length; i++) {
        if (cmp(lines[i - 1], lines[i], i - 1, i) > limit) {
          await ctx.stderr.write(`Check line ${i}\n`);
          return 1;
        }
      }
      return 0;
    }
    const order = lines.map((l, i) => ({ l, i }));
    order.sort((a, b) => cmp(a.l, b.l, a.i, b.i));
    let out = order.map((x) => x.l);
    if (o.has("u")) {
      noTieBreak = true;
      const kept: string[] = [];
      for (const l of out) if (kept.length === 0 || cmp(kept[kept.length - 1], l) !== 0) kept.push(l);
      out = kept;
    }
    const sepOut = String.fromCharCode(eol);
    const data = out.length ? utf8(out.join(sepOut) + sepOut) : new Uint8Array(0);
    if (o.has("o")) {
      const path = o.last("o")!;
      try {
        ctx.fs.writeFile(path, data, { mode: 0o666 & ~umaskOf(ctx) });
      } catch (e) {
        throw new Die(`can't open '${path}': ${(e as Error).message}`, 2);
      }
      return 0;
    }
    for (let i = 0; i < out.length; i += 1000) {
      await ctx.tick();
      await ctx.stdout.write(out.slice(i, i + 1000).join(sepOut) + sepOut);
    }
    return 0;
  },
});
