/** Lesson 4 exercises: a full image name (registry/repository:tag), and layers told from history rows. */
import type { CheckEngine } from "../../../simulator/check/engine";
import { defineExercises, failed } from "../../../simulator/check/exercise";
import { image, isResult, pass, tagsOf } from "../../lib/checks";

const TARGET = "registry.example.com/lab/tools:1.0";

const APP_DOCKERFILE = `FROM busybox
ENV APP_HOME=/app
RUN mkdir -p /app && echo 'echo hello from il-app' > /app/run.sh
LABEL org.opencontainers.image.title=il-app
EXPOSE 8080
RUN echo 1.0 > /app/VERSION
CMD ["sh", "/app/run.sh"]
`;

/** The il-app:layers-N tags on il-app:1's image, as numbers. */
async function layerGuesses(engine: CheckEngine, id: string): Promise<number[]> {
  return (await tagsOf(engine, id)).flatMap((t) => {
    const m = /^il-app:layers-(\d+)$/.exec(t);
    return m ? [Number(m[1])] : [];
  });
}

export default defineExercises([
  {
    id: "image-layers/full-name",
    title: "Registry, repository, tag",
    goal: `Give the image \`busybox:latest\` a second name, \`${TARGET}\`: repository \`lab/tools\` on the registry \`registry.example.com\`, tag \`1.0\`. Nothing is pushed; the name only exists on your engine.`,
    setup: [],
    hints: [
      "A new name for an existing image is a tag: `docker tag SOURCE TARGET`. It copies nothing.",
      "In a full name, the registry's host comes first, then the repository path, then `:` and the tag. Without a tag Docker uses `latest`; without a host, Docker Hub (`docker.io`).",
      `\`docker tag busybox:latest ${TARGET}\``,
    ],
    solution: [`docker tag busybox:latest ${TARGET}`, "docker images registry.example.com/lab/tools"],
    wrong: [
      { commands: ["docker tag busybox registry.example.com/lab/tools"], expect: "without a tag, Docker uses `latest`" },
      { commands: ["docker tag busybox lab/tools:1.0"], expect: "a name without a registry host means Docker Hub" },
    ],
    translations: {
      ja: {
        title: "レジストリ、リポジトリ、タグ",
        goal: `イメージ \`busybox:latest\` に 2 つ目の名前 \`${TARGET}\` を付けてください。レジストリ \`registry.example.com\` のリポジトリ \`lab/tools\`、タグ \`1.0\` です。push はしません。この名前は手元のエンジンにだけ存在します。`,
        hints: [
          "既存のイメージに付ける新しい名前はタグです。`docker tag SOURCE TARGET` で付けます。何もコピーされません。",
          "完全な名前では、レジストリのホストが先頭に来て、その後にリポジトリのパス、`:` とタグが続きます。タグを省略すると Docker は `latest` を使い、ホストを省略すると Docker Hub（`docker.io`）を使います。",
          `\`docker tag busybox:latest ${TARGET}\``,
        ],
        checks: [`\`${TARGET}\` が \`busybox:latest\` と同じイメージを指している`],
      },
    },
    checks: [
      {
        description: `\`${TARGET}\` names the same image as \`busybox:latest\``,
        async run(engine) {
          const bb = await image(engine, "busybox:latest", { en: "The exercise's reset brings it back.", ja: "演習をリセットすると元に戻ります。" });
          if (isResult(bb)) return bb;
          const target = await engine.image(TARGET);
          if (target)
            return target.Id === bb.Id
              ? pass
              : failed(
                  `\`${TARGET}\` names image ${target.Id.slice(7, 19)}, not \`busybox:latest\` (${bb.Id.slice(7, 19)})`,
                  `\`${TARGET}\` が指しているのはイメージ ${target.Id.slice(7, 19)} で、\`busybox:latest\`（${bb.Id.slice(7, 19)}）ではありません。`,
                );
          const names = (await tagsOf(engine, bb.Id)).filter((t) => t !== "busybox:latest");
          if (names.includes("registry.example.com/lab/tools:latest")) {
            return failed(
              "`busybox:latest` is also named `registry.example.com/lab/tools:latest`: without a tag, Docker uses `latest`. Add `:1.0`",
              "`busybox:latest` には `registry.example.com/lab/tools:latest` という名前も付いています。タグを省略すると Docker は `latest` を使います。`:1.0` を付けてください。",
            );
          }
          const hub = names.find((n) => /^(docker\.io\/)?lab\/tools(:|$)/.test(n));
          if (hub) {
            return failed(
              `\`busybox:latest\` is also named \`${hub}\`, but a name without a registry host means Docker Hub ` +
                "(`docker.io/lab/tools`). Put the registry's host first: `registry.example.com/lab/tools:1.0`",
              `\`busybox:latest\` には \`${hub}\` という名前も付いていますが、レジストリのホストを含まない名前は Docker Hub を意味します` +
                "（`docker.io/lab/tools`）。レジストリのホストを先頭に付けて `registry.example.com/lab/tools:1.0` にしてください。",
            );
          }
          const quoted = names.map((n) => `\`${n}\``);
          const also = names.length ? `its other names are ${quoted.join(", ")}` : "it has no other name";
          return failed(
            `there is no image \`${TARGET}\`: ${also}`,
            `イメージ \`${TARGET}\` がありません。${names.length ? `\`busybox:latest\` のほかの名前は ${quoted.join("、")} です。` : "`busybox:latest` にはほかの名前がありません。"}`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "image-layers/count-layers",
    title: "Layers, not history rows",
    goal: "The image `il-app:1` is built from `il-app/Dockerfile`. Find how many filesystem layers it has, N, and give it the extra tag `il-app:layers-N` (for example `il-app:layers-5` if it had five).",
    setup: [
      { file: "il-app/Dockerfile", content: APP_DOCKERFILE },
      { docker: ["build", "-t", "il-app:1", "il-app"] },
    ],
    hints: [
      "`docker history il-app:1` lists every step of the image, including those of its base image. Which rows made a layer?",
      "Steps that only change settings (ENV, LABEL, EXPOSE, CMD) show `0B` and add no layer. The image's own list of layers is `RootFS.Layers` in `docker image inspect`.",
      "`docker image inspect -f '{{len .RootFS.Layers}}' il-app:1`, then `docker tag il-app:1 il-app:layers-3`",
    ],
    solution: ["docker image inspect -f '{{len .RootFS.Layers}}' il-app:1", "docker tag il-app:1 il-app:layers-3"],
    wrong: [
      { commands: ["docker history il-app:1", "docker tag il-app:1 il-app:layers-8"], expect: "counts every row of `docker history`" },
      { commands: ["docker tag il-app:1 il-app:layers-2"], expect: "only the layers the Dockerfile added" },
      { commands: ["docker tag il-app:1 il-app:layers3"], expect: "no tag of the form `il-app:layers-N`" },
    ],
    translations: {
      ja: {
        title: "履歴の行ではなく、レイヤーを数える",
        goal: "イメージ `il-app:1` は `il-app/Dockerfile` からビルドされています。このイメージのファイルシステムレイヤーの数 N を調べ、`il-app:layers-N` というタグを追加で付けてください（たとえばレイヤーが 5 つなら `il-app:layers-5`）。",
        hints: [
          "`docker history il-app:1` は、ベースイメージのものも含めてイメージのすべてのステップを表示します。レイヤーを作ったのはどの行でしょうか？",
          "設定だけを変えるステップ（ENV、LABEL、EXPOSE、CMD）は `0B` と表示され、レイヤーを追加しません。イメージ自身が持つレイヤーのリストは、`docker image inspect` の `RootFS.Layers` です。",
          "`docker image inspect -f '{{len .RootFS.Layers}}' il-app:1` を実行してから、`docker tag il-app:1 il-app:layers-3` でタグを付けます。",
        ],
        checks: ["`il-app:1` に、N をレイヤーの数とする `il-app:layers-N` というタグがある"],
      },
    },
    checks: [
      {
        description: "`il-app:1` has a tag `il-app:layers-N` with N its number of layers",
        async run(engine) {
          const app = await image(engine, "il-app:1", { en: "The exercise's reset builds it again.", ja: "演習をリセットすると、もう一度ビルドされます。" });
          if (isResult(app)) return app;
          const layers = app.RootFS.Layers.length;
          const guesses = await layerGuesses(engine, app.Id);
          if (guesses.includes(layers)) return pass;
          if (guesses.length === 0) {
            const tags = (await tagsOf(engine, app.Id)).map((t) => `\`${t}\``);
            return failed(
              `\`il-app:1\` has no tag of the form \`il-app:layers-N\` (its names are ${tags.join(", ")})`,
              `\`il-app:1\` には \`il-app:layers-N\` の形のタグがありません（付いている名前は ${tags.join("、")} です）。`,
            );
          }
          const n = guesses[0];
          const history = (await engine.history("il-app:1")) ?? [];
          // the verify mode labels what it builds, which adds one settings-only row
          const ownRows = history.filter((h) => !h.CreatedBy.includes("io.layerlab.verify")).length;
          const rows = n === ownRows ? ownRows : history.length;
          const base = (await engine.image("busybox:latest"))?.RootFS.Layers.length ?? 0;
          if (n === rows) {
            return failed(
              `\`il-app:layers-${n}\` counts every row of \`docker history\` (${rows}). Rows with \`0B\` (ENV, LABEL, EXPOSE, CMD) ` +
                "record a change of settings and add no layer: count the layers in `RootFS.Layers`",
              `\`il-app:layers-${n}\` は \`docker history\` の行をすべて数えています（${rows} 行）。\`0B\` の行（ENV、LABEL、EXPOSE、CMD）は` +
                "設定の変更を記録しているだけで、レイヤーを追加しません。`RootFS.Layers` のレイヤーを数えてください。",
            );
          }
          if (n === layers - base) {
            return failed(
              `\`il-app:layers-${n}\` counts only the layers the Dockerfile added; the image also holds busybox's ` +
                `${base === 1 ? "layer" : `${base} layers`} underneath, which \`RootFS.Layers\` lists first`,
              `\`il-app:layers-${n}\` は Dockerfile が追加したレイヤーしか数えていません。イメージはその下に busybox の` +
                `レイヤー${base === 1 ? "" : ` ${base} つ`}も持っていて、\`RootFS.Layers\` ではそれが最初に並んでいます。`,
            );
          }
          return failed(
            `\`il-app:layers-${n}\` is not the number of layers of \`il-app:1\`: count the digests in \`RootFS.Layers\``,
            `\`il-app:layers-${n}\` は \`il-app:1\` のレイヤーの数ではありません。\`RootFS.Layers\` のダイジェストを数えてください。`,
          );
        },
      },
    ],
    real: true,
  },
]);
