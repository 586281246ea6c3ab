/** Lesson 2 exercises: a hostname of one's own (uts), and a process table shared on purpose (pid). */
import { defineExercises } from "../../../simulator/check/exercise";
import { commandOf, container, fail, isResult, pass, running } from "../../lib/checks";

const WEB_HINT = "Create it with `docker run -d --name ns-web ...`.";
const DEBUG_HINT = "Start it with `docker run -d --name ns-debug ... busybox sleep 3600`.";

/** The commands `ps -o args` lists in a container, without the ps itself. */
async function processes(engine: Parameters<typeof running>[0], name: string): Promise<string[]> {
  const r = await engine.exec(name, ["ps", "-o", "args"]);
  return r.stdout
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && l !== "ps -o args");
}

export default defineExercises([
  {
    id: "namespaces/hostname",
    title: "A hostname of its own",
    goal: "Start a container named `ns-web` from `busybox`, kept running with `sleep 3600`, whose hostname inside is `web01`.",
    setup: [],
    hints: [
      "The hostname lives in the container's UTS namespace. Docker sets it when it creates the container; by default it is the short container ID.",
      "The container's name (`--name`) is how Docker knows it. The hostname inside is a separate setting: `docker run --help` lists `-h, --hostname`.",
      "`docker run -d --name ns-web --hostname web01 busybox sleep 3600`",
    ],
    solution: ["docker run -d --name ns-web --hostname web01 busybox sleep 3600"],
    wrong: [
      { commands: ["docker run -d --name web01 busybox sleep 3600"], expect: "`--name` is the name Docker knows a container by" },
      { commands: ["docker run -d --name ns-web busybox sleep 3600", "docker exec ns-web hostname web01"], expect: "its short container ID" },
    ],
    checks: [
      {
        description: "a container named `ns-web` is running",
        async run(engine) {
          const c = await running(engine, "ns-web", WEB_HINT);
          if (!isResult(c)) return pass;
          const mixedUp = await engine.container("web01");
          if (mixedUp && mixedUp.Name === "/web01" && mixedUp.Config.Hostname !== "web01") {
            return fail(
              `there is no container named \`ns-web\`, but there is one named \`web01\` whose hostname is \`${mixedUp.Config.Hostname}\`: ` +
                "`--name` is the name Docker knows a container by; the hostname inside is set with `--hostname`",
            );
          }
          return c;
        },
      },
      {
        description: "inside `ns-web`, `hostname` prints `web01`",
        async run(engine) {
          const c = await running(engine, "ns-web", WEB_HINT);
          if (isResult(c)) return c;
          const r = await engine.exec("ns-web", ["hostname"]);
          const name = r.stdout.trim();
          if (name === "web01") return pass;
          const id = name === c.Id.slice(0, 12) ? ", its short container ID, which Docker uses when no hostname is given" : "";
          return fail(
            `inside \`ns-web\` the hostname is \`${name}\`${id}. The hostname is set when the container is created ` +
              "(`--hostname`); a process in the container may not change it (sethostname needs a capability Docker does not grant)",
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "namespaces/shared-pid",
    title: "See another container's processes",
    goal: "`ns-app` runs a web server. Start a debugging container `ns-debug` from `busybox`, kept running with `sleep 3600`, that shares `ns-app`'s PID namespace, so that `ps` in `ns-debug` lists the server `httpd -f -p 8080`.",
    setup: [{ docker: ["run", "-d", "--name", "ns-app", "busybox", "httpd", "-f", "-p", "8080"] }],
    hints: [
      "Every container gets a PID namespace of its own: `docker exec ns-app ps` and a new container's `ps` list different processes.",
      "`docker run --pid` chooses the PID namespace: `host` for the host's, `container:<name>` for another container's.",
      "`docker run -d --name ns-debug --pid container:ns-app busybox sleep 3600`",
    ],
    solution: ["docker run -d --name ns-debug --pid container:ns-app busybox sleep 3600", "docker exec ns-debug ps"],
    wrong: [
      { commands: ["docker run -d --name ns-debug busybox sleep 3600"], expect: "a PID namespace of its own" },
      { commands: ["docker run -d --name ns-debug --network container:ns-app busybox sleep 3600"], expect: "shares `ns-app`'s network namespace, not its PID namespace" },
      { commands: ["docker run -d --name ns-debug --pid host busybox sleep 3600"], expect: "the host's PID namespace" },
    ],
    checks: [
      {
        description: "`ns-app` is still running",
        async run(engine) {
          const c = await running(engine, "ns-app", "The exercise's reset starts it again.");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "a container named `ns-debug` is running",
        async run(engine) {
          const c = await running(engine, "ns-debug", DEBUG_HINT);
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`ns-debug` is in `ns-app`'s PID namespace",
        async run(engine) {
          const app = await container(engine, "ns-app", "");
          const dbg = await container(engine, "ns-debug", DEBUG_HINT);
          if (isResult(app)) return app;
          if (isResult(dbg)) return dbg;
          const mode = String(dbg.HostConfig.PidMode ?? "");
          if (mode === `container:${app.Id}` || mode === "container:ns-app") return pass;
          if (mode === "host") {
            return fail(
              "`ns-debug` is in the host's PID namespace (`--pid host`): it sees every process on the machine, " +
                "not only `ns-app`'s. Join `ns-app`'s namespace with `--pid container:ns-app`",
            );
          }
          if (mode.startsWith("container:")) return fail(`\`ns-debug\` shares the PID namespace of another container (\`${mode}\`), not \`ns-app\`'s`);
          const seen = (await processes(engine, "ns-debug")).join(", ") || commandOf(dbg);
          const net = String(dbg.HostConfig.NetworkMode ?? "");
          const netNote =
            net === `container:${app.Id}` || net === "container:ns-app"
              ? " It shares `ns-app`'s network namespace, not its PID namespace: each namespace is chosen on its own."
              : "";
          return fail(`\`ps\` in \`ns-debug\` lists only \`${seen}\`: \`ns-debug\` has a PID namespace of its own.${netNote}`);
        },
      },
      {
        description: "`ps` in `ns-debug` lists `httpd -f -p 8080`",
        async run(engine) {
          const seen = await processes(engine, "ns-debug");
          if (seen.includes("httpd -f -p 8080")) return pass;
          return fail(`\`ps\` in \`ns-debug\` lists \`${seen.join(", ")}\`, without \`ns-app\`'s \`httpd -f -p 8080\``);
        },
      },
    ],
    real: true,
  },
]);
