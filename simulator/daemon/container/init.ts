/**
 * docker-init (tini), run as PID 1 with `--init`: it starts the command as its child, forwards
 * signals to it, and exits with its status. Because it handles signals, SIGTERM from `docker stop`
 * reaches the command, which is why `--init` turns a 137 into a 143.
 */
import type { Program } from "../../runtime/program";
import { SIGNALS } from "../../runtime/signals";

const FORWARDED = ["HUP", "INT", "QUIT", "USR1", "USR2", "TERM", "WINCH", "ALRM", "CONT"].map((s) => SIGNALS[s]);

export function initProgram(child: { argv: string[]; path: string; program: Program }): Program {
  return async (ctx) => {
    for (const s of FORWARDED) ctx.proc.handlers.set(s, "catch");
    const p = ctx.spawn({ argv: child.argv, path: child.path, program: child.program });
    let done = false;
    let status = 0;
    void p.exited.then((s) => {
      done = true;
      status = s;
    });
    while (!done) {
      await Promise.race([p.exited, ctx.proc.nextSignal()]);
      for (const sig of ctx.proc.pending.splice(0)) ctx.kernel.signal(p, sig);
    }
    return status;
  };
}
