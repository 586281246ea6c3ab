/** echo: print arguments (-n no newline, -e escapes, -E no escapes), as BusyBox's echo applet. */
import { concat, utf8 } from "../../util/bytes";
import { defineApplet } from "./lib/applet";
import { strerror, warn } from "./lib/errors";
import { escapeAt } from "./lib/escape";

defineApplet({
  name: "echo",
  noHelp: true,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (!/^-[neE]+$/.test(a)) break;
      for (const c of a.slice(1)) {
        if (c === "n") newline = false;
        else if (c === "e") escapes = true;
        // -E is accepted and changes nothing (BusyBox keeps an earlier -e)
      }
    }
    const parts: Uint8Array[] = [];
    let cut = false;
    for (let k = i; k < args.length && !cut; k++) {
      const b = utf8(args[k]);
      if (!escapes) parts.push(b);
      else {
        const out: number[] = [];
        for (let j = 0; j < b.length; ) {
          if (b[j] !== 92) {
            out.push(b[j++]);
            continue;
          }
          j++;
          if (b[j] === 0x63 /* c */) {
            cut = true;
            break;
          }
          if (b[j] === 0x30 && b[j + 1] >= 0x30 && b[j + 1] < 0x38) j++;
          const e = escapeAt(b, j);
          out.push(e.byte);
          j = e.next;
        }
        parts.push(new Uint8Array(out));
      }
      if (!cut && k + 1 < args.length) parts.push(utf8(" "));
    }
    if (newline && !cut) parts.push(utf8("\n"));
    try {
      await ctx.stdout.write(concat(parts));
    } catch (e) {
      if (!(e instanceof Error && e.name === "FsError")) throw e;
      await warn(ctx, `write error: ${strerror(e)}`);
      return 1;
    }
    return 0;
  },
});
