/** docker attach CONTAINER: the container's output from now on (and input with -i); its exit code. */
import { checkAttachable, containerAttach } from "../../../daemon/attach";
import { checkRef } from "./ref";
import { bool, type Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker attach",
  use: "[OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  aliases: ["docker container attach"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
    { long: "no-stdin", type: "bool", usage: "Do not attach STDIN" },
    { long: "sig-proxy", type: "bool", default: true, usage: "Proxy all received signals to the process" },
  ],
  async run(env, v, args) {
    checkRef(args[0]);
    const c = env.daemon.mustContainer(args[0]);
    // the CLI inspects the container first and refuses these itself
    try {
      checkAttachable(c);
    } catch (e) {
      await env.err((e as Error).message + "\n");
      return 1;
    }
    if (c.config.Tty && c.config.OpenStdin && !bool(v, "no-stdin") && !env.ctx.stdin.isTTY) {
      await env.err("the input device is not a TTY\n");
      return 1;
    }
    const io = { stdin: bool(v, "no-stdin") ? undefined : env.ctx.stdin, stdout: env.ctx.stdout, stderr: env.ctx.stderr };
    return env.ctx.proc.guard(containerAttach(env.daemon, args[0], io));
  },
} satisfies Command);
