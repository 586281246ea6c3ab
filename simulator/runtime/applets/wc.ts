/** wc: count lines, words, characters, bytes and the longest line (-l -w -m -c -L). */
import type { ProcessContext } from "../program";
import { defineApplet } from "./lib/applet";
import { perror } from "./lib/errors";
import { getopt } from "./lib/getopt";
import { closeInput, openInput } from "./lib/io";
import { unicodeOn } from "./lib/unicode";

const ORDER = ["l", "w", "m", "c", "L"] as const;
type Counts = Record<(typeof ORDER)[number], number>;

/** isprint in the C locale: 0x20..0x7e. */
const isPrint = (c: number) => c >= 0x20 && c < 0x7f;
const isSpace = (c: number) => c === 0x20 || (c >= 9 && c <= 13);

async function count(ctx: ProcessContext, name: string, unicode: boolean): Promise<{ counts: Counts; ok: boolean } | null> {
  let src;
  try {
    src = openInput(ctx, name);
  } catch (e) {
    await perror(ctx, name, e);
    return null;
  }
  const k: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  let linepos = 0;
  let inWord = 0;
  let ok = true;
  const endLine = (c: number) => {
    if (linepos > k.L) k.L = linepos;
    if (c === 10) k.l++;
    if (c !== 11) linepos = 0;
  };
  for (;;) {
    await ctx.tick();
    let chunk: Uint8Array | null;
    try {
      chunk = await src.read();
    } catch (e) {
      if (!(e instanceof Error && e.name === "FsError")) throw e;
      await perror(ctx, name, e);
      ok = false;
      chunk = null;
    }
    if (!chunk) break;
    for (const c of chunk) {
      k.c++;
      if (!unicode || (c & 0xc0) !== 0x80) k.m++;
      if (isPrint(c)) {
        linepos++;
        if (!isSpace(c)) {
          inWord = 1;
          continue;
        }
      } else if (c >= 9 && c <= 13) {
        if (c === 9) linepos = (linepos | 7) + 1;
        else endLine(c);
      } else continue;
      k.w += inWord;
      inWord = 0;
    }
  }
  endLine(-1);
  k.w += inWord;
  closeInput(ctx, src);
  return { counts: k, ok };
}

defineApplet({
  name: "wc",
  async run(ctx) {
    const o = getopt(ctx.argv.slice(1), "lwmcL");
    const unicode = unicodeOn(ctx);
    let types: string[] = ORDER.filter((t) => o.has(t));
    if (types.length === 0) types = ["l", "w", "c"];
    const names = o.operands.length ? o.operands : ["-"];
    const single = o.operands.length <= 1 && types.length === 1;
    const totals: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    let status = 0;
    const line = (k: Counts, name: string | null) => {
      let s = "";
      types.forEach((t, i) => {
        const v = String(k[t as keyof Counts]);
        s += i === 0 && single ? v : (i === 0 ? "" : " ") + v.padStart(9);
      });
      return s + (name === null ? "\n" : ` ${name}\n`);
    };
    for (const n of names) {
      const r = await count(ctx, n, unicode);
      if (!r) {
        status = 1;
        continue;
      }
      if (!r.ok) status = 1;
      for (const t of ORDER) totals[t] = t === "L" ? Math.max(totals.L, r.counts.L) : totals[t] + r.counts[t];
      await ctx.stdout.write(line(r.counts, o.operands.length ? n : null));
    }
    if (names.length > 1) await ctx.stdout.write(line(totals, "total"));
    return status;
  },
});
