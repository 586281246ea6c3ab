/** Lesson 6 exercises: delete in the same RUN, and a multi-stage build whose final stage starts clean. */
import type { CheckEngine, HistoryItem, ImageInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, type Said } from "../../../simulator/check/exercise";
import { container, humanSize, image, isResult, pass } from "../../lib/checks";

const APP_DOCKERFILE = `FROM busybox
RUN head -c 3000000 /dev/zero > /tmp/data.bin
RUN wc -c < /tmp/data.bin > /size.txt
RUN rm /tmp/data.bin
`;

const TOOL_DOCKERFILE = `FROM busybox AS build
RUN head -c 4000000 /dev/zero > /toolchain
RUN echo 'echo hello from wh-tool' > /hello

FROM build
COPY --from=build /hello /hello
CMD ["sh", "/hello"]
`;

/** Bytes an image may have beyond busybox and still count as "busybox plus a small file". */
const SLACK = 1000;

/** The image's history rows that are not busybox's own (newest first). */
async function ownHistory(engine: CheckEngine, ref: string): Promise<HistoryItem[]> {
  const rows = (await engine.history(ref)) ?? [];
  const base = (await engine.history("busybox:latest"))?.length ?? 0;
  return rows.slice(0, Math.max(0, rows.length - base));
}

/** The biggest layer-making step of an image's own history, for messages. */
function biggest(rows: HistoryItem[]): HistoryItem | undefined {
  return [...rows].sort((a, b) => b.Size - a.Size)[0];
}

/** How much bigger than busybox an image is, as a sentence start. */
async function sizeVsBusybox(engine: CheckEngine, img: ImageInspect, name: string): Promise<{ ok: boolean; text: Said }> {
  const bb = await engine.image("busybox:latest");
  const base = bb?.Size ?? 0;
  return {
    ok: img.Size <= base + SLACK,
    text: {
      en: `\`${name}\` is ${humanSize(img.Size)}, ${humanSize(img.Size - base)} more than \`busybox\``,
      ja: `\`${name}\` は ${humanSize(img.Size)} で、\`busybox\` より ${humanSize(img.Size - base)} 大きくなっています`,
    },
  };
}

const buildHint = (ref: string, dir: string): Said => ({
  en: `Build it with \`docker build -t ${ref} ${dir}\`.`,
  ja: `\`docker build -t ${ref} ${dir}\` でビルドしてください。`,
});

export default defineExercises([
  {
    id: "whiteouts/same-run",
    title: "Delete it in the same step",
    goal: "`wh-app/Dockerfile` writes a 3 MB scratch file, measures it into `/size.txt` and deletes it in a later step, so the image stays 3 MB too big. Change the Dockerfile so that the image `wh-app:slim` built from it is no bigger than `busybox` plus a few bytes, then run it once as a container named `wh-check` with the command `cat /size.txt` (it must print `3000000`).",
    setup: [{ file: "wh-app/Dockerfile", content: APP_DOCKERFILE }],
    hints: [
      "Build it as it is (`docker build -t wh-app:slim wh-app`) and look at `docker history wh-app:slim`: which step holds the 3 MB, and what did the `rm` step add?",
      "A file deleted in a later step is only hidden by a whiteout. A file created and deleted within one `RUN` never reaches a layer: join the three commands with `&&`.",
      "`printf 'FROM busybox\\nRUN head -c 3000000 /dev/zero > /tmp/data.bin && wc -c < /tmp/data.bin > /size.txt && rm /tmp/data.bin\\n' > wh-app/Dockerfile`, then build and `docker run --name wh-check wh-app:slim cat /size.txt`",
    ],
    solution: [
      "printf 'FROM busybox\\nRUN head -c 3000000 /dev/zero > /tmp/data.bin && wc -c < /tmp/data.bin > /size.txt && rm /tmp/data.bin\\n' > wh-app/Dockerfile",
      "docker build -t wh-app:slim wh-app",
      "docker run --name wh-check wh-app:slim cat /size.txt",
    ],
    wrong: [
      { commands: ["docker build -t wh-app:slim wh-app", "docker run --name wh-check wh-app:slim cat /size.txt"], expect: "the later `rm` only added a whiteout" },
      {
        commands: [
          "printf 'FROM busybox\\nRUN head -c 3000000 /dev/zero > /tmp/data.bin\\nRUN wc -c < /tmp/data.bin > /size.txt && rm /tmp/data.bin\\n' > wh-app/Dockerfile",
          "docker build -t wh-app:slim wh-app",
          "docker run --name wh-check wh-app:slim cat /size.txt",
        ],
        expect: "the later `rm` only added a whiteout",
      },
    ],
    translations: {
      ja: {
        title: "同じステップで削除する",
        goal: "`wh-app/Dockerfile` は 3 MB の一時ファイルを書き込み、そのサイズを `/size.txt` に記録し、後のステップでファイルを削除しているので、イメージが 3 MB 大きいままです。Dockerfile を直して、そこからビルドしたイメージ `wh-app:slim` が `busybox` に数バイト足した程度の大きさになるようにしてください。その後、`wh-check` という名前のコンテナとして、コマンド `cat /size.txt` で 1 回実行してください（`3000000` と表示されるはずです）。",
        hints: [
          "まずそのままビルドして（`docker build -t wh-app:slim wh-app`）、`docker history wh-app:slim` を見てください。3 MB を持っているのはどのステップで、`rm` のステップは何を追加したでしょうか？",
          "後のステップで削除したファイルは、ホワイトアウトで隠されるだけです。1 つの `RUN` の中で作って削除したファイルは、どのレイヤーにも入りません。3 つのコマンドを `&&` でつないでください。",
          "`printf 'FROM busybox\\nRUN head -c 3000000 /dev/zero > /tmp/data.bin && wc -c < /tmp/data.bin > /size.txt && rm /tmp/data.bin\\n' > wh-app/Dockerfile` を実行し、ビルドしてから `docker run --name wh-check wh-app:slim cat /size.txt` を実行します。",
        ],
        checks: [
          "イメージ `wh-app:slim` がある",
          "`wh-app:slim` が `busybox` に数バイト足した程度の大きさである",
          "`wh-app:slim` のコンテナ `wh-check` が /size.txt から `3000000` を表示した",
        ],
      },
    },
    checks: [
      {
        description: "the image `wh-app:slim` exists",
        async run(engine) {
          const img = await image(engine, "wh-app:slim", buildHint("wh-app:slim", "wh-app"));
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`wh-app:slim` is no bigger than `busybox` plus a few bytes",
        async run(engine) {
          const img = await image(engine, "wh-app:slim", "");
          if (isResult(img)) return img;
          const size = await sizeVsBusybox(engine, img, "wh-app:slim");
          if (size.ok) return pass;
          const rows = await ownHistory(engine, "wh-app:slim");
          const big = biggest(rows);
          const removed = rows.some((r) => r !== big && /\brm\b/.test(r.CreatedBy));
          const step = big ? big.CreatedBy.replace(/ # buildkit$/, "") : "";
          const where = big ? `: the layer of \`${step}\` still holds ${humanSize(big.Size)}` : "";
          const why = removed ? "; the later `rm` only added a whiteout, which hides the file and saves nothing" : "";
          return failed(
            `${size.text.en}${where}${why}. Create, use and delete the file in one \`RUN\``,
            `${size.text.ja}。${big ? `\`${step}\` のレイヤーが、まだ ${humanSize(big.Size)} を持っています。` : ""}` +
              `${removed ? "後の `rm` はホワイトアウトを追加しただけです。ホワイトアウトはファイルを隠すだけで、容量は少しも減らしません。" : ""}` +
              "ファイルの作成、使用、削除を 1 つの `RUN` の中で行ってください。",
          );
        },
      },
      {
        description: "a container `wh-check` of `wh-app:slim` printed `3000000` from /size.txt",
        async run(engine) {
          const img = await image(engine, "wh-app:slim", "");
          if (isResult(img)) return img;
          const c = await container(engine, "wh-check", {
            en: "Run it with `docker run --name wh-check wh-app:slim cat /size.txt`.",
            ja: "`docker run --name wh-check wh-app:slim cat /size.txt` で実行してください。",
          });
          if (isResult(c)) return c;
          if (c.Image !== img.Id)
            return failed(
              "`wh-check` was made from another image than the current `wh-app:slim`: remove it (`docker rm wh-check`) and run it again",
              "`wh-check` は現在の `wh-app:slim` とは別のイメージから作られています。削除して（`docker rm wh-check`）、もう一度実行してください。",
            );
          const size = await engine.readFile("wh-check", "/size.txt");
          if (size === null)
            return failed(
              "`wh-app:slim` has no /size.txt: keep the `wc -c` step, just in the same `RUN` as the rest",
              "`wh-app:slim` に /size.txt がありません。`wc -c` のステップは残し、ほかのコマンドと同じ `RUN` に入れてください。",
            );
          if (size.trim() === "3000000") return pass;
          return failed(
            `/size.txt in \`wh-app:slim\` says ${JSON.stringify(size.trim())}, expected 3000000`,
            `\`wh-app:slim\` の /size.txt の中身は ${JSON.stringify(size.trim())} です。3000000 である必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "whiteouts/multi-stage",
    title: "Leave the toolchain behind",
    goal: "`wh-tool/Dockerfile` is a multi-stage build, yet its image still carries the build stage's 4 MB toolchain. Fix the Dockerfile so that `docker build -t wh-tool:2 wh-tool` makes an image of `busybox` plus only `/hello`, that still runs `sh /hello` by default.",
    setup: [{ file: "wh-tool/Dockerfile", content: TOOL_DOCKERFILE }],
    hints: [
      "Build it as it is and read `docker history wh-tool:2`: where does the 4 MB row come from?",
      "A stage inherits every layer of the image it starts `FROM`. The final stage starts `FROM build`, the stage that made the toolchain.",
      "`sed -i 's/^FROM build$/FROM busybox/' wh-tool/Dockerfile`, then `docker build -t wh-tool:2 wh-tool`",
    ],
    solution: ["sed -i 's/^FROM build$/FROM busybox/' wh-tool/Dockerfile", "docker build -t wh-tool:2 wh-tool", "docker run --rm wh-tool:2"],
    wrong: [
      { commands: ["docker build -t wh-tool:2 wh-tool"], expect: "starts `FROM build`" },
      { commands: ["echo 'RUN rm /toolchain' >> wh-tool/Dockerfile", "docker build -t wh-tool:2 wh-tool"], expect: "only hides it with a whiteout" },
      { commands: ["sed -i 's/^FROM build$/FROM busybox/; /^CMD/d' wh-tool/Dockerfile", "docker build -t wh-tool:2 wh-tool"], expect: "runs `sh` by default" },
    ],
    translations: {
      ja: {
        title: "ツールチェーンを置いていく",
        goal: "`wh-tool/Dockerfile` はマルチステージビルドなのに、そのイメージはビルドステージの 4 MB のツールチェーンをまだ抱えています。Dockerfile を直して、`docker build -t wh-tool:2 wh-tool` で作られるイメージが `busybox` に `/hello` だけを加えたものになり、デフォルトでは引き続き `sh /hello` を実行するようにしてください。",
        hints: [
          "まずそのままビルドして、`docker history wh-tool:2` を読んでください。4 MB の行はどこから来ているでしょうか？",
          "ステージは、`FROM` で始めたイメージのレイヤーをすべて引き継ぎます。最後のステージは `FROM build`、つまりツールチェーンを作ったステージから始まっています。",
          "`sed -i 's/^FROM build$/FROM busybox/' wh-tool/Dockerfile` を実行してから、`docker build -t wh-tool:2 wh-tool` でビルドします。",
        ],
        checks: [
          "イメージ `wh-tool:2` がある",
          "`wh-tool:2` が `busybox` に数バイトを足しただけのものである",
          "`wh-tool:2` がデフォルトで `sh /hello` を実行する",
          "最後のステージがビルドステージから /hello をコピーしている",
        ],
      },
    },
    checks: [
      {
        description: "the image `wh-tool:2` exists",
        async run(engine) {
          const img = await image(engine, "wh-tool:2", buildHint("wh-tool:2", "wh-tool"));
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`wh-tool:2` is `busybox` plus only a few bytes",
        async run(engine) {
          const img = await image(engine, "wh-tool:2", "");
          if (isResult(img)) return img;
          const size = await sizeVsBusybox(engine, img, "wh-tool:2");
          if (size.ok) return pass;
          const rows = await ownHistory(engine, "wh-tool:2");
          const toolchain = rows.find((r) => r.CreatedBy.includes("> /toolchain") && r.Size > 0);
          const cleaned = rows.some((r) => r.CreatedBy.includes("rm /toolchain"));
          const step: Said = toolchain
            ? { en: `\`${toolchain.CreatedBy.replace(/ # buildkit$/, "")}\` (${humanSize(toolchain.Size)})`, ja: `\`${toolchain.CreatedBy.replace(/ # buildkit$/, "")}\` のレイヤー（${humanSize(toolchain.Size)}）` }
            : { en: "the toolchain step", ja: "ツールチェーンのステップのレイヤー" };
          if (cleaned) {
            return failed(
              `${size.text.en}: its layers still include ${step.en}, and the \`rm /toolchain\` step only hides it with a whiteout. Start the final stage from a clean base instead`,
              `${size.text.ja}。イメージにはまだ ${step.ja}が含まれていて、\`rm /toolchain\` のステップはそれをホワイトアウトで隠しているだけです。最後のステージを、きれいなベースから始めてください。`,
            );
          }
          return failed(
            `${size.text.en}: its layers include ${step.en} of the build stage, because the final stage starts \`FROM build\` and inherits every layer of it. Start the final stage \`FROM busybox\``,
            `${size.text.ja}。イメージにはビルドステージの ${step.ja}が含まれています。最後のステージが \`FROM build\` で始まり、そのレイヤーをすべて引き継いでいるからです。最後のステージを \`FROM busybox\` で始めてください。`,
          );
        },
      },
      {
        description: "`wh-tool:2` runs `sh /hello` by default",
        async run(engine) {
          const img = await image(engine, "wh-tool:2", "");
          if (isResult(img)) return img;
          const cmd = [...(img.Config.Entrypoint ?? []), ...(img.Config.Cmd ?? [])];
          if (cmd.join(" ") === "sh /hello") return pass;
          return failed(
            `\`wh-tool:2\` runs \`${cmd.join(" ")}\` by default, expected \`sh /hello\`: keep the \`CMD\` in the final stage (settings are not inherited from a stage you only copy from)`,
            `\`wh-tool:2\` がデフォルトで実行するのは \`${cmd.join(" ")}\` です。\`sh /hello\` を実行させるため、最後のステージに \`CMD\` を残してください（ファイルをコピーするだけのステージから、設定は引き継がれません）。`,
          );
        },
      },
      {
        description: "the final stage copies /hello from the build stage",
        async run(engine) {
          const rows = await ownHistory(engine, "wh-tool:2");
          if (rows.some((r) => /\bCOPY\b/.test(r.CreatedBy) && r.CreatedBy.includes("/hello"))) return pass;
          return failed(
            "`wh-tool:2` has no step that copies /hello: keep `COPY --from=build /hello /hello` in the final stage",
            "`wh-tool:2` には /hello をコピーするステップがありません。最後のステージに `COPY --from=build /hello /hello` を残してください。",
          );
        },
      },
    ],
    real: true,
  },
]);
