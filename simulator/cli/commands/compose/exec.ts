/** docker compose exec: run a command in a service's running container (TTY only when stdout is a terminal). */
import { bool, list, num, str } from "../../command";
import { projectContainers } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { containerExecCreate, containerExecStart } from "../../../daemon/exec";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "exec",
  use: "[OPTIONS] SERVICE COMMAND [ARGS...]",
  short: "Execute a command in a running container",
  args: { kind: "min", n: 2 },
  interspersed: false,
  flags: [
    { long: "detach", short: "d", type: "bool", usage: "Detached mode: Run command in the background" },
    { long: "env", short: "e", type: "stringArray", usage: "Set environment variables" },
    { long: "index", type: "int", usage: "Index of the container if service has multiple replicas" },
    { long: "no-TTY", short: "T", type: "bool", usage: "Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY." },
    { long: "privileged", type: "bool", usage: "Give extended privileges to the process" },
    { long: "user", short: "u", type: "string", usage: "Run the command as this user" },
    { long: "workdir", short: "w", type: "string", usage: "Path to workdir directory for this command" },
    { long: "interactive", short: "i", type: "bool", default: true, usage: "Keep STDIN open even if not attached", hidden: true },
    { long: "tty", short: "t", type: "bool", default: true, usage: "Allocate a pseudo-TTY", hidden: true },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const name = await cx.projectName();
      const [service, ...cmd] = args;
      const index = num(v, "index") || 1;
      const c = projectContainers(env.daemon, name, { services: [service] }).find((x) => Number(x.config.Labels?.["com.docker.compose.container-number"]) === index && x.state.Running);
      if (!c) throw new ComposeError(`service "${service}" is not running`);
      const tty = !bool(v, "no-TTY") && !!env.ctx.stdout.isTTY;
      const envs = list(v, "env").map((e) => (e.includes("=") ? e : `${e}=${env.ctx.env[e] ?? ""}`));
      const { exec } = containerExecCreate(env.daemon, c.id, { argv: cmd, user: str(v, "user") || undefined, workingDir: str(v, "workdir") || undefined, env: envs, tty, privileged: bool(v, "privileged") });
      const run = containerExecStart(env.daemon, c, exec, { stdin: env.ctx.stdin, stdout: env.ctx.stdout, stderr: tty ? env.ctx.stdout : env.ctx.stderr }, bool(v, "privileged"));
      if (bool(v, "detach")) return 0;
      return await env.ctx.proc.guard(run);
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
