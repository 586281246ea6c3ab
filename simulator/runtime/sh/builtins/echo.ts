/** echo (BusyBox's: -n, -e escapes with \c and \0NNN; -E accepted; options only when every letter is one of them). */
import { ByteOut, unescapeInto } from "./escapes";
import { def } from "./table";

def("echo", async (sh, argv) => {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    if (!/^-[neE]+$/.test(argv[i])) break;
    for (const c of argv[i].slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
    }
  }
  const out = new ByteOut();
  for (let k = i; k < argv.length; k++) {
    if (escapes) {
      if (unescapeInto(out, argv[k], true)) {
        await sh.outBytes(out.bytes());
        return 0;
      }
    } else out.text(argv[k]);
    if (k + 1 < argv.length) out.text(" ");
  }
  if (newline) out.text("\n");
  await sh.outBytes(out.bytes());
  return 0;
});
