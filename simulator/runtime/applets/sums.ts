/** md5sum, sha1sum, sha256sum, sha512sum: print or check (-c) digests. */
import { md5, sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";
import { FsError } from "../../fs/types";
import type { ProcessContext } from "../program";
import { readAll } from "../streams";
import { hex } from "../../util/bytes";
import { Fatal, ShowUsage, defineSysApplet, errText, warn } from "./lib/sys-applet";
import { getopt } from "./lib/sys-getopt";

const ALGOS: Record<string, (d: Uint8Array) => Uint8Array> = { md5sum: md5, sha1sum: sha1, sha256sum: sha256, sha512sum: sha512 };

/** The file's content (stdin for "-"), or null after BusyBox's warning. */
async function content(ctx: ProcessContext, name: string): Promise<Uint8Array | null> {
  if (name === "-") return readAll(ctx.stdin);
  try {
    return await readAll(ctx.fs.openRead(name));
  } catch (e) {
    const isDir = e instanceof FsError && e.code === "EISDIR";
    await warn(ctx, `can't ${isDir ? "read" : "open"} '${name}': ${errText(e)}`);
    return null;
  }
}

async function sum(ctx: ProcessContext, algo: (d: Uint8Array) => Uint8Array): Promise<number> {
  const o = getopt(ctx.argv.slice(1), "scwbt");
  if ((o.has("s") || o.has("w")) && !o.has("c")) throw new ShowUsage();
  const files = o.operands.length ? o.operands : ["-"];
  let status = 0;
  for (const f of files) {
    if (!o.has("c")) {
      const d = await content(ctx, f);
      if (d === null) status = 1;
      else await ctx.stdout.write(`${hex(algo(d))}  ${f}\n`);
      continue;
    }
    let list: Uint8Array;
    if (f === "-") list = await readAll(ctx.stdin);
    else {
      try {
        list = await readAll(ctx.fs.openRead(f));
      } catch (e) {
        throw new Fatal(`${f}: ${errText(e)}`);
      }
    }
    const lines = new TextDecoder().decode(list).split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    let total = 0;
    let failed = 0;
    for (const line of lines) {
      await ctx.tick();
      total++;
      let at = line.indexOf("  ");
      if (at < 0) at = line.indexOf(" *");
      if (at < 0) {
        if (o.has("w")) await warn(ctx, "invalid format");
        failed++;
        status = 1;
        continue;
      }
      const want = line.slice(0, at);
      const name = line.slice(at + 2);
      const d = await content(ctx, name);
      const ok = d !== null && hex(algo(d)) === want;
      if (!o.has("s")) await ctx.stdout.write(`${name}: ${ok ? "OK" : "FAILED"}\n`);
      if (!ok) {
        failed++;
        status = 1;
      }
    }
    if (failed && !o.has("s")) await warn(ctx, `WARNING: ${failed} of ${total} computed checksums did NOT match`);
    if (total === 0) {
      status = 1;
      await warn(ctx, `${f}: no checksum lines found`);
    }
  }
  return status;
}

for (const [name, algo] of Object.entries(ALGOS)) defineSysApplet({ name, run: (ctx) => sum(ctx, algo) });
