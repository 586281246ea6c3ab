/** docker stop, kill, restart, pause, unpause, wait, rm: one call per named container, errors per name. */
import { containerRemove } from "../../../daemon/delete";
import { checkRef } from "./ref";
import { containerKill, containerPause, containerRestart, containerStop, containerUnpause, containerWait } from "../../../daemon/stop";
import { bool, str, type CliEnv, type Command, type Values } from "../../command";
import { errorMessage } from "../../errors";
import { notFound } from "../../../daemon/errdefs";
import type { FlagDef } from "../../flags";
import { registerCommand } from "../../registry";

/** Run `op` for each argument, printing the argument on success and the error otherwise. */
async function each(env: CliEnv, args: string[], op: (ref: string) => Promise<void>, echo = true): Promise<number> {
  let failed = false;
  for (const ref of args) {
    try {
      checkRef(ref);
      await op(ref);
      if (echo) await env.out(ref + "\n");
    } catch (e) {
      await env.err(errorMessage(e) + "\n");
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

const timeoutFlags: FlagDef[] = [
  { long: "signal", short: "s", type: "string", usage: "Signal to send to the container" },
  { long: "time", type: "int", usage: "Seconds to wait before killing the container (deprecated: use --timeout)", hidden: true, deprecated: "use --timeout instead" },
  { long: "timeout", short: "t", type: "int", usage: "Seconds to wait before killing the container" },
];

/** --timeout, or the deprecated --time when only that one was given. */
const timeoutOf = (v: Values, changed: string[]) => (changed.includes("timeout") ? (v.timeout as number) : changed.includes("time") ? (v.time as number) : undefined);

function simple(path: string, short: string, flags: FlagDef[], op: (env: CliEnv, v: Values, ref: string, changed: string[]) => Promise<void>): Command {
  return {
    path: `docker ${path}`,
    use: flags.length ? "[OPTIONS] CONTAINER [CONTAINER...]" : "CONTAINER [CONTAINER...]",
    short,
    aliases: [`docker container ${path}`],
    args: { kind: "min", n: 1 },
    flags,
    run: (env, v, args, changed) => each(env, args, (ref) => op(env, v, ref, changed)),
  };
}

registerCommand(
  simple("stop", "Stop one or more running containers", timeoutFlags, async (env, v, ref, changed) => {
    const c = env.daemon.mustContainer(ref);
    await env.ctx.proc.guard(containerStop(env.daemon, c, timeoutOf(v, changed)));
  }),
);
registerCommand(
  simple("restart", "Restart one or more containers", timeoutFlags, async (env, v, ref, changed) => {
    await env.ctx.proc.guard(containerRestart(env.daemon, env.daemon.mustContainer(ref), timeoutOf(v, changed)));
  }),
);
registerCommand(
  simple("kill", "Kill one or more running containers", [{ long: "signal", short: "s", type: "string", usage: "Signal to send to the container" }], async (env, v, ref) => {
    const c = env.daemon.findContainer(ref);
    if (!c) throw notFound(`Cannot kill container: ${ref}: No such container: ${ref}`);
    containerKill(env.daemon, c, str(v, "signal") || "KILL");
  }),
);
registerCommand(simple("pause", "Pause all processes within one or more containers", [], async (env, _v, ref) => containerPause(env.daemon, env.daemon.mustContainer(ref))));
registerCommand(simple("unpause", "Unpause all processes within one or more containers", [], async (env, _v, ref) => containerUnpause(env.daemon, env.daemon.mustContainer(ref))));

registerCommand({
  path: "docker wait",
  use: "CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  aliases: ["docker container wait"],
  args: { kind: "min", n: 1 },
  flags: [],
  run: (env, _v, args) =>
    each(
      env,
      args,
      async (ref) => {
        const code = await env.ctx.proc.guard(containerWait(env.daemon, env.daemon.mustContainer(ref)));
        await env.out(code + "\n");
      },
      false,
    ),
});

registerCommand({
  path: "docker rm",
  use: "[OPTIONS] CONTAINER [CONTAINER...]",
  short: "Remove one or more containers",
  aliases: ["docker container rm", "docker container remove"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "force", short: "f", type: "bool", usage: "Force the removal of a running container (uses SIGKILL)" },
    { long: "link", short: "l", type: "bool", usage: "Remove the specified link" },
    { long: "volumes", short: "v", type: "bool", usage: "Remove anonymous volumes associated with the container" },
  ],
  async run(env, v, args) {
    const force = bool(v, "force");
    let failed = false;
    for (const ref of args) {
      try {
        if (ref === "") throw new Error("container name cannot be empty");
        await env.ctx.proc.guard(containerRemove(env.daemon, ref, { force, volumes: bool(v, "volumes") }));
        await env.out(ref + "\n");
      } catch (e) {
        await env.err(errorMessage(e) + "\n");
        // docker rm -f of a missing container reports the error but succeeds
        if (!(force && e instanceof Error && /^No such container/.test(e.message))) failed = true;
      }
    }
    return failed ? 1 : 0;
  },
});
