/** Lesson 1 exercises: a container that ran and stopped, and one that keeps running. */
import type { CheckEngine, ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, failedWith, type CheckResult, type Said } from "../../../simulator/check/exercise";
import { commandOf, containerList, isResult, pass, stateSaid } from "../../lib/checks";

/** Why there is no container `name`, in terms of the containers that do exist. */
async function missing(engine: CheckEngine, name: string, deletedHint: Said): Promise<Said> {
  const others = await containerList(engine);
  const othersJa = await containerList(engine, "ja");
  if (others.length === 0)
    return {
      en: `expected a container named \`${name}\`, but there are no containers at all: ${deletedHint.en}`,
      ja: `\`${name}\` という名前のコンテナがあるはずですが、コンテナが 1 つもありません。${deletedHint.ja}`,
    };
  return {
    en: `expected a container named \`${name}\`, but the containers are ${others.join(", ")}: give it the name with \`--name ${name}\``,
    ja: `\`${name}\` という名前のコンテナがあるはずですが、あるのは ${othersJa.join("、")}です。\`--name ${name}\` で名前を付けてください。`,
  };
}

/** A container by name, or the failure that explains its absence. */
async function named(engine: CheckEngine, name: string, deletedHint: Said): Promise<ContainerInspect | CheckResult> {
  return (await engine.container(name)) ?? failedWith(await missing(engine, name, deletedHint));
}

const RM_HINT: Said = {
  en: "a container started with `--rm` is deleted as soon as it exits",
  ja: "`--rm` を付けて起動したコンテナは、終了した時点で削除されます。",
};
const REMOVED_HINT: Said = {
  en: "was it started with `--rm`, or removed?",
  ja: "`--rm` を付けて起動したか、削除しませんでしたか？",
};

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
    translations: {
      ja: {
        title: "コンテナを残す",
        goal: "`busybox` イメージで `echo hello` を実行し、正常に終了した `hello` という名前の停止済みコンテナを残してください。",
        hints: [
          "`docker run` はコンテナを作成して起動します。`--rm` を付けなければ、コマンドが終わった後もコンテナは残ります。",
          "コンテナの名前は `--name hello` で付けます。実行するコマンドはイメージ名の後ろに書きます。",
          "`docker run --name hello busybox echo hello`",
        ],
        checks: ["`hello` という名前のコンテナがある", "`hello` が `busybox` の `echo hello` を実行する", "`hello` が終了コード 0 で停止している"],
      },
    },
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
          if (cmd !== "echo hello")
            return failed(
              `container \`hello\` runs \`${cmd}\`, expected \`echo hello\`: the command goes after the image name`,
              `コンテナ \`hello\` が実行するのは \`${cmd}\` です。\`echo hello\` を実行させてください。コマンドはイメージ名の後ろに書きます。`,
            );
          const img = await engine.image("busybox");
          if (!img || img.Id !== c.Image)
            return failed(
              `container \`hello\` was made from \`${c.Config.Image}\`, expected the \`busybox\` image`,
              `コンテナ \`hello\` は \`${c.Config.Image}\` から作られています。\`busybox\` イメージから作ってください。`,
            );
          return pass;
        },
      },
      {
        description: "`hello` has stopped with exit code 0",
        async run(engine) {
          const c = await named(engine, "hello", RM_HINT);
          if (isResult(c)) return c;
          if (c.State.Status === "exited" && c.State.ExitCode === 0) return pass;
          const state = stateSaid(c);
          return failed(
            `container \`hello\` ${state.en}, expected it to have run and exited with code 0`,
            `コンテナ \`hello\` ${state.ja}。実行されて終了コード 0 で終わっている必要があります。`,
          );
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
    translations: {
      ja: {
        title: "動き続けるコンテナ",
        goal: "`busybox` から `sleeper` という名前のコンテナを起動し、プロンプトが戻ってきた後も実行中のままにしてください。メインプロセスは `sleep 3600` です。",
        hints: [
          "コンテナが動いているのは、メインプロセスが動いている間だけです。`sleep 3600` は 1 時間続きます。",
          "`docker run` は、`-d` でデタッチしない限り、コンテナが終わるまで待ちます。",
          "`docker run -d --name sleeper busybox sleep 3600`",
        ],
        checks: ["`sleeper` という名前のコンテナがある", "`sleeper` が実行中である", "`sleeper` が `sleep 3600` を実行する"],
      },
    },
    checks: [
      {
        description: "a container named `sleeper` exists",
        async run(engine) {
          const c = await named(engine, "sleeper", REMOVED_HINT);
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`sleeper` is running",
        async run(engine) {
          const c = await named(engine, "sleeper", REMOVED_HINT);
          if (isResult(c)) return c;
          if (c.State.Running && !c.State.Paused) return pass;
          const exited = c.State.Status === "exited";
          const state = stateSaid(c);
          return failed(
            `container \`sleeper\` ${state.en}${exited ? ` (its main process \`${commandOf(c)}\` ended, and the container with it)` : ""}, expected it to be running`,
            `コンテナ \`sleeper\` ${state.ja}${exited ? `（メインプロセス \`${commandOf(c)}\` が終わり、コンテナも一緒に終了しました）` : ""}。実行中である必要があります。`,
          );
        },
      },
      {
        description: "`sleeper` runs `sleep 3600`",
        async run(engine) {
          const c = await named(engine, "sleeper", REMOVED_HINT);
          if (isResult(c)) return c;
          const cmd = commandOf(c);
          if (cmd === "sleep 3600") return pass;
          return failed(`container \`sleeper\` runs \`${cmd}\`, expected \`sleep 3600\``, `コンテナ \`sleeper\` が実行するのは \`${cmd}\` です。\`sleep 3600\` を実行させてください。`);
        },
      },
    ],
    real: true,
  },
]);
