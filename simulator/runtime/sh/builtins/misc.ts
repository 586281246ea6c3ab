/** umask, ulimit, times, let, alias, unalias. */
import { arithmetic } from "../expand";
import { singleQuote } from "../command";
import type { Shell } from "../shell";
import { nextopt } from "./util";
import { def } from "./table";

const SYMS = ["u", "g", "o"];

function symbolic(mask: number): string {
  return SYMS.map((who, k) => {
    const bits = (~mask >> ((2 - k) * 3)) & 7;
    return `${who}=${bits & 4 ? "r" : ""}${bits & 2 ? "w" : ""}${bits & 1 ? "x" : ""}`;
  }).join(",");
}

/** Apply a chmod-style symbolic mode (u=rw+x,o-r...) to the permission set; null if invalid. */
function applySymbolic(perm: number, spec: string): number | null {
  for (const clause of spec.split(",")) {
    if (clause === "") continue;
    const m = /^([ugoa]*)((?:[-+=](?:[rwxX]*|[ugo]))+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] === "" || m[1].includes("a") ? "ugo" : m[1];
    for (const [, op, perms] of m[2].matchAll(/([-+=])([ugo]|[rwxX]*)/g)) {
      let bits = 0;
      if (/^[ugo]$/.test(perms)) bits = (perm >> ((2 - SYMS.indexOf(perms)) * 3)) & 7;
      else for (const c of perms) bits |= c === "r" ? 4 : c === "w" ? 2 : 1;
      for (const w of who) {
        const shift = (2 - SYMS.indexOf(w)) * 3;
        if (op === "+") perm |= bits << shift;
        else if (op === "-") perm &= ~(bits << shift);
        else perm = (perm & ~(7 << shift)) | (bits << shift);
      }
    }
  }
  return perm;
}

def("umask", async (sh, argv) => {
  const { opts, args } = await nextopt(sh, argv, "S");
  const sym = opts.includes("S");
  const arg = args[0];
  if (arg === undefined) {
    await sh.out(sym ? symbolic(sh.umask) + "\n" : sh.umask.toString(8).padStart(4, "0") + "\n");
    return 0;
  }
  if (/^[0-7]+$/.test(arg)) {
    sh.umask = parseInt(arg, 8) & 0o777;
    return 0;
  }
  const perm = /^\d/.test(arg) ? null : applySymbolic(~sh.umask & 0o777, arg);
  if (perm === null) return sh.raise(`illegal mode: ${arg}`);
  sh.umask = ~perm & 0o777;
  return 0;
});

def("ulimit", async (sh, argv) => {
  const a = argv.slice(1);
  if (a.length === 0 || a[0] === "-f") {
    if (a.length <= 1) await sh.out("unlimited\n");
    return 0;
  }
  if (a[0] === "-a") {
    await sh.out(
      "-f: file size (blocks)             unlimited\n-t: cpu time (seconds)             unlimited\n-d: data seg size (kb)             unlimited\n-s: stack size (kb)                8192\n-c: core file size (blocks)        0\n-m: resident set size (kb)         unlimited\n-l: locked memory (kb)             8192\n-p: processes                      unlimited\n-n: file descriptors               1048576\n-v: address space (kb)             unlimited\n-w: locks                          unlimited\n-e: scheduling priority            0\n-r: real-time priority             0\n",
    );
    return 0;
  }
  const values: Record<string, string> = { "-n": "1048576", "-s": "8192", "-c": "0", "-l": "8192", "-t": "unlimited", "-d": "unlimited", "-m": "unlimited", "-v": "unlimited", "-p": "unlimited", "-w": "unlimited", "-e": "0", "-r": "0" };
  if (values[a[0]] !== undefined && a.length === 1) await sh.out(values[a[0]] + "\n");
  return 0;
});

def(
  "times",
  async (sh) => {
    const t = (ms: number): string => `${Math.floor(ms / 60000)}m${((ms % 60000) / 1000).toFixed(3)}s`;
    const self = sh.proc.steps;
    await sh.out(`${t(Math.floor(self / 2000))} 0m0.000s\n0m0.000s 0m0.000s\n`);
    return 0;
  },
  { special: true },
);

def("let", async (sh, argv) => {
  if (argv.length < 2) return sh.raise("expression expected");
  let v = "0";
  for (const e of argv.slice(1)) v = await arithmetic(sh, [{ k: "q", s: e }]);
  return v === "0" ? 1 : 0;
});

def(
  "alias",
  async (sh, argv) => {
    if (argv.length === 1) {
      let out = "";
      for (const [k, v] of [...sh.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) out += `${k}=${singleQuote(v)}\n`;
      await sh.out(out);
      return 0;
    }
    let status = 0;
    for (const a of argv.slice(1)) {
      // the name is at least one character, so "==" defines an alias named "="
      const eq = a.indexOf("=", 1);
      if (eq < 0) {
        const v = sh.aliases.get(a);
        if (v === undefined) {
          await sh.err(`alias: ${a} not found\n`);
          status = 1;
        } else await sh.out(`${a}=${singleQuote(v)}\n`);
      } else sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return status;
  },
  { assign: true },
);

def("unalias", async (sh, argv) => {
  if (argv[1] === "-a") {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (!sh.aliases.delete(a)) {
      await sh.err(`unalias: ${a} not found\n`);
      status = 1;
    }
  }
  return status;
});

export type { Shell };
