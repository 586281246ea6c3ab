/**
 * nc (BusyBox's small netcat): connect to HOST PORT, or -l [-p PORT] to accept one connection,
 * then copy standard input to the connection and the connection to standard output until the
 * peer closes. -w N bounds the name lookup and connect/accept ("nc: timed out"); -e PROG runs a
 * program on the connection.
 */
import type { ProcessContext } from "../program";
import { lookPath } from "../exec";
import { getopt } from "./lib/sys-getopt";
import { defineNetApplet, Fatal, netOf, ShowUsage, xatou } from "./net-applet";
import { resolveHost } from "./net-resolve";
import { NetError, type Socket } from "./net-socket";

class TimedOut extends Error {}

/** Race `p` against the -w alarm. */
function withAlarm<T>(ctx: ProcessContext, p: Promise<T>, ms: number): Promise<T> {
  if (!ms) return ctx.proc.guard(p);
  let cancel = () => {};
  const alarm = new Promise<never>((_, rej) => (cancel = ctx.kernel.sched.at(ms, () => rej(new TimedOut()))));
  alarm.catch(() => {});
  return ctx.proc.guard(Promise.race([p, alarm])).finally(() => cancel());
}

async function pump(ctx: ProcessContext, s: Socket): Promise<number> {
  const toPeer = (async () => {
    try {
      for (;;) {
        const d = await ctx.stdin.read();
        if (!d) break;
        await s.output.write(d);
      }
    } catch {
      /* peer gone or process ended */
    }
    s.output.close();
  })();
  void toPeer;
  for (;;) {
    let d: Uint8Array | null;
    try {
      d = await ctx.proc.guard(s.input.read());
    } catch (e) {
      if (e instanceof NetError) throw new Fatal(`read error: ${e.message}`);
      throw e;
    }
    if (!d) break;
    await ctx.stdout.write(d);
  }
  s.close();
  return 0;
}

defineNetApplet("nc", async (ctx) => {
  const args = ctx.argv.slice(1);
  const e = args.indexOf("-e");
  const exec = e >= 0 ? args.splice(e).slice(1) : null;
  if (exec && exec.length === 0) throw new ShowUsage("option requires an argument -- 'e'");
  const o = getopt(args, "+lp:w:i:f:");
  const listen = o.has("l");
  const wMs = o.has("w") ? xatou(o.get("w")!) * 1000 : 0;
  const ops = o.operands;
  if (listen ? ops.length > 1 : ops.length < 1 || ops.length > 2) throw new ShowUsage();
  const { stack, ns } = netOf(ctx);
  let sock: Socket;
  try {
    if (listen) {
      const ip = ops[0] ? await resolveHost(ctx, ops[0]) : "0.0.0.0";
      if (!ip) throw new Fatal(`bad address '${ops[0]}'`);
      const port = o.has("p") ? xatou(o.get("p")!, 65535) : 0;
      let l;
      try {
        l = stack.listen(ns, ip, port, ctx.proc);
      } catch (err) {
        if (err instanceof NetError) throw new Fatal(`bind: ${err.message}`);
        throw err;
      }
      const s = await withAlarm(ctx, l.accept(), wMs);
      l.close();
      if (!s) throw new Fatal("accept: Invalid argument");
      sock = s;
    } else {
      if (ops.length < 2) throw new ShowUsage();
      const port = xatou(ops[1], 65535);
      sock = await withAlarm(
        ctx,
        (async () => {
          const ip = await resolveHost(ctx, ops[0]);
          if (!ip) throw new Fatal(`bad address '${ops[0]}'`);
          try {
            return await stack.connect(ns, ip, port, { owner: ctx.proc });
          } catch (err) {
            if (err instanceof NetError) throw new Fatal(`can't connect to remote host (${ip}): ${err.message}`);
            throw err;
          }
        })(),
        wMs,
      );
    }
  } catch (err) {
    if (err instanceof TimedOut) throw new Fatal("timed out");
    throw err;
  }
  if (exec) {
    const path = exec[0].includes("/") ? exec[0] : lookPath(ctx.fs, exec[0], ctx.env.PATH ?? "/bin:/usr/bin");
    if (!path) throw new Fatal(`can't execute '${exec[0]}': No such file or directory`);
    const status = await ctx.run({ argv: exec, path, stdin: sock.input, stdout: sock.output });
    sock.close();
    return status;
  }
  return pump(ctx, sock);
});
