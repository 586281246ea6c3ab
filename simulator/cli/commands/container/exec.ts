/** docker exec: run a command in a running container; its exit code becomes the CLI's. */
import { containerExecCreate, containerExecStart } from "../../../daemon/exec";
import { checkRef } from "./ref";
import { DISCARD } from "../../../runtime/streams";
import { bool, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { readKV } from "./opts-parse";

registerCommand({
  path: "docker exec",
  use: "[OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  aliases: ["docker container exec"],
  interspersed: false,
  args: { kind: "min", n: 2 },
  flags: [
    { long: "detach", short: "d", type: "bool", usage: "Detached mode: run command in the background" },
    { long: "detach-keys", type: "string", usage: "Override the key sequence for detaching a container" },
    { long: "env", short: "e", type: "list", usage: "Set environment variables", validate: (x) => (x === "" || x.startsWith("=") ? { ok: false, error: `invalid environment variable: ${x}` } : { ok: true }) },
    { long: "env-file", type: "list", usage: "Read in a file of environment variables" },
    { long: "interactive", short: "i", type: "bool", usage: "Keep STDIN open even if not attached" },
    { long: "privileged", type: "bool", usage: "Give extended privileges to the command" },
    { long: "tty", short: "t", type: "bool", usage: "Allocate a pseudo-TTY" },
    { long: "user", short: "u", type: "string", usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ],
  async run(env, v, args) {
    const d = env.daemon;
    const [ref, ...argv] = args;
    // the CLI looks the container up first, so that "No such container" wins over other errors
    checkRef(ref);
    d.mustContainer(ref);
    const detach = bool(v, "detach");
    const tty = bool(v, "tty");
    const interactive = bool(v, "interactive");
    if (!detach && tty && interactive && !env.ctx.stdin.isTTY) {
      await env.err("the input device is not a TTY\n");
      return 1;
    }
    const vars = readKV(env, list(v, "env-file"), list(v, "env"), true);
    const { c, exec } = containerExecCreate(d, ref, { argv, user: str(v, "user") || undefined, workingDir: str(v, "workdir") || undefined, env: vars, tty });
    const privileged = bool(v, "privileged");
    if (detach) {
      const done = containerExecStart(d, c, exec, { stdout: DISCARD, stderr: DISCARD }, privileged);
      void done.catch(() => {});
      return 0;
    }
    const io = { stdin: interactive ? env.ctx.stdin : undefined, stdout: env.ctx.stdout, stderr: env.ctx.stderr };
    return env.ctx.proc.guard(containerExecStart(d, c, exec, io, privileged));
  },
} satisfies Command);
