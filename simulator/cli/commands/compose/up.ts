/** docker compose up: create and start the project's containers; attached, follow their logs. */
import { bool, num } from "../../command";
import { converge, projectContainers, serviceOf, stopContainers } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { composeFailure, registerVerb } from "./shared";
import { interrupted, printLogs } from "./attach";
import { logName } from "../../../compose/engine";

registerVerb({
  name: "up",
  use: "[OPTIONS] [SERVICE...]",
  short: "Create and start containers",
  args: { kind: "min", n: 0 },
  flags: [
    { long: "abort-on-container-exit", type: "bool", usage: "Stops all containers if any container was stopped. Incompatible with -d" },
    { long: "build", type: "bool", usage: "Build images before starting containers" },
    { long: "detach", short: "d", type: "bool", usage: "Detached mode: Run containers in the background" },
    { long: "force-recreate", type: "bool", usage: "Recreate containers even if their configuration and image haven't changed" },
    { long: "no-build", type: "bool", usage: "Don't build an image, even if it's policy" },
    { long: "no-color", type: "bool", usage: "Produce monochrome output" },
    { long: "no-deps", type: "bool", usage: "Don't start linked services" },
    { long: "no-log-prefix", type: "bool", usage: "Don't print prefix in logs" },
    { long: "no-recreate", type: "bool", usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
    { long: "no-start", type: "bool", usage: "Don't start the services after creating them" },
    { long: "pull", type: "string", default: "policy", usage: 'Pull image before running ("always"|"missing"|"never")' },
    { long: "quiet-pull", type: "bool", usage: "Pull without printing progress information" },
    { long: "remove-orphans", type: "bool", usage: "Remove containers for services not defined in the Compose file" },
    { long: "timeout", short: "t", type: "int", usage: "Use this timeout in seconds for container shutdown when attached or when containers are already running" },
    { long: "wait", type: "bool", usage: "Wait for services to be running|healthy. Implies detached mode." },
  ],
  async run(cx, v, args) {
    const env = cx.env;
    try {
      const { project: p, env: vars } = await cx.load();
      if (bool(v, "detach") && bool(v, "abort-on-container-exit")) throw new ComposeError("--abort-on-container-exit and --detach are incompatible", 16);
      for (const a of args) if (!p.services.some((s) => s.name === a)) throw new ComposeError(`no such service: ${a}`);
      const io = cx.io();
      const known = new Set(p.services.map((s) => s.name));
      const orphans = projectContainers(env.daemon, p.name).filter((c) => !known.has(serviceOf(c)));
      if (orphans.length && bool(v, "remove-orphans")) {
        const { removeContainers } = await import("../../../compose/engine");
        await stopContainers(io, orphans.filter((c) => c.state.Running));
        await removeContainers(io, orphans, false);
      } else if (orphans.length) await cx.warn(`Found orphan containers ([${orphans.map((c) => c.name).join(" ")}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
      const containers = await converge(io, p, args, { build: bool(v, "build"), noStart: bool(v, "no-start"), forceRecreate: bool(v, "force-recreate"), noDeps: bool(v, "no-deps"), env: vars });
      if (bool(v, "detach") || bool(v, "wait") || bool(v, "no-start")) return 0;
      const attached = containers.filter((c) => !args.length || args.includes(serviceOf(c))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      await env.out(`Attaching to ${attached.map(logName).join(", ")}\n`);
      const stop = interrupted(env);
      let wasInterrupted = false;
      void stop.then(() => (wasInterrupted = true));
      await printLogs(env, attached, { prefix: !bool(v, "no-log-prefix"), timestamps: false, tail: null, follow: true, exitStatus: true }, stop);
      if (wasInterrupted) {
        await env.err("Gracefully stopping... (press Ctrl+C again to force)\n");
        const t = num(v, "timeout");
        await stopContainers(io, [...containers].reverse().filter((c) => c.state.Running), t || undefined);
        return 0;
      }
      return 0;
    } catch (e) {
      return composeFailure(env, e);
    }
  },
});
