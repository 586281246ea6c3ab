/** Lesson 9 exercises: flatten a container, commit with a command, move images as one archive. */
import type { CheckEngine, ContainerInspect, ImageInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };

const HTTPD = ["httpd", "-f", "-p", "80", "-h", "/www"];
const SHOW_CONF = ["cat", "/etc/app.conf"];
const CONF_SCRIPT = 'echo "threads=4" > /etc/app.conf';

/** `Cmd` as one line, or null when the image has none. */
function cmdOf(cfg: { Cmd: string[] | null; Entrypoint: string[] | null }): string | null {
  const words = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
  return words.length ? words.join(" ") : null;
}

/** Whether a command is `want`, in exec form or in the shell form `/bin/sh -c "..."`. */
function sameCommand(cfg: { Cmd: string[] | null; Entrypoint: string[] | null }, want: string[]): boolean {
  const got = [...(cfg.Entrypoint ?? []), ...(cfg.Cmd ?? [])];
  if (got.join("\u0000") === want.join("\u0000")) return true;
  return got.length === 3 && got[0] === "/bin/sh" && got[1] === "-c" && got[2].trim() === want.join(" ");
}

async function image(engine: CheckEngine, ref: string, hint: Said): Promise<ImageInspect | CheckResult> {
  return (await engine.image(ref)) ?? failed(`there is no image \`${ref}\`: ${hint.en}`, `イメージ \`${ref}\` がありません。${hint.ja}`);
}

const isResult = (v: ImageInspect | CheckResult): v is CheckResult => "pass" in v;

/** The tags an image ID has, for messages. */
async function tagsOf(engine: CheckEngine, id: string): Promise<Said> {
  const img = (await engine.images()).find((i) => i.Id === id);
  const tags = (img?.RepoTags ?? []).filter((t) => t !== "<none>:<none>").map((t) => `\`${t}\``);
  if (tags.length === 0) {
    const short = `\`${id.replace(/^sha256:/, "").slice(0, 12)}\``;
    return { en: short, ja: short };
  }
  return { en: tags.join(", "), ja: tags.join("、") };
}

const layers = (n: number) => `${n} layer${n === 1 ? "" : "s"}`;

const FROM_WEB: Said = { en: "make it from the container `mv-web`", ja: "コンテナ `mv-web` から作ってください。" };
const FROM_CFG: Said = { en: "make it from the container `mv-cfg`", ja: "コンテナ `mv-cfg` から作ってください。" };

export default defineExercises([
  {
    id: "moving-a-system/flatten",
    title: "Flatten a patched container",
    goal:
      "The running container `mv-web` was patched by hand (its `/www/index.html` now says \"patched by hand\"). Make `mv-web:flat`, an image of a single layer " +
      "with the container's files, patch included, that still starts the web server (`httpd -f -p 80 -h /www`) when run without a command. Then run it, detached, as `mv-web2`.",
    setup: [
      { file: "web/Dockerfile", content: `FROM busybox\nENV SITE=shop\nCOPY index.html /www/\nEXPOSE 80\nCMD ${JSON.stringify(HTTPD).replace(/,/g, ", ")}\n` },
      { file: "web/index.html", content: "original page\n" },
      { docker: ["build", "-t", "mv-web:1", "web"] },
      { docker: ["run", "-d", "--name", "mv-web", "mv-web:1"] },
      { docker: ["exec", "mv-web", "sh", "-c", "echo patched by hand > /www/index.html"] },
    ],
    hints: [
      "`docker commit` keeps the image's layers and adds one on top. Which command writes a container's files as one flat tree?",
      "`docker export` writes the container's filesystem to a tar stream; `docker import` makes an image of one layer from it, but with no command: add it with `-c 'CMD [...]'`.",
      "`docker export mv-web | docker import -c 'CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]' - mv-web:flat`, then `docker run -d --name mv-web2 mv-web:flat`.",
    ],
    solution: [
      "docker export mv-web | docker import -c 'CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]' - mv-web:flat",
      "docker run -d --name mv-web2 mv-web:flat",
    ],
    wrong: [
      {
        // import without the command: the run fails with "No command specified"
        commands: ["docker export mv-web | docker import - mv-web:flat", "docker run -d --name mv-web2 mv-web:flat"],
        expect: "has no CMD",
      },
      {
        // commit: the patch is there, but on top of the image's layers
        commands: ["docker commit mv-web mv-web:flat", "docker run -d --name mv-web2 mv-web:flat"],
        expect: "keeps the image's layers",
      },
      {
        // the image is right, but nothing runs it
        commands: ["docker export mv-web | docker import -c 'CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]' - mv-web:flat"],
        expect: "there is no container `mv-web2`",
      },
    ],
    translations: {
      ja: {
        title: "手作業で修正したコンテナを平らにする",
        goal:
          "実行中のコンテナ `mv-web` は手作業で修正されています（その `/www/index.html` には今 \"patched by hand\" と書かれています）。修正を含むコンテナのファイルを持つ、レイヤーが 1 つだけのイメージ `mv-web:flat` を作ってください。" +
          "コマンドを指定せずに実行しても、Web サーバー（`httpd -f -p 80 -h /www`）が起動する必要があります。それから、そのイメージを `mv-web2` としてデタッチして実行してください。",
        hints: [
          "`docker commit` はイメージのレイヤーを残し、その上に 1 つ加えます。コンテナのファイルを 1 つの平らなツリーとして書き出すのは、どのコマンドでしょうか？",
          "`docker export` はコンテナのファイルシステムを tar ストリームに書き出し、`docker import` はそこから 1 レイヤーのイメージを作ります。ただしコマンドは付かないので、`-c 'CMD [...]'` で加えます。",
          "`docker export mv-web | docker import -c 'CMD [\"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/www\"]' - mv-web:flat` の後、`docker run -d --name mv-web2 mv-web:flat` を実行します。",
        ],
        checks: [
          "イメージ `mv-web:flat` がある",
          "`mv-web:flat` のレイヤーが 1 つだけである",
          "`mv-web:flat` がデフォルトで `httpd -f -p 80 -h /www` を起動する",
          "`mv-web:flat` から作ったコンテナ `mv-web2` が実行中で、修正済みのページを配信している",
        ],
      },
    },
    checks: [
      {
        description: "the image `mv-web:flat` exists",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", FROM_WEB);
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`mv-web:flat` has a single layer",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", FROM_WEB);
          if (isResult(img)) return img;
          const n = img.RootFS.Layers.length;
          if (n === 1) return pass;
          return failed(
            `\`mv-web:flat\` has ${layers(n)}: \`docker commit\` keeps the image's layers and adds the container's on top; \`docker export\` piped into \`docker import\` writes one flat layer`,
            `\`mv-web:flat\` のレイヤー数は ${n} です。\`docker commit\` はイメージのレイヤーを残し、その上にコンテナのレイヤーを加えます。\`docker export\` をパイプで \`docker import\` に渡せば、平らなレイヤーが 1 つだけ書き出されます。`,
          );
        },
      },
      {
        description: "`mv-web:flat` starts `httpd -f -p 80 -h /www` by default",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", FROM_WEB);
          if (isResult(img)) return img;
          if (sameCommand(img.Config, HTTPD)) return pass;
          const cmd = cmdOf(img.Config);
          if (cmd === null) {
            return failed(
              "`mv-web:flat` has no CMD: `docker import` keeps only the files, so `docker run mv-web:flat` fails with \"No command specified\". Import again with `-c 'CMD [\"httpd\", ...]'`",
              "`mv-web:flat` には CMD がありません。`docker import` が残すのはファイルだけなので、`docker run mv-web:flat` は \"No command specified\" で失敗します。`-c 'CMD [\"httpd\", ...]'` を付けてインポートし直してください。",
            );
          }
          return failed(
            `\`mv-web:flat\` runs \`${cmd}\` by default, expected \`${HTTPD.join(" ")}\``,
            `\`mv-web:flat\` がデフォルトで実行するのは \`${cmd}\` です。\`${HTTPD.join(" ")}\` を実行するようにしてください。`,
          );
        },
      },
      {
        description: "a container `mv-web2` of `mv-web:flat` runs and serves the patched page",
        async run(engine) {
          const c: ContainerInspect | null = await engine.container("mv-web2");
          if (!c)
            return failed(
              "there is no container `mv-web2`: run the new image with `docker run -d --name mv-web2 mv-web:flat`",
              "コンテナ `mv-web2` がありません。`docker run -d --name mv-web2 mv-web:flat` で新しいイメージを実行してください。",
            );
          const img = await engine.image("mv-web:flat");
          if (!img || c.Image !== img.Id) {
            const tags = await tagsOf(engine, c.Image);
            return failed(`container \`mv-web2\` runs ${tags.en}, expected \`mv-web:flat\``, `コンテナ \`mv-web2\` が実行しているのは ${tags.ja} です。\`mv-web:flat\` を実行してください。`);
          }
          if (!c.State.Running) {
            const exited = c.State.Status === "exited";
            return failed(
              `container \`mv-web2\` is ${exited ? `exited with code ${c.State.ExitCode}` : c.State.Status}, expected it to be running`,
              `コンテナ \`mv-web2\` ${exited ? `は終了コード ${c.State.ExitCode} で終了しています` : `の状態は ${c.State.Status} です`}。実行中である必要があります。`,
            );
          }
          const r = await engine.exec("mv-web2", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          if (r.exitCode === 0 && r.stdout.includes("patched by hand")) return pass;
          const answer = JSON.stringify((r.stdout || r.stderr).trim());
          return failed(
            `\`mv-web2\` answers ${answer}, expected the patched page: make the image from the container \`mv-web\`, not from \`mv-web:1\``,
            `\`mv-web2\` の応答は ${answer} で、修正済みのページではありません。イメージは \`mv-web:1\` からではなく、コンテナ \`mv-web\` から作ってください。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "moving-a-system/commit-config",
    title: "Commit with a useful command",
    goal:
      "The stopped container `mv-cfg` wrote `/etc/app.conf` and was started with `-e MODE=production`. Save it as the image `mv-cfg:1`: its changes on top of busybox, " +
      "`MODE=production` in its environment, and `cat /etc/app.conf` as its default command.",
    setup: [{ docker: ["run", "--name", "mv-cfg", "-e", "MODE=production", "busybox", "sh", "-c", CONF_SCRIPT] }],
    hints: [
      "`docker commit` copies the container's writable layer and its configuration, environment included. Which command would the new image run by default?",
      "The container's own command (`sh -c ...`) becomes the image's CMD unless you change it: `docker commit -c 'CMD [...]'` applies a Dockerfile instruction.",
      "`docker commit -c 'CMD [\"cat\", \"/etc/app.conf\"]' mv-cfg mv-cfg:1`",
    ],
    solution: ["docker commit -c 'CMD [\"cat\", \"/etc/app.conf\"]' mv-cfg mv-cfg:1"],
    wrong: [
      {
        // plain commit: CMD is the container's command
        commands: ["docker commit mv-cfg mv-cfg:1"],
        expect: "the container's own command",
      },
      {
        // export and import: the files come, the environment does not
        commands: ["docker export mv-cfg | docker import -c 'CMD [\"cat\", \"/etc/app.conf\"]' - mv-cfg:1"],
        expect: "keeps only the files of an export",
      },
    ],
    translations: {
      ja: {
        title: "役に立つコマンド付きで commit する",
        goal:
          "停止したコンテナ `mv-cfg` は `/etc/app.conf` を書き込んでおり、`-e MODE=production` を付けて起動されていました。これをイメージ `mv-cfg:1` として保存してください。busybox の上にコンテナの変更を載せ、" +
          "環境変数に `MODE=production` を持ち、デフォルトのコマンドが `cat /etc/app.conf` であるイメージです。",
        hints: [
          "`docker commit` は、コンテナの書き込み可能レイヤーと、環境変数を含む設定をコピーします。では、新しいイメージはデフォルトでどのコマンドを実行するでしょうか？",
          "変更しない限り、コンテナ自身のコマンド（`sh -c ...`）がイメージの CMD になります。`docker commit -c 'CMD [...]'` で Dockerfile の命令を適用できます。",
          "`docker commit -c 'CMD [\"cat\", \"/etc/app.conf\"]' mv-cfg mv-cfg:1`",
        ],
        checks: [
          "イメージ `mv-cfg:1` がある",
          "`mv-cfg:1` がデフォルトで `cat /etc/app.conf` を実行する",
          "`mv-cfg:1` の環境変数に `MODE=production` がある",
          "`mv-cfg:1` が busybox のレイヤーにコンテナの変更を加えたものである",
        ],
      },
    },
    checks: [
      {
        description: "the image `mv-cfg:1` exists",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", FROM_CFG);
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`mv-cfg:1` runs `cat /etc/app.conf` by default",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", FROM_CFG);
          if (isResult(img)) return img;
          if (sameCommand(img.Config, SHOW_CONF)) return pass;
          const cmd = cmdOf(img.Config);
          if (cmd !== null && cmd.includes(CONF_SCRIPT)) {
            return failed(
              `\`mv-cfg:1\` runs \`${cmd}\` by default, the container's own command: \`docker commit\` copies it unless you set another with \`-c 'CMD [...]'\``,
              `\`mv-cfg:1\` がデフォルトで実行するのは \`${cmd}\`、つまりコンテナ自身のコマンドです。\`-c 'CMD [...]'\` で別のコマンドを設定しない限り、\`docker commit\` はそれをコピーします。`,
            );
          }
          return failed(
            `\`mv-cfg:1\` runs ${cmd === null ? "nothing" : `\`${cmd}\``} by default, expected \`${SHOW_CONF.join(" ")}\``,
            `\`mv-cfg:1\` ${cmd === null ? "にはデフォルトのコマンドがありません" : `がデフォルトで実行するのは \`${cmd}\` です`}。\`${SHOW_CONF.join(" ")}\` を実行するようにしてください。`,
          );
        },
      },
      {
        description: "`mv-cfg:1` has `MODE=production` in its environment",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", FROM_CFG);
          if (isResult(img)) return img;
          const env = img.Config.Env ?? [];
          if (env.includes("MODE=production")) return pass;
          return failed(
            `\`mv-cfg:1\`'s environment is ${env.length ? env.map((e) => `\`${e}\``).join(", ") : "empty"}, without \`MODE=production\`: \`docker import\` keeps only the files of an export, while \`docker commit\` keeps the container's configuration`,
            `\`mv-cfg:1\` の環境変数は${env.length ? ` ${env.map((e) => `\`${e}\``).join("、")} ` : "空"}で、\`MODE=production\` がありません。\`docker import\` はエクスポートのファイルしか残しませんが、\`docker commit\` はコンテナの設定も残します。`,
          );
        },
      },
      {
        description: "`mv-cfg:1` is busybox's layers plus the container's changes",
        async run(engine) {
          const [img, base] = [await engine.image("mv-cfg:1"), await engine.image("busybox")];
          if (!img || !base) return failed("there is no image `mv-cfg:1`", "イメージ `mv-cfg:1` がありません。");
          const own = img.RootFS.Layers;
          const shared = base.RootFS.Layers.every((l, i) => own[i] === l);
          if (shared && own.length === base.RootFS.Layers.length + 1) return pass;
          return failed(
            `\`mv-cfg:1\` has ${layers(own.length)}${shared ? "" : ", not on top of busybox's"}, expected busybox's ${layers(base.RootFS.Layers.length)} plus one with the container's changes (\`docker commit\`)`,
            `\`mv-cfg:1\` のレイヤー数は ${own.length} です${shared ? "" : "（busybox のレイヤーの上に載っていません）"}。` +
              `busybox のレイヤー（${base.RootFS.Layers.length} 個）に、コンテナの変更を収めたレイヤーを 1 つ加えたものにしてください（\`docker commit\`）。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "moving-a-system/save-load",
    title: "Two images in one archive",
    goal:
      "Put both images `mv-tool:1` and `mv-tool:2` into one archive, `tools.tar` in your working folder, as you would carry them to a machine without a registry. " +
      "Then delete both images from the engine and load them back from `tools.tar`.",
    setup: [
      { file: "tool1/Dockerfile", content: 'FROM busybox\nRUN echo "tool 1" > /version\nCMD ["cat", "/version"]\n' },
      { file: "tool2/Dockerfile", content: 'FROM busybox\nRUN echo "tool 2" > /version\nCMD ["cat", "/version"]\n' },
      { docker: ["build", "-t", "mv-tool:1", "tool1"] },
      { docker: ["build", "-t", "mv-tool:2", "tool2"] },
    ],
    hints: [
      "`docker save` writes images, with their layers, configuration and tags, to a tar archive; it takes several images at once.",
      "`-o tools.tar` names the file (or redirect standard output). `docker load -i tools.tar` reads it back.",
      "`docker save -o tools.tar mv-tool:1 mv-tool:2`, `docker rmi mv-tool:1 mv-tool:2`, `docker load -i tools.tar`.",
    ],
    solution: ["docker save -o tools.tar mv-tool:1 mv-tool:2", "docker rmi mv-tool:1 mv-tool:2", "docker load -i tools.tar"],
    wrong: [
      {
        // one save per image: the second overwrites the first
        commands: ["docker save -o tools.tar mv-tool:1", "docker save -o tools.tar mv-tool:2", "docker rmi mv-tool:1 mv-tool:2", "docker load -i tools.tar"],
        expect: "holds only `mv-tool:2`",
      },
      {
        // saved and deleted, never loaded
        commands: ["docker save -o tools.tar mv-tool:1 mv-tool:2", "docker rmi mv-tool:1 mv-tool:2"],
        expect: "load it back",
      },
    ],
    translations: {
      ja: {
        title: "2 つのイメージを 1 つのアーカイブに",
        goal:
          "イメージ `mv-tool:1` と `mv-tool:2` の両方を、作業フォルダーにある 1 つのアーカイブ `tools.tar` に入れてください。レジストリのないマシンへ運ぶときと同じ要領です。" +
          "それから両方のイメージをエンジンから削除し、`tools.tar` から読み戻してください。",
        hints: [
          "`docker save` は、イメージをレイヤー、設定、タグごと tar アーカイブに書き出します。一度に複数のイメージを指定できます。",
          "`-o tools.tar` でファイル名を指定します（標準出力をリダイレクトしても構いません）。`docker load -i tools.tar` で読み戻します。",
          "`docker save -o tools.tar mv-tool:1 mv-tool:2`、`docker rmi mv-tool:1 mv-tool:2`、`docker load -i tools.tar` の順に実行します。",
        ],
        checks: ["作業フォルダーの `tools.tar` に両方のイメージが入っている", "`mv-tool:1` と `mv-tool:2` がエンジンにある"],
      },
    },
    checks: [
      {
        description: "`tools.tar` in the working folder holds both images",
        async run(engine) {
          const tar = await engine.hostFile("tools.tar");
          if (tar === null)
            return failed(
              "there is no `tools.tar` in your working folder: write it with `docker save -o tools.tar ...`",
              "作業フォルダーに `tools.tar` がありません。`docker save -o tools.tar ...` で書き出してください。",
            );
          if (!tar.includes("manifest.json"))
            return failed(
              "`tools.tar` is not an image archive (it has no `manifest.json`): `docker save` writes one",
              "`tools.tar` はイメージのアーカイブではありません（`manifest.json` がありません）。イメージのアーカイブは `docker save` で書き出します。",
            );
          const has = ["mv-tool:1", "mv-tool:2"].filter((t) => tar.includes(`"${t}"`));
          if (has.length === 2) return pass;
          if (has.length === 1)
            return failed(
              `\`tools.tar\` holds only \`${has[0]}\`: each \`docker save -o tools.tar\` writes a new file, so name both images in one \`docker save\``,
              `\`tools.tar\` に入っているのは \`${has[0]}\` だけです。\`docker save -o tools.tar\` は実行するたびにファイルを新しく書き出すので、1 回の \`docker save\` で両方のイメージを指定してください。`,
            );
          return failed("`tools.tar` holds neither `mv-tool:1` nor `mv-tool:2`", "`tools.tar` には `mv-tool:1` も `mv-tool:2` も入っていません。");
        },
      },
      {
        description: "`mv-tool:1` and `mv-tool:2` are in the engine",
        async run(engine) {
          for (const ref of ["mv-tool:1", "mv-tool:2"]) {
            const img = await engine.image(ref);
            if (!img)
              return failed(
                `image \`${ref}\` is not in the engine: load it back with \`docker load -i tools.tar\``,
                `イメージ \`${ref}\` がエンジンにありません。\`docker load -i tools.tar\` で読み戻してください。`,
              );
            if (!sameCommand(img.Config, ["cat", "/version"])) {
              const cmd = cmdOf(img.Config);
              return failed(
                `image \`${ref}\` runs \`${cmd ?? "nothing"}\` by default, expected \`cat /version\`: load the saved image, with its configuration`,
                `イメージ \`${ref}\` ${cmd === null ? "にはデフォルトのコマンドがありません" : `がデフォルトで実行するのは \`${cmd}\` です`}。\`cat /version\` を実行するはずです。保存したイメージを、設定ごと読み込んでください。`,
              );
            }
          }
          return pass;
        },
      },
    ],
    real: true,
  },
]);
