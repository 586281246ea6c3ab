/**
 * docker compose run: start the service's dependencies, then a one-off container of the service
 * (`<project>-<service>-run-<id>`, labelled oneoff=True) with its output attached.
 */
import { bool, list, str } from "../../command";
import { converge, createServiceContainer, ensureImages, ensureNetworks, ensureVolumes, newSlug } from "../../../compose/engine";
import { splitCommand } from "../../../compose/load";
import { ComposeError } from "../../../compose/types";
import { containerStart } from "../../../daemon/start";
import { containerWait } from "../../../daemon/stop";
import { onStopped } from "../../../daemon/monitor";
import { removeContainerNow } from "../../../daemon/delete";
import { isDaemonError } from "../../../daemon/errdefs";
import { composeFailure, registerVerb } from "./shared";

registerVerb({
  name: "run",
  use: "[OPTIONS] SERVICE [COMMAND] [ARGS...]",
  short: "Run a one-off command on a service",
  args: { kind: "min", n: 1 },
  interspersed: false,
  flags: [
    { long: "build", type: "bool", usage: "Build image before starting container" },
    { long: "detach", short: "d", type: "bool", usage: "Run container in background and print container ID" },
    { long: "entrypoint", type: "string", usage: "Override the entrypoint of the image" },
    { long: "env", short: "e", type: "stringArray", usage: "Set environment variables" },
    { long: "interactive", short: "i", type: "bool", default: true, usage: "Keep STDIN open even if not attached" },
    { long: "label", short: "l", type: "stringArray", usage: "Add or override a label" },
    { long: "name", type: "string", usage: "Assign a name to the container" },
    { long: "no-TTY", short: "T", type: "bool", usage: "Disable pseudo-TTY allocation (default: auto-detected)" },
    { long: "no-deps", type: "bool", usage: "Don't start linked services" },
    { long: "publish", short: "p", type: "stringArray", usage: "Publish a container's port(s) to the host" },
    { long: "rm", type: "bool", usage: "Automatically remove the container when it exits" },
    { long: "service-ports", type: "bool", usage: "Run command with all service's ports enabled and mapped to the host" },
    { long: "user", short: "u", type: "string", usage: "Run as specified username or uid" },
    { long: "workdir", short: "w", type: "string", usage: "Working directory inside the container" },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const { project: p, env: vars } = await cx.load();
      const [name, ...cmd] = args;
      const s = p.services.find((x) => x.name === name);
      if (!s) throw new ComposeError(`no such service: ${name}`);
      const io = cx.io();
      const deps = Object.keys(s.depends_on);
      if (deps.length && !bool(v, "no-deps")) await converge(io, p, deps, { build: false, noStart: false, forceRecreate: false, env: vars });
      await ensureImages(io, p, [s], { build: bool(v, "build"), env: vars });
      await ensureNetworks(io, p, [s]);
      await ensureVolumes(io, p, [s]);
      const tty = !bool(v, "no-TTY") && !!env.ctx.stdout.isTTY;
      const labels: Record<string, string> = {};
      for (const l of list(v, "label")) labels[l.split("=")[0]] = l.split("=").slice(1).join("=");
      const ports = list(v, "publish");
      const svc = ports.length ? { ...s, ports: [...s.ports] } : s;
      const c = await createServiceContainer(io, p, svc, 1, {
        oneoff: {
          slug: newSlug(env.daemon),
          ...(cmd.length ? { command: cmd } : {}),
          ...(str(v, "entrypoint") ? { entrypoint: splitCommand(str(v, "entrypoint")) } : {}),
          env: list(v, "env").map((e) => (e.includes("=") ? e : `${e}=${env.ctx.env[e] ?? ""}`)),
          tty,
          interactive: bool(v, "interactive"),
          ...(str(v, "name") ? { name: str(v, "name") } : {}),
          ...(str(v, "user") ? { user: str(v, "user") } : {}),
          ...(str(v, "workdir") ? { workdir: str(v, "workdir") } : {}),
          ports: bool(v, "service-ports"),
          rm: bool(v, "rm"),
          labels,
        },
      });
      if (bool(v, "detach")) {
        containerStart(env.daemon, c);
        await env.out(c.name + "\n");
        return 0;
      }
      const stopped = onStopped(c);
      try {
        containerStart(env.daemon, c, { stdin: bool(v, "interactive") ? env.ctx.stdin : undefined, stdout: env.ctx.stdout, stderr: env.ctx.stderr });
      } catch (e) {
        if (bool(v, "rm")) removeContainerNow(env.daemon, c, true);
        throw new ComposeError(isDaemonError(e) ? `Error response from daemon: ${e.message}` : String(e), 1);
      }
      const code = await env.ctx.proc.guard(Promise.race([stopped, containerWait(env.daemon, c)]));
      if (bool(v, "rm")) removeContainerNow(env.daemon, c, true);
      return code;
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
