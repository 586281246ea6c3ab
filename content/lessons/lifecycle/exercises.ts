/** Lesson 8 exercises: replace a container on its port, stop PID 1 at once, a restart policy that gives up. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };
const fail = (message: string): CheckResult => ({ pass: false, message });

/** The command a container runs, as one line (entrypoint then command). */
function commandOf(c: ContainerInspect): string {
  return [...(c.Config.Entrypoint ?? []), ...(c.Config.Cmd ?? [])].join(" ");
}

/** The container's state as a phrase ("has exited with code 1"). */
function stateText(c: ContainerInspect): string {
  const s = c.State;
  if (s.Status === "created") return "was created but never started";
  if (s.Status === "exited") return `has exited with code ${s.ExitCode}`;
  return `is ${s.Status}`;
}

/** A container by name, or the failure that says it is missing. */
async function named(engine: CheckEngine, name: string, hint: string): Promise<ContainerInspect | CheckResult> {
  return (await engine.container(name)) ?? fail(`there is no container named \`${name}\`: ${hint}`);
}

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

/** The image tags that name an image ID, for messages ("`lc-app:1`"). */
async function tagsOf(engine: CheckEngine, id: string): Promise<string> {
  const img = (await engine.images()).find((i) => i.Id === id);
  const tags = (img?.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
  return tags.length ? tags.map((t) => `\`${t}\``).join(", ") : `\`${id.replace(/^sha256:/, "").slice(0, 12)}\``;
}

const site = (version: number) => [
  { file: `app${version}/Dockerfile`, content: 'FROM busybox\nCOPY index.html /www/\nEXPOSE 80\nCMD ["httpd", "-f", "-p", "80", "-h", "/www"]\n' },
  { file: `app${version}/index.html`, content: `version ${version}\n` },
];

const JOB = "echo trying; exit 1";

export default defineExercises([
  {
    id: "lifecycle/replace-on-port",
    title: "Ship version 2 on the same port",
    goal:
      "The container `lc-app` serves image `lc-app:1` on host port 8082. Replace it with a container of the same name that runs `lc-app:2`, " +
      "published on the same host port 8082 (container port 80).",
    setup: [
      ...site(1),
      ...site(2),
      { docker: ["build", "-t", "lc-app:1", "app1"] },
      { docker: ["build", "-t", "lc-app:2", "app2"] },
      { docker: ["run", "-d", "--name", "lc-app", "-p", "8082:80", "lc-app:1"] },
    ],
    hints: [
      "A container cannot change its image: you need a new container. The old one holds both the name `lc-app` and host port 8082.",
      "A stopped container still holds its name. Remove the old container (`docker rm -f`, or `docker stop` then `docker rm`) before you run the new one.",
      "`docker rm -f lc-app`, then `docker run -d --name lc-app -p 8082:80 lc-app:2`.",
    ],
    solution: ["docker stop lc-app", "docker rm lc-app", "docker run -d --name lc-app -p 8082:80 lc-app:2"],
    wrong: [
      {
        // the name is still taken: the run fails and the old container keeps serving
        commands: ["docker run -d --name lc-app -p 8082:80 lc-app:2"],
        expect: "still runs `lc-app:1`",
      },
      {
        // stopped but not removed: the name is still taken
        commands: ["docker stop lc-app", "docker run -d --name lc-app -p 8082:80 lc-app:2"],
        expect: "a stopped container still holds its name",
      },
      {
        // replaced, but the port not published
        commands: ["docker rm -f lc-app", "docker run -d --name lc-app lc-app:2"],
        expect: "publishes no port",
      },
    ],
    checks: [
      {
        description: "a container named `lc-app` is running",
        async run(engine) {
          const c = await named(engine, "lc-app", "run the new version with `--name lc-app`");
          if (isResult(c)) return c;
          if (c.State.Running) return pass;
          const img = await tagsOf(engine, c.Image);
          const held = c.State.Status === "exited" ? ": a stopped container still holds its name, so a new `docker run --name lc-app` fails until you remove it" : "";
          return fail(`container \`lc-app\` ${stateText(c)} (image ${img})${held}`);
        },
      },
      {
        description: "`lc-app` runs the image `lc-app:2`",
        async run(engine) {
          const c = await named(engine, "lc-app", "run the new version with `--name lc-app`");
          if (isResult(c)) return c;
          const want = await engine.image("lc-app:2");
          if (want && c.Image === want.Id) return pass;
          return fail(
            `container \`lc-app\` still runs ${await tagsOf(engine, c.Image)}: a container keeps the image it was made from, and \`docker run --name lc-app\` fails while the old container holds the name; remove the old one first`,
          );
        },
      },
      {
        description: "`lc-app` publishes container port 80 on host port 8082",
        async run(engine) {
          const c = await named(engine, "lc-app", "run the new version with `--name lc-app`");
          if (isResult(c)) return c;
          const bindings = c.HostConfig.PortBindings ?? {};
          const ports = Object.entries(bindings).flatMap(([p, list]) => (list ?? []).map((b) => `${b.HostPort || "(random)"}->${p}`));
          if ((bindings["80/tcp"] ?? []).some((b) => b.HostPort === "8082")) return pass;
          if (ports.length === 0) return fail("container `lc-app` publishes no port, so nothing on the host reaches it: add `-p 8082:80`");
          return fail(`container \`lc-app\` publishes ${ports.join(", ")}, expected host port 8082 to container port 80 (\`-p 8082:80\`: host first, then container)`);
        },
      },
      {
        description: "`lc-app` serves version 2",
        async run(engine) {
          const c = await engine.container("lc-app");
          if (!c || !c.State.Running) return fail("container `lc-app` is not running");
          const r = await engine.exec("lc-app", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          if (r.exitCode === 0 && r.stdout.includes("version 2")) return pass;
          return fail(`inside \`lc-app\`, the web server answers ${JSON.stringify((r.stdout || r.stderr).trim())}, expected "version 2"`);
        },
      },
    ],
    real: true,
  },
  {
    id: "lifecycle/stop-at-once",
    title: "A container that stops at once",
    goal:
      "`docker stop lc-worker` takes ten seconds: its main process, `sleep 3600`, is PID 1 and ignores SIGTERM. Replace `lc-worker` with a container of the same name " +
      "and command (`sleep 3600` from `busybox`) that SIGTERM does end, then stop it: it must exit with code 143.",
    setup: [{ docker: ["run", "-d", "--name", "lc-worker", "busybox", "sleep", "3600"] }],
    hints: [
      "143 is 128 + 15: the process was ended by SIGTERM. As PID 1, `sleep` never sees SIGTERM, because it installs no handler for it.",
      "With `--init`, Docker runs a small init as PID 1, which starts your command as its child and passes signals on to it.",
      "`docker rm -f lc-worker`, `docker run -d --init --name lc-worker busybox sleep 3600`, then `docker stop lc-worker`.",
    ],
    solution: ["docker rm -f lc-worker", "docker run -d --init --name lc-worker busybox sleep 3600", "docker stop lc-worker"],
    wrong: [
      {
        // the original container: SIGKILL after the grace period
        commands: ["docker stop lc-worker"],
        expect: "128 + 9",
      },
      {
        // SIGTERM by hand: PID 1 ignores it
        commands: ["docker kill --signal TERM lc-worker"],
        expect: "ignores SIGTERM",
      },
      {
        // the right container, not stopped yet
        commands: ["docker rm -f lc-worker", "docker run -d --init --name lc-worker busybox sleep 3600"],
        expect: "now stop it",
      },
    ],
    checks: [
      {
        description: "a container named `lc-worker` runs `sleep 3600` from `busybox`",
        async run(engine) {
          const c = await named(engine, "lc-worker", "create the new one with `--name lc-worker`");
          if (isResult(c)) return c;
          const cmd = commandOf(c);
          if (cmd !== "sleep 3600") return fail(`container \`lc-worker\` runs \`${cmd}\`, expected \`sleep 3600\``);
          const img = await engine.image("busybox");
          if (!img || img.Id !== c.Image) return fail(`container \`lc-worker\` was made from \`${c.Config.Image}\`, expected \`busybox\``);
          return pass;
        },
      },
      {
        description: "`lc-worker` was stopped by SIGTERM (exit code 143)",
        async run(engine) {
          const c = await named(engine, "lc-worker", "create the new one with `--name lc-worker`");
          if (isResult(c)) return c;
          const init = c.HostConfig.Init === true;
          if (c.State.Status === "exited" && c.State.ExitCode === 143) return pass;
          if (c.State.Running) {
            if (init) return fail("container `lc-worker` is running with `--init`: now stop it with `docker stop lc-worker`");
            return fail("container `lc-worker` is still running: `sleep` is its PID 1 and ignores SIGTERM (it installs no handler), so a SIGTERM sent to it does nothing");
          }
          if (c.State.Status === "exited" && c.State.ExitCode === 137) {
            return fail(
              "container `lc-worker` has exited with code 137 = 128 + 9 (SIGKILL): `sleep` as PID 1 ignored the SIGTERM, so `docker stop` waited ten seconds and killed it. Run it with `--init` so that SIGTERM reaches it",
            );
          }
          return fail(`container \`lc-worker\` ${stateText(c)}, expected it to have been stopped by SIGTERM (exit code 143)`);
        },
      },
    ],
    real: true,
  },
  {
    id: "lifecycle/give-up",
    title: "Retry three times, then give up",
    goal:
      `The container \`lc-job\` (created, never started) runs \`${JOB}\`: it always fails. Give it a restart policy that restarts it after a failure ` +
      "at most 3 times, start it, and let it give up.",
    setup: [{ docker: ["create", "--name", "lc-job", "busybox", "sh", "-c", JOB] }],
    hints: [
      "The policy that restarts only after a non-zero exit code is `on-failure`; a number after a colon limits the retries.",
      "`docker update --restart ...` changes the policy of an existing container; `docker run --restart ...` sets it on a new one.",
      "`docker update --restart on-failure:3 lc-job`, `docker start lc-job`, then wait a few seconds (`sleep 10`).",
    ],
    solution: ["docker update --restart on-failure:3 lc-job", "docker start lc-job", "sleep 10"],
    wrong: [
      {
        // always: restarts forever, whatever the exit code
        commands: ["docker update --restart always lc-job", "docker start lc-job", "sleep 10"],
        expect: "restarts it after every exit, forever",
      },
      {
        // on-failure without a limit
        commands: ["docker update --restart on-failure lc-job", "docker start lc-job", "sleep 10"],
        expect: "without a maximum",
      },
      {
        // started without a policy
        commands: ["docker start lc-job", "sleep 10"],
        expect: "restart policy is `no`",
      },
    ],
    checks: [
      {
        description: "`lc-job` restarts on failure, at most 3 times",
        async run(engine) {
          const c = await named(engine, "lc-job", "it was created by the exercise; if you removed it, run it again with the same command and `--name lc-job`");
          if (isResult(c)) return c;
          const p = c.HostConfig.RestartPolicy;
          const name = p.Name || "no";
          if (name === "on-failure" && p.MaximumRetryCount === 3) return pass;
          if (name === "on-failure") {
            return fail(
              p.MaximumRetryCount === 0
                ? "container `lc-job` has the restart policy `on-failure` without a maximum: it retries for as long as it fails. Write `on-failure:3`"
                : `container \`lc-job\` has the restart policy \`on-failure:${p.MaximumRetryCount}\`, expected at most 3 retries (\`on-failure:3\`)`,
            );
          }
          if (name === "always" || name === "unless-stopped") {
            return fail(`container \`lc-job\` has the restart policy \`${name}\`: the engine restarts it after every exit, forever, whatever the exit code. Use \`on-failure:3\``);
          }
          return fail(`container \`lc-job\`'s restart policy is \`${name}\`, so it is never restarted: set \`on-failure:3\` (\`docker update --restart on-failure:3 lc-job\`)`);
        },
      },
      {
        description: "`lc-job` ran, was restarted 3 times and gave up",
        async run(engine) {
          const c = await named(engine, "lc-job", "it was created by the exercise");
          if (isResult(c)) return c;
          if (c.State.Status === "exited" && c.RestartCount === 3) return pass;
          if (c.State.Status === "created") return fail("container `lc-job` was created but never started: start it with `docker start lc-job`");
          if (c.State.Status === "exited") return fail(`container \`lc-job\` ${stateText(c)} after ${c.RestartCount} restarts, expected 3 (was the policy set after it had already run?)`);
          return fail(`container \`lc-job\` ${stateText(c)} after ${c.RestartCount} restarts: wait a few seconds for the retries to finish`);
        },
      },
    ],
    real: true,
  },
]);
