/** docker start: start stopped containers; with -a, attach and return the exit code. */
import { containerStart } from "../../../daemon/start";
import { checkRef } from "./ref";
import { onStopped } from "../../../daemon/monitor";
import { bool, type Command } from "../../command";
import { errorMessage } from "../../errors";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker start",
  use: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  aliases: ["docker container start"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "attach", short: "a", type: "bool", usage: "Attach STDOUT/STDERR and forward signals" },
    { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
    { long: "interactive", short: "i", type: "bool", usage: "Attach container's STDIN" },
  ],
  async run(env, v, args) {
    const d = env.daemon;
    if (bool(v, "attach") || bool(v, "interactive")) {
      if (args.length > 1) {
        await env.err("you cannot start and attach multiple containers at once\n");
        return 1;
      }
      const c = d.mustContainer(args[0]);
      const stopped = onStopped(c);
      containerStart(d, c, { stdin: bool(v, "interactive") ? env.ctx.stdin : undefined, stdout: env.ctx.stdout, stderr: env.ctx.stderr });
      return env.ctx.proc.guard(stopped);
    }
    const failed: string[] = [];
    for (const ref of args) {
      try {
        checkRef(ref);
        containerStart(d, d.mustContainer(ref));
        await env.out(ref + "\n");
      } catch (e) {
        await env.err(errorMessage(e) + "\n");
        failed.push(ref);
      }
    }
    if (failed.length) await env.err("Error: failed to start containers: " + failed.join(", ") + "\n");
    return failed.length ? 1 : 0;
  },
} satisfies Command);
