/** Lesson 5 exercises: a change in a running container's own layer, a layer kept by stop/start, a file rescued with docker cp. */
import { defineExercises, failed } from "../../../simulator/check/exercise";
import { container, isResult, pass, running } from "../../lib/checks";

const APP_LINE = "app:x:1000:1000::/home/app:/bin/sh";
const NOTE = "remember the milk\n";
const REPORT = "total: 42\n";

export default defineExercises([
  {
    id: "union-filesystems/edit-running",
    title: "Change a file in a running container",
    goal: `The container \`uf-web\` is running. Add the line \`${APP_LINE}\` at the end of its \`/etc/passwd\`, keeping the lines already there.`,
    setup: [{ docker: ["run", "-d", "--name", "uf-web", "busybox", "sleep", "3600"] }],
    hints: [
      "A change made in a container lands in that container's own writable layer. Which container do your commands write in?",
      "`docker exec uf-web sh -c '...'` runs a shell inside the running `uf-web`. `>>` appends to a file; `>` replaces it.",
      `\`docker exec uf-web sh -c 'echo "${APP_LINE}" >> /etc/passwd'\``,
    ],
    solution: [`docker exec uf-web sh -c 'echo "${APP_LINE}" >> /etc/passwd'`, "docker diff uf-web"],
    wrong: [
      { commands: [`docker run --rm busybox sh -c 'echo "${APP_LINE}" >> /etc/passwd'`], expect: "another container" },
      { commands: [`docker exec uf-web sh -c 'echo "${APP_LINE}" > /etc/passwd'`], expect: "lost the lines it had" },
    ],
    translations: {
      ja: {
        title: "実行中のコンテナのファイルを変更する",
        goal: `コンテナ \`uf-web\` が実行中です。その \`/etc/passwd\` の末尾に、既存の行を残したまま \`${APP_LINE}\` という行を追加してください。`,
        hints: [
          "コンテナの中で行った変更は、そのコンテナ自身の書き込み可能レイヤーに入ります。あなたのコマンドは、どのコンテナの中で書き込んでいるでしょうか？",
          "`docker exec uf-web sh -c '...'` は、実行中の `uf-web` の中でシェルを実行します。`>>` はファイルに追記し、`>` はファイルを置き換えます。",
          `\`docker exec uf-web sh -c 'echo "${APP_LINE}" >> /etc/passwd'\``,
        ],
        checks: ["`uf-web` が実行中である", "`uf-web` の /etc/passwd に元の行が残っている", `\`uf-web\` の /etc/passwd に \`${APP_LINE}\` という行がある`],
      },
    },
    checks: [
      {
        description: "`uf-web` is running",
        async run(engine) {
          const c = await running(engine, "uf-web", { en: "The exercise's reset starts it again.", ja: "演習をリセットすると、もう一度起動されます。" });
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`uf-web`'s /etc/passwd still has its own lines",
        async run(engine) {
          const text = (await engine.readFile("uf-web", "/etc/passwd")) ?? "";
          if (text.split("\n").some((l) => l.startsWith("root:"))) return pass;
          return failed(
            "`uf-web`'s /etc/passwd lost the lines it had (there is no `root` line any more): `>` replaces a file, `>>` appends to it. Reset the exercise and append",
            "`uf-web` の /etc/passwd から元の行が消えています（`root` の行がもうありません）。`>` はファイルを置き換え、`>>` はファイルに追記します。演習をリセットして、追記し直してください。",
          );
        },
      },
      {
        description: `\`uf-web\`'s /etc/passwd has the line \`${APP_LINE}\``,
        async run(engine) {
          const text = (await engine.readFile("uf-web", "/etc/passwd")) ?? "";
          if (text.split("\n").includes(APP_LINE)) return pass;
          return failed(
            "`uf-web`'s /etc/passwd has no `app` line. A change made in another container (such as a new `docker run`) " +
              "stays in that container's own writable layer and is gone with it; write in `uf-web` itself with `docker exec`",
            "`uf-web` の /etc/passwd に `app` の行がありません。別のコンテナ（新しく `docker run` したものなど）で行った変更は、" +
              "そのコンテナ自身の書き込み可能レイヤーにとどまり、コンテナと一緒に消えます。`docker exec` で `uf-web` 自身の中に書き込んでください。",
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "union-filesystems/restart-keeps",
    title: "Stopped is not removed",
    goal: "The container `uf-notes` was killed; its writable layer holds `/notes.txt`. Get a running container named `uf-notes` whose `/notes.txt` still says `remember the milk`.",
    setup: [
      { docker: ["run", "-d", "--name", "uf-notes", "busybox", "sleep", "3600"] },
      { docker: ["exec", "uf-notes", "sh", "-c", "echo 'remember the milk' > /notes.txt"] },
      { docker: ["kill", "uf-notes"] },
    ],
    hints: [
      "`docker ps -a` lists stopped containers too. A stopped container keeps its writable layer until it is removed.",
      "Removing the container and running a new one with the same name starts from an empty writable layer.",
      "`docker start uf-notes`",
    ],
    solution: ["docker start uf-notes", "docker exec uf-notes cat /notes.txt"],
    wrong: [
      { commands: ["docker rm uf-notes", "docker run -d --name uf-notes busybox sleep 3600"], expect: "a new container" },
      { commands: ["docker run -d --name uf-notes busybox sleep 3600"], expect: "has exited with code 137" },
    ],
    translations: {
      ja: {
        title: "停止は削除ではない",
        goal: "コンテナ `uf-notes` は強制終了されました。その書き込み可能レイヤーには `/notes.txt` があります。`uf-notes` という名前の実行中のコンテナで、`/notes.txt` の中身が `remember the milk` のままになっている状態にしてください。",
        hints: [
          "`docker ps -a` は停止したコンテナも表示します。停止したコンテナは、削除されるまで書き込み可能レイヤーを持ち続けます。",
          "コンテナを削除して同じ名前で新しいコンテナを実行すると、空の書き込み可能レイヤーから始まります。",
          "`docker start uf-notes`",
        ],
        checks: ["`uf-notes` という名前のコンテナが実行中である", "その /notes.txt の中身が `remember the milk` である"],
      },
    },
    checks: [
      {
        description: "a container named `uf-notes` is running",
        async run(engine) {
          const c = await running(engine, "uf-notes", { en: "Reset the exercise to get it back.", ja: "演習をリセットすると元に戻ります。" });
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "its /notes.txt says `remember the milk`",
        async run(engine) {
          const c = await container(engine, "uf-notes", "");
          if (isResult(c)) return c;
          const note = await engine.readFile("uf-notes", "/notes.txt");
          if (note === NOTE) return pass;
          if (note === null) {
            return failed(
              "`uf-notes` has no /notes.txt: it is a new container, and a new container gets a new, empty writable layer; " +
                "`docker rm` deleted the old one with the note. `docker start` runs a stopped container again with its own layer",
              "`uf-notes` に /notes.txt がありません。これは新しいコンテナで、新しいコンテナには空の書き込み可能レイヤーが新しく作られます。" +
                "メモの入った古いレイヤーは `docker rm` で削除されました。`docker start` なら、停止したコンテナを自分のレイヤーのままもう一度実行します。",
            );
          }
          return failed(
            `\`uf-notes\`'s /notes.txt says ${JSON.stringify(note)}, expected "remember the milk"`,
            `\`uf-notes\` の /notes.txt の中身は ${JSON.stringify(note)} です。"remember the milk" である必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "union-filesystems/rescue-file",
    title: "Rescue a file from a stopped container",
    goal: "The container `uf-report` has exited after writing `/report.txt`. Copy that file into your working folder as `report.txt`.",
    setup: [{ docker: ["run", "--name", "uf-report", "busybox", "sh", "-c", "echo 'total: 42' > /report.txt"] }],
    hints: [
      "The file lives only in `uf-report`'s writable layer: the `busybox` image does not have it.",
      "`docker exec` needs a running container, but `docker cp CONTAINER:PATH DEST` reads a container's filesystem whether it runs or not.",
      "`docker cp uf-report:/report.txt report.txt`",
    ],
    solution: ["docker cp uf-report:/report.txt report.txt", "cat report.txt"],
    wrong: [
      { commands: ["docker run --rm busybox cat /report.txt > report.txt"], expect: "A new container from `busybox` has no /report.txt" },
      { commands: ["docker exec uf-report cat /report.txt > report.txt"], expect: "cannot run in the stopped `uf-report`" },
    ],
    translations: {
      ja: {
        title: "停止したコンテナからファイルを救出する",
        goal: "コンテナ `uf-report` は `/report.txt` を書き込んだ後に終了しました。そのファイルを作業フォルダーに `report.txt` としてコピーしてください。",
        hints: [
          "このファイルは `uf-report` の書き込み可能レイヤーにしかありません。`busybox` イメージには入っていません。",
          "`docker exec` には実行中のコンテナが必要ですが、`docker cp CONTAINER:PATH DEST` は、コンテナが動いているかどうかに関係なくそのファイルシステムを読めます。",
          "`docker cp uf-report:/report.txt report.txt`",
        ],
        checks: ["作業フォルダーに、レポートの入った report.txt がある"],
      },
    },
    checks: [
      {
        description: "your working folder has report.txt with the report",
        async run(engine) {
          const text = await engine.hostFile("report.txt");
          if (text === REPORT) return pass;
          if (text === null) return failed("there is no report.txt in your working folder yet", "作業フォルダーにまだ report.txt がありません。");
          if (text === "") {
            return failed(
              "report.txt in your working folder is empty: the command that wrote it printed nothing. A new container from " +
                "`busybox` has no /report.txt, and `docker exec` cannot run in the stopped `uf-report`. `docker cp` copies " +
                "the file out of the container's layer, running or not",
              "作業フォルダーの report.txt は空です。書き込んだコマンドが何も出力しなかったためです。`busybox` から作った新しいコンテナには" +
                " /report.txt がなく、`docker exec` は停止した `uf-report` の中では実行できません。`docker cp` なら、コンテナが動いているかどうかに関係なく" +
                "、そのレイヤーからファイルをコピーできます。",
            );
          }
          return failed(
            `report.txt in your working folder says ${JSON.stringify(text)}, expected ${JSON.stringify(REPORT)}`,
            `作業フォルダーの report.txt の中身は ${JSON.stringify(text)} です。${JSON.stringify(REPORT)} である必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
]);
