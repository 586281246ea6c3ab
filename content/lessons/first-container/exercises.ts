/** Lesson 1 exercises: a container that ran and stopped, and one that keeps running. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };
const fail = (message: string): CheckResult => ({ pass: false, message });

/** The command a container runs, as one line (entrypoint then command). */
function commandOf(c: ContainerInspect): string {
  return [...(c.Config.Entrypoint ?? []), ...(c.Config.Cmd ?? [])].join(" ");
}

/** Why there is no container `name`, in terms of the containers that do exist. */
async function missing(engine: CheckEngine, name: string, deletedHint: string): Promise<string> {
  const others = (await engine.containers({ all: true })).map((c) => `\`${c.Names[0].replace(/^\//, "")}\` (${c.Command})`);
  if (others.length === 0) return `expected a container named \`${name}\`, but there are no containers at all: ${deletedHint}`;
  return `expected a container named \`${name}\`, but the containers are ${others.join(", ")}: give it the name with \`--name ${name}\``;
}

/** A container by name, or the failure that explains its absence. */
async function named(engine: CheckEngine, name: string, deletedHint: string): Promise<ContainerInspect | CheckResult> {
  return (await engine.container(name)) ?? fail(await missing(engine, name, deletedHint));
}

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

const RM_HINT = "a container started with `--rm` is deleted as soon as it exits";

/** The container's state as a phrase ("has exited with code 1"). */
function stateText(c: ContainerInspect): string {
  const s = c.State;
  if (s.Status === "created") return "was created but never started";
  if (s.Status === "exited") return `has exited with code ${s.ExitCode}`;
  return `is ${s.Status}`;
}

export default defineExercises([
  {
    id: "first-container/hello",
    title: "Keep the container",
    goal: "Leave a stopped container named `hello` that ran `echo hello` from the `busybox` image and exited successfully.",
    setup: [],
    hints: [
      "`docker run` creates a container and starts it; without `--rm` the container stays after its command ends.",
      "Name the container with `--name hello`; the command goes after the image name.",
      "`docker run --name hello busybox echo hello`",
    ],
    solution: ["docker run --name hello busybox echo hello"],
    wrong: [
      { commands: ["docker run --rm --name hello busybox echo hello"], expect: "deleted as soon as it exits" },
      { commands: ["docker create --name hello busybox echo hello"], expect: "created but never started" },
      { commands: ["docker run --name hello busybox"], expect: "runs `sh`" },
    ],
    checks: [
      {
        description: "a container named `hello` exists",
        async run(engine) {
          const c = await named(engine, "hello", RM_HINT);
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`hello` runs `echo hello` from `busybox`",
        async run(engine) {
          const c = await named(engine, "hello", RM_HINT);
          if (isResult(c)) return c;
          const cmd = commandOf(c);
          if (cmd !== "echo hello") return fail(`container \`hello\` runs \`${cmd}\`, expected \`echo hello\`: the command goes after the image name`);
          const img = await engine.image("busybox");
          if (!img || img.Id !== c.Image) return fail(`container \`hello\` was made from \`${c.Config.Image}\`, expected the \`busybox\` image`);
          return pass;
        },
      },
      {
        description: "`hello` has stopped with exit code 0",
        async run(engine) {
          const c = await named(engine, "hello", RM_HINT);
          if (isResult(c)) return c;
          if (c.State.Status === "exited" && c.State.ExitCode === 0) return pass;
          return fail(`container \`hello\` ${stateText(c)}, expected it to have run and exited with code 0`);
        },
      },
    ],
    real: true,
  },
  {
    id: "first-container/sleeper",
    title: "A container that keeps running",
    goal: "Start a container named `sleeper` from `busybox` that is still running when you get your prompt back: its main process is `sleep 3600`.",
    setup: [],
    hints: [
      "A container runs exactly as long as its main process. `sleep 3600` lasts an hour.",
      "`docker run` waits for the container to finish unless you detach it with `-d`.",
      "`docker run -d --name sleeper busybox sleep 3600`",
    ],
    solution: ["docker run -d --name sleeper busybox sleep 3600"],
    wrong: [
      { commands: ["docker run -d --name sleeper busybox"], expect: "main process `sh` ended" },
      { commands: ["docker run -d --name sleeper busybox sleep 1", "sleep 2"], expect: "main process `sleep 1` ended" },
      { commands: ["docker create --name sleeper busybox sleep 3600"], expect: "created but never started" },
    ],
    checks: [
      {
        description: "a container named `sleeper` exists",
        async run(engine) {
          const c = await named(engine, "sleeper", "was it started with `--rm`, or removed?");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`sleeper` is running",
        async run(engine) {
          const c = await named(engine, "sleeper", "was it started with `--rm`, or removed?");
          if (isResult(c)) return c;
          if (c.State.Running && !c.State.Paused) return pass;
          const why = c.State.Status === "exited" ? ` (its main process \`${commandOf(c)}\` ended, and the container with it)` : "";
          return fail(`container \`sleeper\` ${stateText(c)}${why}, expected it to be running`);
        },
      },
      {
        description: "`sleeper` runs `sleep 3600`",
        async run(engine) {
          const c = await named(engine, "sleeper", "was it started with `--rm`, or removed?");
          if (isResult(c)) return c;
          const cmd = commandOf(c);
          return cmd === "sleep 3600" ? pass : fail(`container \`sleeper\` runs \`${cmd}\`, expected \`sleep 3600\``);
        },
      },
    ],
    real: true,
  },
]);
