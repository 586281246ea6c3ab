/** su: run a shell (or -s PROG) as another user; only root may switch without a password here. */
import type { Cred } from "../cred";
import { Fatal, defineSysApplet } from "./lib/sys-applet";
import { execvp } from "./lib/sys-exec";
import { getopt } from "./lib/sys-getopt";
import { groupList, userByName } from "./lib/sys-users";

defineSysApplet({
  name: "su",
  async run(ctx) {
    // BusyBox refuses to run unless it is setuid root (the lab image's binary is not)
    if (ctx.proc.cred.uid !== 0) throw new Fatal("must be suid to work properly");
    const o = getopt(ctx.argv.slice(1), "mplc:s:");
    const args = [...o.operands];
    let login = o.has("l");
    if (args[0] === "-") {
      login = true;
      args.shift();
    }
    const username = args.length ? args.shift()! : "root";
    const pw = userByName(ctx.fs, username);
    if (!pw) throw new Fatal(`unknown user ${username}`);
    const preserve = o.has("m") || o.has("p");
    let shell = o.get("s") ?? (preserve ? ctx.env.SHELL : undefined) ?? pw.shell;
    if (!shell) shell = "/bin/sh";
    const groups = groupList(ctx.fs, pw.name, pw.gid).sort((a, b) => a - b);
    const cred: Cred = { uid: pw.uid, gid: pw.gid, groups, caps: pw.uid === 0 ? new Set(ctx.proc.cred.caps) : new Set() };
    ctx.proc.cred = cred;
    ctx.fs.cred = cred;
    let env: Record<string, string> = { ...ctx.env };
    if (login) {
      try {
        if (ctx.fs.stat(pw.home).type !== "dir") throw new Error("not a directory");
        ctx.cwd = pw.home;
      } catch {
        await ctx.stderr.write(`su: can't change directory to '${pw.home}'\n`);
        ctx.cwd = "/";
      }
      env = ctx.env.TERM !== undefined ? { TERM: ctx.env.TERM } : {};
      env.PATH = pw.uid ? "/bin:/usr/bin" : "/sbin:/bin:/usr/sbin:/usr/bin";
      Object.assign(env, { USER: pw.name, LOGNAME: pw.name, HOME: pw.home, SHELL: shell });
    } else if (!preserve) {
      if (pw.uid) Object.assign(env, { USER: pw.name, LOGNAME: pw.name });
      Object.assign(env, { HOME: pw.home, SHELL: shell });
    }
    const base = shell.slice(shell.lastIndexOf("/") + 1);
    const argv = [(login ? "-" : "") + base];
    if (o.has("c")) argv.push("-c", o.get("c")!);
    argv.push(...args);
    return execvp(ctx, argv, env, { path: shell });
  },
});
