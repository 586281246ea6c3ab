/** cd and pwd, with ash's logical current directory (PWD, OLDPWD, cd -). */
import { FsError, STRERROR } from "../../../fs/types";
import { normalize } from "../../../fs/path";
import type { Shell } from "../shell";
import { def } from "./table";

async function cdopt(sh: Shell, argv: string[]): Promise<{ physical: boolean; args: string[] }> {
  let physical = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!/^-[LP]+$/.test(a)) {
      if (a.startsWith("-") && a.length > 1) await sh.raise(`illegal option -${a[1] === "-" ? "-" : a.replace(/[-LP]/g, "")[0]}`);
      break;
    }
    physical = a[a.length - 1] === "P";
  }
  return { physical, args: argv.slice(i) };
}

/** chdir(2) as the Vfs sees it; returns an error text or null. */
function chdir(sh: Shell, path: string): string | null {
  try {
    const st = sh.ctx.fs.stat(path);
    if (st.type !== "dir") return STRERROR.ENOTDIR;
    if (!sh.ctx.fs.may(st, 1)) return STRERROR.EACCES;
  } catch (e) {
    return e instanceof FsError ? STRERROR[e.code] : String(e);
  }
  return null;
}

def(["cd", "chdir"], async (sh, argv) => {
  const { physical, args } = await cdopt(sh, argv);
  let print = false;
  let d: string | undefined = args[0];
  if (d === undefined) d = sh.vars.get("HOME");
  else if (d === "-") {
    d = sh.vars.get("OLDPWD");
    print = true;
  }
  const dest = d ?? "";
  const target = dest === "" ? "." : dest;
  const old = sh.curdir;
  const full = target.startsWith("/") ? target : old + "/" + target;
  let next = normalize(full);
  // POSIX keeps a leading "//" (but not "///")
  if (/^\/\/(?!\/)/.test(full) && next !== "/") next = "/" + next;
  else if (/^\/\/(?!\/)/.test(full)) next = "//";
  if (physical) {
    try {
      next = sh.ctx.fs.realpath(next);
    } catch {
      /* reported by chdir below */
    }
  }
  const err = chdir(sh, next);
  if (err) return sh.raise(`can't cd to ${dest}: ${err}`);
  sh.ctx.cwd = next;
  sh.curdir = next;
  await sh.setVar("OLDPWD", old, { export: true });
  await sh.setVar("PWD", next, { export: true });
  if (print) await sh.out(next + "\n");
  return 0;
});

def("pwd", async (sh, argv) => {
  const { physical } = await cdopt(sh, argv);
  let dir = sh.curdir;
  if (physical) {
    try {
      dir = sh.ctx.fs.realpath(dir);
    } catch {
      /* keep the logical name */
    }
  }
  await sh.out(dir + "\n");
  return 0;
});
