/** Lesson 8 exercises: replace a container on its port, stop PID 1 at once, a restart policy that gives up. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };

/** The command a container runs, as one line (entrypoint then command). */
function commandOf(c: ContainerInspect): string {
  return [...(c.Config.Entrypoint ?? []), ...(c.Config.Cmd ?? [])].join(" ");
}

/** The container's state as a phrase ("has exited with code 1"). */
function stateText(c: ContainerInspect): Said {
  const s = c.State;
  if (s.Status === "created") return { en: "was created but never started", ja: "は作成されただけで、一度も起動されていません" };
  if (s.Status === "exited") return { en: `has exited with code ${s.ExitCode}`, ja: `は終了コード ${s.ExitCode} で終了しています` };
  return { en: `is ${s.Status}`, ja: `の状態は ${s.Status} です` };
}

/** A container by name, or the failure that says it is missing. */
async function named(engine: CheckEngine, name: string, hint: Said): Promise<ContainerInspect | CheckResult> {
  return (await engine.container(name)) ?? failed(`there is no container named \`${name}\`: ${hint.en}`, `\`${name}\` という名前のコンテナがありません。${hint.ja}`);
}

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

/** The image tags that name an image ID, for messages ("`lc-app:1`"). */
async function tagsOf(engine: CheckEngine, id: string): Promise<Said> {
  const img = (await engine.images()).find((i) => i.Id === id);
  const tags = (img?.RepoTags ?? []).filter((t) => t !== "<none>:<none>").map((t) => `\`${t}\``);
  if (tags.length === 0) {
    const short = `\`${id.replace(/^sha256:/, "").slice(0, 12)}\``;
    return { en: short, ja: short };
  }
  return { en: tags.join(", "), ja: tags.join("、") };
}

const NEW_APP: Said = { en: "run the new version with `--name lc-app`", ja: "新しいバージョンを `--name lc-app` で起動してください。" };
const NEW_WORKER: Said = { en: "create the new one with `--name lc-worker`", ja: "新しいコンテナを `--name lc-worker` で作成してください。" };

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
    translations: {
      ja: {
        title: "バージョン 2 を同じポートでリリースする",
        goal:
          "コンテナ `lc-app` は、イメージ `lc-app:1` をホストのポート 8082 で配信しています。これを、同じ名前で `lc-app:2` を実行し、" +
          "同じホストのポート 8082（コンテナのポート 80）で公開するコンテナに置き換えてください。",
        hints: [
          "コンテナのイメージは変えられないので、新しいコンテナが必要です。古いコンテナが、`lc-app` という名前とホストのポート 8082 の両方を押さえています。",
          "停止したコンテナも名前を押さえたままです。新しいコンテナを起動する前に、古いコンテナを削除してください（`docker rm -f`、または `docker stop` の後で `docker rm`）。",
          "`docker rm -f lc-app` の後、`docker run -d --name lc-app -p 8082:80 lc-app:2` を実行します。",
        ],
        checks: [
          "`lc-app` という名前のコンテナが実行中である",
          "`lc-app` がイメージ `lc-app:2` を実行している",
          "`lc-app` がコンテナのポート 80 をホストのポート 8082 で公開している",
          "`lc-app` がバージョン 2 を配信している",
        ],
      },
    },
    checks: [
      {
        description: "a container named `lc-app` is running",
        async run(engine) {
          const c = await named(engine, "lc-app", NEW_APP);
          if (isResult(c)) return c;
          if (c.State.Running) return pass;
          const img = await tagsOf(engine, c.Image);
          const exited = c.State.Status === "exited";
          const held = exited ? ": a stopped container still holds its name, so a new `docker run --name lc-app` fails until you remove it" : "";
          const state = stateText(c);
          return failed(
            `container \`lc-app\` ${state.en} (image ${img.en})${held}`,
            `コンテナ \`lc-app\` ${state.ja}（イメージ ${img.ja}）。${exited ? "停止したコンテナも名前を押さえたままなので、削除するまで新しい `docker run --name lc-app` は失敗します。" : ""}`,
          );
        },
      },
      {
        description: "`lc-app` runs the image `lc-app:2`",
        async run(engine) {
          const c = await named(engine, "lc-app", NEW_APP);
          if (isResult(c)) return c;
          const want = await engine.image("lc-app:2");
          if (want && c.Image === want.Id) return pass;
          const tags = await tagsOf(engine, c.Image);
          return failed(
            `container \`lc-app\` still runs ${tags.en}: a container keeps the image it was made from, and \`docker run --name lc-app\` fails while the old container holds the name; remove the old one first`,
            `コンテナ \`lc-app\` が実行しているのは、今も ${tags.ja} です。コンテナは作られたときのイメージを使い続け、古いコンテナが名前を押さえている間は \`docker run --name lc-app\` が失敗します。先に古いコンテナを削除してください。`,
          );
        },
      },
      {
        description: "`lc-app` publishes container port 80 on host port 8082",
        async run(engine) {
          const c = await named(engine, "lc-app", NEW_APP);
          if (isResult(c)) return c;
          const bindings = c.HostConfig.PortBindings ?? {};
          const ports = Object.entries(bindings).flatMap(([p, list]) => (list ?? []).map((b) => `${b.HostPort || "(random)"}->${p}`));
          if ((bindings["80/tcp"] ?? []).some((b) => b.HostPort === "8082")) return pass;
          if (ports.length === 0)
            return failed(
              "container `lc-app` publishes no port, so nothing on the host reaches it: add `-p 8082:80`",
              "コンテナ `lc-app` はポートを 1 つも公開していないので、ホストからは届きません。`-p 8082:80` を付けてください。",
            );
          return failed(
            `container \`lc-app\` publishes ${ports.join(", ")}, expected host port 8082 to container port 80 (\`-p 8082:80\`: host first, then container)`,
            `コンテナ \`lc-app\` が公開しているのは ${ports.join("、")} です。ホストのポート 8082 をコンテナのポート 80 につないでください（\`-p 8082:80\`: ホストが先、コンテナが後）。`,
          );
        },
      },
      {
        description: "`lc-app` serves version 2",
        async run(engine) {
          const c = await engine.container("lc-app");
          if (!c || !c.State.Running) return failed("container `lc-app` is not running", "コンテナ `lc-app` は実行中ではありません。");
          const r = await engine.exec("lc-app", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          if (r.exitCode === 0 && r.stdout.includes("version 2")) return pass;
          const answer = JSON.stringify((r.stdout || r.stderr).trim());
          return failed(
            `inside \`lc-app\`, the web server answers ${answer}, expected "version 2"`,
            `\`lc-app\` の中の Web サーバーは ${answer} と応答しています。"version 2" が返る必要があります。`,
          );
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
    translations: {
      ja: {
        title: "すぐに止まるコンテナ",
        goal:
          "`docker stop lc-worker` には 10 秒かかります。メインプロセスの `sleep 3600` が PID 1 で、SIGTERM を無視するからです。`lc-worker` を、同じ名前とコマンド（`busybox` の `sleep 3600`）を持ち、" +
          "SIGTERM で終了するコンテナに置き換えてから、停止してください。終了コード 143 で終わる必要があります。",
        hints: [
          "143 は 128 + 15、つまりプロセスが SIGTERM で終了したという意味です。PID 1 の `sleep` は SIGTERM のハンドラーを設定しないので、SIGTERM を受け取ることがありません。",
          "`--init` を付けると、Docker は小さな init を PID 1 として動かします。init はコマンドを子プロセスとして起動し、シグナルを転送します。",
          "`docker rm -f lc-worker`、`docker run -d --init --name lc-worker busybox sleep 3600` の後、`docker stop lc-worker` を実行します。",
        ],
        checks: ["`lc-worker` という名前のコンテナが `busybox` の `sleep 3600` を実行する", "`lc-worker` が SIGTERM で停止した（終了コード 143）"],
      },
    },
    checks: [
      {
        description: "a container named `lc-worker` runs `sleep 3600` from `busybox`",
        async run(engine) {
          const c = await named(engine, "lc-worker", NEW_WORKER);
          if (isResult(c)) return c;
          const cmd = commandOf(c);
          if (cmd !== "sleep 3600")
            return failed(
              `container \`lc-worker\` runs \`${cmd}\`, expected \`sleep 3600\``,
              `コンテナ \`lc-worker\` が実行するのは \`${cmd}\` です。\`sleep 3600\` を実行させてください。`,
            );
          const img = await engine.image("busybox");
          if (!img || img.Id !== c.Image)
            return failed(
              `container \`lc-worker\` was made from \`${c.Config.Image}\`, expected \`busybox\``,
              `コンテナ \`lc-worker\` は \`${c.Config.Image}\` から作られています。\`busybox\` から作ってください。`,
            );
          return pass;
        },
      },
      {
        description: "`lc-worker` was stopped by SIGTERM (exit code 143)",
        async run(engine) {
          const c = await named(engine, "lc-worker", NEW_WORKER);
          if (isResult(c)) return c;
          const init = c.HostConfig.Init === true;
          if (c.State.Status === "exited" && c.State.ExitCode === 143) return pass;
          if (c.State.Running) {
            if (init)
              return failed(
                "container `lc-worker` is running with `--init`: now stop it with `docker stop lc-worker`",
                "コンテナ `lc-worker` は `--init` 付きで実行中です。あとは `docker stop lc-worker` で停止してください。",
              );
            return failed(
              "container `lc-worker` is still running: `sleep` is its PID 1 and ignores SIGTERM (it installs no handler), so a SIGTERM sent to it does nothing",
              "コンテナ `lc-worker` はまだ実行中です。`sleep` が PID 1 で、SIGTERM を無視する（ハンドラーを設定していない）ので、SIGTERM を送っても何も起きません。",
            );
          }
          if (c.State.Status === "exited" && c.State.ExitCode === 137) {
            return failed(
              "container `lc-worker` has exited with code 137 = 128 + 9 (SIGKILL): `sleep` as PID 1 ignored the SIGTERM, so `docker stop` waited ten seconds and killed it. Run it with `--init` so that SIGTERM reaches it",
              "コンテナ `lc-worker` は終了コード 137 = 128 + 9（SIGKILL）で終了しています。PID 1 の `sleep` が SIGTERM を無視したので、`docker stop` は 10 秒待ってから強制終了しました。SIGTERM が届くように、`--init` を付けて起動してください。",
            );
          }
          const state = stateText(c);
          return failed(
            `container \`lc-worker\` ${state.en}, expected it to have been stopped by SIGTERM (exit code 143)`,
            `コンテナ \`lc-worker\` ${state.ja}。SIGTERM で停止している（終了コード 143）必要があります。`,
          );
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
    translations: {
      ja: {
        title: "3 回試したらあきらめる",
        goal:
          `コンテナ \`lc-job\`（作成済みで、一度も起動されていません）は \`${JOB}\` を実行し、必ず失敗します。失敗した後に最大 3 回まで再起動する再起動ポリシーを設定してから起動し、` +
          "コンテナがあきらめるまで待ってください。",
        hints: [
          "0 以外の終了コードの後だけ再起動するポリシーは `on-failure` です。コロンの後に数を書くと、再試行の回数を制限できます。",
          "`docker update --restart ...` は既存のコンテナのポリシーを変更し、`docker run --restart ...` は新しいコンテナにポリシーを設定します。",
          "`docker update --restart on-failure:3 lc-job`、`docker start lc-job` の後、数秒待ちます（`sleep 10`）。",
        ],
        checks: ["`lc-job` が失敗時に最大 3 回まで再起動する", "`lc-job` が実行され、3 回再起動された後にあきらめた"],
      },
    },
    checks: [
      {
        description: "`lc-job` restarts on failure, at most 3 times",
        async run(engine) {
          const c = await named(engine, "lc-job", {
            en: "it was created by the exercise; if you removed it, run it again with the same command and `--name lc-job`",
            ja: "このコンテナは演習が作成したものです。削除した場合は、同じコマンドと `--name lc-job` でもう一度実行してください。",
          });
          if (isResult(c)) return c;
          const p = c.HostConfig.RestartPolicy;
          const name = p.Name || "no";
          if (name === "on-failure" && p.MaximumRetryCount === 3) return pass;
          if (name === "on-failure") {
            return p.MaximumRetryCount === 0
              ? failed(
                  "container `lc-job` has the restart policy `on-failure` without a maximum: it retries for as long as it fails. Write `on-failure:3`",
                  "コンテナ `lc-job` の再起動ポリシーは上限のない `on-failure` です。失敗し続ける限り再試行します。`on-failure:3` と書いてください。",
                )
              : failed(
                  `container \`lc-job\` has the restart policy \`on-failure:${p.MaximumRetryCount}\`, expected at most 3 retries (\`on-failure:3\`)`,
                  `コンテナ \`lc-job\` の再起動ポリシーは \`on-failure:${p.MaximumRetryCount}\` です。再試行は最大 3 回にしてください（\`on-failure:3\`）。`,
                );
          }
          if (name === "always" || name === "unless-stopped") {
            return failed(
              `container \`lc-job\` has the restart policy \`${name}\`: the engine restarts it after every exit, forever, whatever the exit code. Use \`on-failure:3\``,
              `コンテナ \`lc-job\` の再起動ポリシーは \`${name}\` です。エンジンは終了コードにかかわらず、終了するたびにいつまでも再起動します。\`on-failure:3\` を使ってください。`,
            );
          }
          return failed(
            `container \`lc-job\`'s restart policy is \`${name}\`, so it is never restarted: set \`on-failure:3\` (\`docker update --restart on-failure:3 lc-job\`)`,
            `コンテナ \`lc-job\` の再起動ポリシーは \`${name}\` なので、再起動されることはありません。\`on-failure:3\` を設定してください（\`docker update --restart on-failure:3 lc-job\`）。`,
          );
        },
      },
      {
        description: "`lc-job` ran, was restarted 3 times and gave up",
        async run(engine) {
          const c = await named(engine, "lc-job", { en: "it was created by the exercise", ja: "このコンテナは演習が作成したものです。" });
          if (isResult(c)) return c;
          if (c.State.Status === "exited" && c.RestartCount === 3) return pass;
          if (c.State.Status === "created")
            return failed(
              "container `lc-job` was created but never started: start it with `docker start lc-job`",
              "コンテナ `lc-job` は作成されただけで、一度も起動されていません。`docker start lc-job` で起動してください。",
            );
          const state = stateText(c);
          if (c.State.Status === "exited")
            return failed(
              `container \`lc-job\` ${state.en} after ${c.RestartCount} restarts, expected 3 (was the policy set after it had already run?)`,
              `コンテナ \`lc-job\` ${state.ja}（再起動は ${c.RestartCount} 回）。再起動は 3 回のはずです。ポリシーを設定する前に、一度実行してしまいませんでしたか？`,
            );
          return failed(
            `container \`lc-job\` ${state.en} after ${c.RestartCount} restarts: wait a few seconds for the retries to finish`,
            `コンテナ \`lc-job\` ${state.ja}（再起動は ${c.RestartCount} 回）。再試行が終わるまで数秒待ってください。`,
          );
        },
      },
    ],
    real: true,
  },
]);
