/** command (-v -V), type, hash: how a name would be run. */
import { APPLETS } from "../../busybox";
import { singleQuote } from "../command";
import type { Shell } from "../shell";
import { findInPath } from "../spawn";
import { builtinFor, KEYWORDS, def } from "./table";
import { nextopt } from "./util";

/** ash's describe_command: verbose for type/-V, brief for -v. Returns 0 or 127. */
async function describe(sh: Shell, name: string, verbose: boolean, path?: string): Promise<number> {
  let out = verbose ? name : "";
  const done = async (s: string): Promise<number> => {
    await sh.out(out + s + "\n");
    return 0;
  };
  if (KEYWORDS.has(name)) return done(verbose ? " is a shell keyword" : name);
  const alias = sh.aliases.get(name);
  if (alias !== undefined) {
    if (verbose) return done(` is an alias for ${alias}`);
    return done(`alias ${name}=${singleQuote(alias)}`);
  }
  if (name.includes("/")) {
    if (sh.ctx.fs.exists(name)) return done(verbose ? ` is ${name}` : name);
  } else if (sh.funcs.has(name)) return done(verbose ? " is a function" : name);
  else if (builtinFor(sh, name)) {
    const b = builtinFor(sh, name)!;
    return done(verbose ? ` is a ${b.special ? "special " : ""}shell builtin` : name);
  } else if (APPLETS.has(name)) return done(verbose ? ` is ${name}` : name);
  else {
    const p = findInPath(sh, name, path);
    if (p !== null) return done(verbose ? ` is ${p}` : p);
  }
  if (verbose) {
    out = name;
    await sh.out(out + ": not found\n");
  }
  return 127;
}

def("command", async (sh, argv) => {
  let i = 1;
  let verify: "" | "v" | "V" = "";
  let path: string | undefined;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a[0] !== "-" || a === "-") break;
    for (const c of a.slice(1)) {
      if (c === "v" || c === "V") verify = c;
      else if (c === "p") path = "/sbin:/usr/sbin:/bin:/usr/bin";
      else return sh.raise(`illegal option -${c}`);
    }
  }
  if (verify && argv[i] !== undefined) return describe(sh, argv[i], verify === "V", path);
  return 0;
});

def("type", async (sh, argv) => {
  // ash: a first argument starting with '-' (type -p, -t...) is skipped and makes the output brief
  let args = argv.slice(1);
  let verbose = true;
  if (args[0]?.startsWith("-")) {
    args = args.slice(1);
    verbose = false;
  }
  let status = 0;
  for (const name of args) status |= await describe(sh, name, verbose);
  return status;
});

def("hash", async (sh, argv) => {
  const { args } = await nextopt(sh, argv, "r");
  let status = 0;
  for (const name of args) {
    if (name.includes("/") || sh.funcs.has(name) || builtinFor(sh, name) !== undefined || APPLETS.has(name) || findInPath(sh, name) !== null) continue;
    await sh.msg(`${name}: not found`);
    status = 1;
  }
  return status;
});
