/** set (options, positional parameters, variable listing) and shift. */
import { OPTIONS, type Shell } from "../shell";
import { showVars } from "./varcmds";
import { number } from "./util";
import { def } from "./table";

/** Letters `set` accepts (those with a long name). */
const SETTABLE = new Map(OPTIONS.filter(([l, n]) => l && n).map(([l, n]) => [l, n]));
const LONG = new Map(OPTIONS.filter(([, n]) => n).map(([l, n]) => [n, l || n]));

/** Turn an option on or off by its key (letter, or long name for those without one). */
export function setOption(sh: Shell, key: string, on: boolean): void {
  if (on) sh.opts.add(key);
  else sh.opts.delete(key);
  if (key === "a") sh.vars.allexport = on;
}

/** Parse option arguments (set and the shell's own command line). Returns the index after them, or -1 on error. */
export async function parseOptions(sh: Shell, argv: string[], start: number): Promise<number> {
  let i = start;
  while (i < argv.length) {
    const a = argv[i];
    const c = a[0];
    if (c !== "-" && c !== "+") break;
    i++;
    const on = c === "-";
    if (on && (a === "-" || a === "--")) {
      if (a === "-") {
        setOption(sh, "x", false);
        setOption(sh, "v", false);
      } else if (i >= argv.length) sh.params = [];
      break;
    }
    for (const ch of a.slice(1)) {
      if (ch === "o") {
        const name = argv[i];
        if (name === undefined) {
          await listOptions(sh, on);
          continue;
        }
        const key = LONG.get(name);
        if (key === undefined) {
          await sh.msg(`illegal option ${c}o ${name}`);
          return -1;
        }
        setOption(sh, key, on);
        i++;
        continue;
      }
      if (!SETTABLE.has(ch)) await sh.raise(`illegal option ${c}${ch}`);
      setOption(sh, ch, on);
    }
  }
  return i;
}

async function listOptions(sh: Shell, on: boolean): Promise<void> {
  let out = "";
  for (const [l, n] of OPTIONS) {
    if (!n) continue;
    const set = sh.opts.has(l || n);
    out += on ? `${n.padEnd(16)}${set ? "on" : "off"}\n` : `set ${set ? "-" : "+"}o ${n}\n`;
  }
  await sh.out(out);
}

def(
  "set",
  async (sh, argv) => {
    if (argv.length === 1) {
      await showVars(sh, "", (v) => v.value !== null);
      return 0;
    }
    const i = await parseOptions(sh, argv, 1);
    if (i < 0) return 1;
    if (i < argv.length) {
      sh.params = argv.slice(i);
      sh.optind = 1;
      sh.optoff = -1;
    }
    return 0;
  },
  { special: true },
);

def(
  "shift",
  async (sh, argv) => {
    const n = argv[1] !== undefined ? await number(sh, argv[1]) : 1;
    if (n > sh.params.length) return 1;
    sh.params = sh.params.slice(n);
    sh.optind = 1;
    sh.optoff = -1;
    return 0;
  },
  { special: true },
);

