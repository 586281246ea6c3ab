/** Lesson 2 exercises: a hostname of one's own (uts), and a process table shared on purpose (pid). */
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";
import { commandOf, container, isResult, pass, running } from "../../lib/checks";

const WEB_HINT: Said = { en: "Create it with `docker run -d --name ns-web ...`.", ja: "`docker run -d --name ns-web ...` で作成してください。" };
const DEBUG_HINT: Said = {
  en: "Start it with `docker run -d --name ns-debug ... busybox sleep 3600`.",
  ja: "`docker run -d --name ns-debug ... busybox sleep 3600` で起動してください。",
};
const RESET_HINT: Said = { en: "The exercise's reset starts it again.", ja: "演習をリセットすると、もう一度起動されます。" };

/** The commands `ps -o args` lists in a container, without the ps itself. */
async function processes(engine: Parameters<typeof running>[0], name: string): Promise<string[]> {
  const r = await engine.exec(name, ["ps", "-o", "args"]);
  return r.stdout
    .split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l && l !== "ps -o args");
}

/** `processes`, or the engine's error (said as the engine says it) when `ps` cannot run in the container. */
async function processesOr(engine: Parameters<typeof running>[0], name: string): Promise<string[] | CheckResult> {
  try {
    return await processes(engine, name);
  } catch (e) {
    const said = e instanceof Error ? e.message : String(e);
    return failed(said, `\`${name}\` の中で \`ps\` を実行できませんでした。エンジンの応答: ${said}`);
  }
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
    translations: {
      ja: {
        title: "自分専用のホスト名",
        goal: "`busybox` から `ns-web` という名前のコンテナを起動し、`sleep 3600` で動かし続けてください。コンテナの中のホスト名は `web01` にします。",
        hints: [
          "ホスト名はコンテナの UTS 名前空間にあります。Docker はコンテナを作成するときにこれを設定し、デフォルトではコンテナ ID の短縮形になります。",
          "コンテナの名前（`--name`）は Docker がコンテナを呼ぶための名前です。中のホスト名はそれとは別の設定で、`docker run --help` に `-h, --hostname` があります。",
          "`docker run -d --name ns-web --hostname web01 busybox sleep 3600`",
        ],
        checks: ["`ns-web` という名前のコンテナが実行中である", "`ns-web` の中で `hostname` が `web01` を表示する"],
      },
    },
    checks: [
      {
        description: "a container named `ns-web` is running",
        async run(engine) {
          const c = await running(engine, "ns-web", WEB_HINT);
          if (!isResult(c)) return pass;
          const mixedUp = await engine.container("web01");
          if (mixedUp && mixedUp.Name === "/web01" && mixedUp.Config.Hostname !== "web01") {
            return failed(
              `there is no container named \`ns-web\`, but there is one named \`web01\` whose hostname is \`${mixedUp.Config.Hostname}\`: ` +
                "`--name` is the name Docker knows a container by; the hostname inside is set with `--hostname`",
              `\`ns-web\` という名前のコンテナはありませんが、\`web01\` という名前のコンテナがあり、そのホスト名は \`${mixedUp.Config.Hostname}\` です。` +
                "`--name` は Docker がコンテナを呼ぶための名前で、中のホスト名は `--hostname` で設定します。",
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
          const isId = name === c.Id.slice(0, 12);
          const id = isId ? ", its short container ID, which Docker uses when no hostname is given" : "";
          return failed(
            `inside \`ns-web\` the hostname is \`${name}\`${id}. The hostname is set when the container is created ` +
              "(`--hostname`); a process in the container may not change it (sethostname needs a capability Docker does not grant)",
            `\`ns-web\` の中のホスト名は \`${name}\` です${isId ? "（コンテナ ID の短縮形です。ホスト名を指定しないと Docker はこれを使います）" : ""}。` +
              "ホスト名はコンテナを作成するときに設定します（`--hostname`）。コンテナ内のプロセスは変更できません（sethostname には、Docker が与えていないケーパビリティが必要です）。",
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
    translations: {
      ja: {
        title: "ほかのコンテナのプロセスを見る",
        goal: "`ns-app` では Web サーバーが動いています。`busybox` からデバッグ用のコンテナ `ns-debug` を起動して `sleep 3600` で動かし続け、`ns-app` の PID 名前空間を共有させてください。`ns-debug` の中の `ps` にサーバー `httpd -f -p 8080` が表示されれば成功です。",
        hints: [
          "コンテナはそれぞれ自分専用の PID 名前空間を持ちます。`docker exec ns-app ps` と新しいコンテナの `ps` では、表示されるプロセスが違います。",
          "PID 名前空間は `docker run --pid` で選びます。ホストのものなら `host`、ほかのコンテナのものなら `container:<name>` です。",
          "`docker run -d --name ns-debug --pid container:ns-app busybox sleep 3600`",
        ],
        checks: [
          "`ns-app` がまだ実行中である",
          "`ns-debug` という名前のコンテナが実行中である",
          "`ns-debug` が `ns-app` の PID 名前空間に入っている",
          "`ns-debug` の中の `ps` に `httpd -f -p 8080` が表示される",
        ],
      },
    },
    checks: [
      {
        description: "`ns-app` is still running",
        async run(engine) {
          const c = await running(engine, "ns-app", RESET_HINT);
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
            return failed(
              "`ns-debug` is in the host's PID namespace (`--pid host`): it sees every process on the machine, " +
                "not only `ns-app`'s. Join `ns-app`'s namespace with `--pid container:ns-app`",
              "`ns-debug` はホストの PID 名前空間に入っています（`--pid host`）。これでは `ns-app` のプロセスだけでなく、マシン上のすべてのプロセスが見えます。" +
                "`--pid container:ns-app` で `ns-app` の名前空間に参加してください。",
            );
          }
          if (mode.startsWith("container:"))
            return failed(
              `\`ns-debug\` shares the PID namespace of another container (\`${mode}\`), not \`ns-app\`'s`,
              `\`ns-debug\` が共有しているのは \`ns-app\` ではなく、別のコンテナの PID 名前空間です（\`${mode}\`）。`,
            );
          const listed = await processesOr(engine, "ns-debug");
          if (isResult(listed)) return listed;
          const seen = listed.join(", ") || commandOf(dbg);
          const net = String(dbg.HostConfig.NetworkMode ?? "");
          const sharesNet = net === `container:${app.Id}` || net === "container:ns-app";
          return failed(
            `\`ps\` in \`ns-debug\` lists only \`${seen}\`: \`ns-debug\` has a PID namespace of its own.${sharesNet ? " It shares `ns-app`'s network namespace, not its PID namespace: each namespace is chosen on its own." : ""}`,
            `\`ns-debug\` の中の \`ps\` に表示されるのは \`${seen}\` だけです。\`ns-debug\` は自分専用の PID 名前空間を持っています。${sharesNet ? "共有しているのは `ns-app` のネットワーク名前空間で、PID 名前空間ではありません。名前空間は種類ごとに個別に選ばれます。" : ""}`,
          );
        },
      },
      {
        description: "`ps` in `ns-debug` lists `httpd -f -p 8080`",
        async run(engine) {
          const seen = await processesOr(engine, "ns-debug");
          if (isResult(seen)) return seen;
          if (seen.includes("httpd -f -p 8080")) return pass;
          return failed(
            `\`ps\` in \`ns-debug\` lists \`${seen.join(", ")}\`, without \`ns-app\`'s \`httpd -f -p 8080\``,
            `\`ns-debug\` の中の \`ps\` に表示されるのは \`${seen.join(", ")}\` で、\`ns-app\` の \`httpd -f -p 8080\` がありません。`,
          );
        },
      },
    ],
    real: true,
  },
]);
