/**
 * Programs the Debian-based models share: "debian", the userland executables of the base
 * layer (bash is the simulator's shell in its bash dialect, dash the shell itself; coreutils, grep, sed, tar... its BusyBox
 * applets, chosen by the name they are called by), and gosu, the privilege-dropping exec the
 * redis and postgres entrypoints use.
 */
import { APPLETS } from "../../runtime/busybox";
import { bashMain } from "../../runtime/sh/main";
import type { Cred } from "../../runtime/cred";
import type { Program } from "../../runtime/program";
import { groupByName, groupList, userByName } from "../../runtime/applets/lib/sys-users";
import { ExecError, execReplace } from "./exec";

const ALIASES: Record<string, string> = { dash: "sh", rbash: "sh", mawk: "awk" };

export const debianProgram: Program = async (ctx) => {
  const a0 = ctx.argv[0] ?? "";
  const name = a0.slice(a0.lastIndexOf("/") + 1).replace(/^-/, "");
  // bash is the shell's bash dialect
  if (name === "bash") return bashMain(ctx);
  const applet = APPLETS.get(ALIASES[name] ?? name);
  if (!applet) {
    await ctx.stderr.write(`${name}: cannot execute: required file not found\n`);
    return 127;
  }
  return applet.run(ctx);
};

/** gosu 1.19: `gosu user-spec command [args]` runs command as the user, by exec. */
export const gosuProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length < 2 || args[0] === "--help" || args[0] === "-h") {
    if (args[0] === "--version") {
      await ctx.stdout.write("1.19 (go1.24.6 on linux/amd64; gc)\n");
      return 0;
    }
    await ctx.stderr.write("Usage: gosu user-spec command [args]\n   eg: gosu tianon bash\n       gosu nobody:root bash -c 'whoami && id'\n       gosu 1000:1 id\n\ngosu version: 1.19 (go1.24.6 on linux/amd64; gc)\nlicense: Apache-2.0 (full text at https://github.com/tianon/gosu)\n\n");
    return 1;
  }
  const [spec, ...cmd] = args;
  const [u, g] = spec.split(":");
  const pw = /^\d+$/.test(u) ? { uid: Number(u), gid: Number(u), home: "/", name: u } : userByName(ctx.fs, u);
  if (!pw) {
    await ctx.stderr.write(`error: failed switching to "${spec}": unable to find user ${u}: no matching entries in passwd file\n`);
    return 1;
  }
  let gid = pw.gid;
  if (g !== undefined) {
    const gr = /^\d+$/.test(g) ? { gid: Number(g) } : groupByName(ctx.fs, g);
    if (!gr) {
      await ctx.stderr.write(`error: failed switching to "${spec}": unable to find group ${g}: no matching entries in group file\n`);
      return 1;
    }
    gid = gr.gid;
  }
  const cred: Cred = { uid: pw.uid, gid, groups: groupList(ctx.fs, pw.name, gid), caps: pw.uid === 0 ? ctx.proc.cred.caps : new Set() };
  ctx.proc.cred = cred;
  ctx.fs.cred = cred;
  const env = { ...ctx.env, HOME: pw.home };
  try {
    return await execReplace(ctx, cmd, env);
  } catch (e) {
    if (e instanceof ExecError) {
      await ctx.stderr.write(`error: exec: "${cmd[0]}": executable file not found in $PATH\n`);
      return 1;
    }
    throw e;
  }
};

/** setpriv (util-linux), as the redis entrypoint uses it: `setpriv --reuid U --regid G --clear-groups [...] cmd args`. */
export const setprivProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let reuid: string | null = null;
  let regid: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-")) break;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, null];
    const value = () => inline ?? args[++i];
    if (flag === "--reuid") reuid = value();
    else if (flag === "--regid") regid = value();
    else if (flag === "-d" || flag === "--dump") {
      await ctx.stdout.write(`uid: ${ctx.proc.cred.uid}\neuid: ${ctx.proc.cred.uid}\ngid: ${ctx.proc.cred.gid}\negid: ${ctx.proc.cred.gid}\nCapability bounding set: ${[...ctx.proc.cred.caps].map((c) => c.toLowerCase()).join(",")}\n`);
      return 0;
    } else if (["--inh-caps", "--ambient-caps", "--bounding-set"].includes(flag)) value();
    else if (flag !== "--clear-groups" && flag !== "--nnp" && flag !== "--no-new-privs" && flag !== "--init-groups") {
      await ctx.stderr.write(`setpriv: unrecognized option '${a}'\nTry 'setpriv --help' for more information.\n`);
      return 1;
    }
  }
  const cmd = args.slice(i);
  if (!cmd.length) {
    await ctx.stderr.write("setpriv: No program specified\nTry 'setpriv --help' for more information.\n");
    return 1;
  }
  const pw = reuid === null ? null : /^\d+$/.test(reuid) ? { uid: Number(reuid), gid: Number(reuid), home: "/", name: reuid } : userByName(ctx.fs, reuid);
  if (reuid !== null && !pw) {
    await ctx.stderr.write(`setpriv: failed to parse ruid: '${reuid}'\n`);
    return 1;
  }
  const gr = regid === null ? null : /^\d+$/.test(regid) ? { gid: Number(regid) } : groupByName(ctx.fs, regid);
  if (regid !== null && !gr) {
    await ctx.stderr.write(`setpriv: failed to parse rgid: '${regid}'\n`);
    return 1;
  }
  const uid = pw?.uid ?? ctx.proc.cred.uid;
  const gid = gr?.gid ?? ctx.proc.cred.gid;
  const cred: Cred = { uid, gid, groups: [], caps: uid === 0 ? ctx.proc.cred.caps : new Set() };
  ctx.proc.cred = cred;
  ctx.fs.cred = cred;
  try {
    return await execReplace(ctx, cmd);
  } catch (e) {
    if (e instanceof ExecError) {
      await ctx.stderr.write(`setpriv: failed to execute ${cmd[0]}: No such file or directory\n`);
      return 127;
    }
    throw e;
  }
};
