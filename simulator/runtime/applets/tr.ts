/** tr: translate, squeeze or delete bytes (-c -C -d -s; ranges, \escapes, [:classes:], [=c=]). */
import { utf8 } from "../../util/bytes";
import { Die, UsageError, defineApplet } from "./lib/applet";
import { strerror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { escapeAt } from "./lib/escape";

const CLASSES = ["alpha", "alnum", "digit", "lower", "upper", "space", "blank", "punct", "cntrl", "xdigit"];
const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);

/** Expand a tr string into its list of bytes (BusyBox's expand()). */
function expand(argStr: string): number[] {
  const arg = Array.from(utf8(argStr));
  const out: number[] = [];
  let i = 0;
  while (i < arg.length) {
    if (arg[i] === 92) {
      const e = escapeAt(Uint8Array.from(arg), i + 1);
      // the decoded byte takes the place of the character before the sequence's end
      i = e.next - 1;
      arg[i] = e.byte;
    }
    if (arg[i + 1] === 45 /* - */) {
      let hi = arg[i + 2];
      if (hi === undefined) {
        out.push(arg[i++]);
        continue;
      }
      const lo = arg[i];
      i += 3;
      if (hi === 92) {
        const e = escapeAt(Uint8Array.from(arg), i);
        hi = e.byte;
        i = e.next;
      }
      out.push(...range(lo, hi));
      continue;
    }
    if (arg[i] === 91 /* [ */ && (arg[i + 1] === 58 || arg[i + 1] === 61)) {
      if (arg[i + 1] === 58) {
        const n = arg[i + 2] === 120 ? 8 : 7;
        const name = String.fromCharCode(...arg.slice(i + 2, i + 2 + n));
        const j = CLASSES.findIndex((c) => name === c + ":]");
        if (j >= 0) {
          const c = CLASSES[j];
          i += 2 + n;
          if (c === "alnum" || c === "digit" || c === "xdigit") out.push(...range(48, 57));
          if (c === "alpha" || c === "alnum" || c === "upper") out.push(...range(65, 90));
          if (c === "alpha" || c === "alnum" || c === "lower") out.push(...range(97, 122));
          if (c === "space") out.push(9, 10, 11, 12, 13, 32);
          if (c === "blank") out.push(9, 32);
          if (c === "punct") for (let k = 33; k < 127; k++) if (!/[0-9A-Za-z]/.test(String.fromCharCode(k))) out.push(k);
          if (c === "cntrl") out.push(...range(0, 31), 127);
          if (c === "xdigit") out.push(...range(65, 70), ...range(97, 102));
          continue;
        }
      } else {
        const ch = arg[i + 2];
        if (ch === undefined || arg[i + 3] !== 61 || arg[i + 4] !== 93) throw new UsageError(null);
        out.push(ch);
        i += 5;
        continue;
      }
    }
    out.push(arg[i++]);
  }
  return out;
}

defineApplet({
  name: "tr",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "+Ccds");
    if (o.operands.length < 1) throw new UsageError(null);
    let s1 = expand(o.operands[0]);
    let s2: number[] = [];
    if (o.has("c") || o.has("C")) {
      const set = new Set(s1);
      s1 = range(0, 255).filter((b) => !set.has(b));
    }
    const vector = range(0, 255);
    if (o.operands.length > 1) {
      if (o.operands[1] === "") throw new Die("STRING2 cannot be empty");
      s2 = expand(o.operands[1]);
      let last = 48;
      for (let i = 0, j = 0; i < s1.length; i++) {
        if (s2.length <= j) vector[s1[i]] = last;
        else vector[s1[i]] = last = s2[j++];
      }
    }
    const invec = new Uint8Array(256);
    const outvec = new Uint8Array(256);
    for (const b of s1) invec[b] = 1;
    for (const b of s2) outvec[b] = 1;
    const del = o.has("d");
    const squeeze = o.has("s");
    let last = 256;
    for (;;) {
      await ctx.tick();
      let chunk: Uint8Array | null;
      try {
        chunk = await ctx.stdin.read();
      } catch (e) {
        if (!(e instanceof Error && e.name === "FsError")) throw e;
        throw new Die(`read error: ${strerror(e)}`);
      }
      if (!chunk) break;
      const out = new Uint8Array(chunk.length);
      let n = 0;
      for (const c of chunk) {
        if (del && invec[c]) continue;
        const coded = vector[c];
        if (squeeze && last === coded && (invec[c] || outvec[coded])) continue;
        out[n++] = last = coded;
      }
      if (n) await ctx.stdout.write(out.subarray(0, n));
    }
    return 0;
  },
});
