/** Lesson 10 exercises: back up and restore a volume with tar; seed a volume from an image. */
import type { CheckEngine, ContainerInspect, MountPoint } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult, type Said } from "../../../simulator/check/exercise";
import { stateSaid } from "../../lib/checks";

const pass: CheckResult = { pass: true };

/** The mount of a container at `path`, if any. */
function mountAt(c: ContainerInspect, path: string): MountPoint | undefined {
  return c.Mounts.find((m) => m.Destination === path);
}

/** A mount in words: "the volume `x`", "the host folder `/p` (a bind mount)". */
function mountText(m: MountPoint): Said {
  if (m.Type === "volume")
    return /^[0-9a-f]{64}$/.test(m.Name ?? "") ? { en: "an anonymous volume", ja: "匿名ボリューム" } : { en: `the volume \`${m.Name}\``, ja: `ボリューム \`${m.Name}\`` };
  if (m.Type === "bind") return { en: `the host folder \`${m.Source}\` (a bind mount)`, ja: `ホストのフォルダー \`${m.Source}\`（バインドマウント）` };
  return { en: `a ${m.Type} mount`, ja: `種類が ${m.Type} のマウント` };
}

/** A running container by name, or the failure that describes it. */
async function running(engine: CheckEngine, name: string, how: Said): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (!c) return failed(`there is no container named \`${name}\`: ${how.en}`, `\`${name}\` という名前のコンテナがありません。${how.ja}`);
  if (!c.State.Running) {
    const st = stateSaid(c);
    return failed(`container \`${name}\` ${st.en}, expected it to be running: ${how.en}`, `コンテナ \`${name}\` ${st.ja}。実行中である必要があります。${how.ja}`);
  }
  return c;
}

const isResult = (v: ContainerInspect | CheckResult): v is CheckResult => "pass" in v;

const CONFIG = "threads=4\n";
const SITE = "<h1>vol-site, from the image</h1>\n";

export default defineExercises([
  {
    id: "volumes/backup-restore",
    title: "Back up a volume and restore it elsewhere",
    goal:
      "Back up the volume `vol-app-data` (used by the container `vol-app`) to `vol-app.tar` in your working folder. Then restore the archive into a new volume " +
      "`vol-app-data2` and start a container `vol-app2` (`busybox`, `sleep 3600`, detached) with that volume mounted at `/data`.",
    setup: [
      { docker: ["volume", "create", "vol-app-data"] },
      { docker: ["run", "--rm", "-v", "vol-app-data:/data", "busybox", "sh", "-c", "echo threads=4 > /data/config.ini && mkdir /data/uploads && echo photo > /data/uploads/cat.jpg"] },
      { docker: ["run", "-d", "--name", "vol-app", "-v", "vol-app-data:/data", "busybox", "sleep", "3600"] },
    ],
    hints: [
      "A volume's files are reached through a container: run a throwaway one that mounts the volume and your working folder (`-v \"$PWD\":/backup`), and let `tar` write the archive.",
      "Archive relative to the volume's root with `-C /data .`, so that the archive can be unpacked into any folder. Restoring is the same container with `tar -x` and the new volume.",
      "`docker run --rm -v vol-app-data:/data -v \"$PWD\":/backup busybox tar -cf /backup/vol-app.tar -C /data .`, then `docker run --rm -v vol-app-data2:/data -v \"$PWD\":/backup busybox tar -xf /backup/vol-app.tar -C /data`, then `docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600`.",
    ],
    solution: [
      'docker run --rm -v vol-app-data:/data -v "$PWD":/backup busybox tar -cf /backup/vol-app.tar -C /data .',
      'docker run --rm -v vol-app-data2:/data -v "$PWD":/backup busybox tar -xf /backup/vol-app.tar -C /data',
      "docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600",
    ],
    wrong: [
      {
        // a new volume, but nothing restored into it
        commands: ['docker run --rm -v vol-app-data:/data -v "$PWD":/backup busybox tar -cf /backup/vol-app.tar -C /data .', "docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600"],
        expect: "is empty",
      },
      {
        // the new container on the old volume
        commands: ['docker run --rm -v vol-app-data:/data -v "$PWD":/backup busybox tar -cf /backup/vol-app.tar -C /data .', "docker run -d --name vol-app2 -v vol-app-data:/data busybox sleep 3600"],
        expect: "the original volume",
      },
      {
        // archived with the folder name in every path: restored one level too deep
        commands: [
          'docker run --rm -v vol-app-data:/data -v "$PWD":/backup busybox tar -cf /backup/vol-app.tar /data',
          'docker run --rm -v vol-app-data2:/data -v "$PWD":/backup busybox tar -xf /backup/vol-app.tar -C /data',
          "docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600",
        ],
        expect: "under `/data/data`",
      },
    ],
    translations: {
      ja: {
        title: "ボリュームをバックアップして別の場所に復元する",
        goal:
          "ボリューム `vol-app-data`（コンテナ `vol-app` が使っています）を、作業フォルダーの `vol-app.tar` にバックアップしてください。次に、そのアーカイブを新しいボリューム " +
          "`vol-app-data2` に復元し、そのボリュームを `/data` にマウントしたコンテナ `vol-app2`（`busybox`、`sleep 3600`、デタッチ）を起動してください。",
        hints: [
          "ボリュームのファイルにはコンテナを通してアクセスします。ボリュームと作業フォルダー（`-v \"$PWD\":/backup`）をマウントした使い捨てのコンテナを動かし、`tar` にアーカイブを書き出させます。",
          "`-C /data .` でボリュームのルートからの相対パスにしてアーカイブすると、どのフォルダーにも展開できます。復元は、同じコンテナを `tar -x` と新しいボリュームで動かすだけです。",
          "`docker run --rm -v vol-app-data:/data -v \"$PWD\":/backup busybox tar -cf /backup/vol-app.tar -C /data .` の後に `docker run --rm -v vol-app-data2:/data -v \"$PWD\":/backup busybox tar -xf /backup/vol-app.tar -C /data`、最後に `docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600` を実行します。",
        ],
        checks: [
          "作業フォルダーの `vol-app.tar` にボリュームのファイルが入っている",
          "実行中のコンテナ `vol-app2` が、ボリューム `vol-app-data2` を `/data` にマウントしている",
          "`vol-app-data2` のルートに、復元されたファイルがある",
        ],
      },
    },
    checks: [
      {
        description: "`vol-app.tar` in the working folder holds the volume's files",
        async run(engine) {
          const tar = await engine.hostFile("vol-app.tar");
          if (tar === null)
            return failed(
              "there is no `vol-app.tar` in your working folder: write it from a container that mounts both the volume and the folder (`-v \"$PWD\":/backup`)",
              "作業フォルダーに `vol-app.tar` がありません。ボリュームと作業フォルダーの両方をマウントしたコンテナ（`-v \"$PWD\":/backup`）から書き出してください。",
            );
          if (!tar.includes("config.ini") || !tar.includes("uploads/cat.jpg"))
            return failed(
              "`vol-app.tar` does not hold `config.ini` and `uploads/cat.jpg`: archive the whole volume",
              "`vol-app.tar` に `config.ini` と `uploads/cat.jpg` が入っていません。ボリューム全体をアーカイブしてください。",
            );
          return pass;
        },
      },
      {
        description: "a running container `vol-app2` mounts the volume `vol-app-data2` at `/data`",
        async run(engine) {
          const c = await running(engine, "vol-app2", {
            en: "start it with `docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600`",
            ja: "`docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600` で起動してください。",
          });
          if (isResult(c)) return c;
          const m = mountAt(c, "/data");
          if (!m)
            return failed(
              "container `vol-app2` has nothing mounted at `/data`: add `-v vol-app-data2:/data`",
              "コンテナ `vol-app2` の `/data` には何もマウントされていません。`-v vol-app-data2:/data` を加えてください。",
            );
          if (m.Type === "volume" && m.Name === "vol-app-data2") return pass;
          if (m.Type === "volume" && m.Name === "vol-app-data")
            return failed(
              "container `vol-app2` mounts `vol-app-data`, the original volume, at `/data`: the restored copy is `vol-app-data2`",
              "コンテナ `vol-app2` は `/data` に元のボリューム `vol-app-data` をマウントしています。復元したコピーは `vol-app-data2` です。",
            );
          const mt = mountText(m);
          return failed(
            `container \`vol-app2\` mounts ${mt.en} at \`/data\`, expected the volume \`vol-app-data2\``,
            `コンテナ \`vol-app2\` が \`/data\` にマウントしているのは${mt.ja}です。ボリューム \`vol-app-data2\` をマウントしてください。`,
          );
        },
      },
      {
        description: "`vol-app-data2` holds the restored files at its root",
        async run(engine) {
          const c = await engine.container("vol-app2");
          if (!c) return failed("there is no container `vol-app2`", "コンテナ `vol-app2` がありません。");
          const conf = await engine.readFile("vol-app2", "/data/config.ini");
          const photo = await engine.readFile("vol-app2", "/data/uploads/cat.jpg");
          if (conf === CONFIG && photo !== null) return pass;
          if ((await engine.readFile("vol-app2", "/data/data/config.ini")) !== null) {
            return failed(
              "the restored files are under `/data/data`: the archive's paths start with `data/`, so unpacking it into `/data` added a level. Archive with `-C /data .` to store paths relative to the volume",
              "復元されたファイルが `/data/data` の下にあります。アーカイブ内のパスが `data/` で始まっているため、`/data` に展開すると階層が 1 つ深くなりました。`-C /data .` を付けてアーカイブし、ボリュームのルートからの相対パスで保存してください。",
            );
          }
          if (conf === null)
            return failed(
              "the volume `vol-app-data2` is empty (no `/data/config.ini` in `vol-app2`): unpack the archive into it with `tar -x` in a container that mounts it",
              "ボリューム `vol-app-data2` は空です（`vol-app2` に `/data/config.ini` がありません）。このボリュームをマウントしたコンテナで、`tar -x` を使ってアーカイブを展開してください。",
            );
          return failed(
            `\`/data/config.ini\` in \`vol-app2\` says ${JSON.stringify(conf.trim())}, expected ${JSON.stringify(CONFIG.trim())}`,
            `\`vol-app2\` の \`/data/config.ini\` の内容は ${JSON.stringify(conf.trim())} です。${JSON.stringify(CONFIG.trim())} になっている必要があります。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "volumes/seed-from-image",
    title: "A volume that starts with the image's files",
    goal:
      "Run a container `vol-web` (detached) from the image `vol-site:1` with a named volume `vol-www` at `/www`, so that the volume starts out with the image's " +
      "`index.html` and keeps the site's files when the container is replaced.",
    setup: [
      { file: "site/Dockerfile", content: 'FROM busybox\nCOPY index.html /www/\nCMD ["httpd", "-f", "-p", "80", "-h", "/www"]\n' },
      { file: "site/index.html", content: SITE },
      { file: "www/README.txt", content: "An empty folder for the site, on the host.\n" },
      { docker: ["build", "-t", "vol-site:1", "site"] },
    ],
    hints: [
      "`-v name:/path` mounts a named volume; `-v /host/path:/path` (or `$PWD/...`) mounts a host folder instead.",
      "When a container mounts an empty volume where its image has files, the engine copies those files into the volume first. A bind mount never copies: it hides them.",
      "`docker run -d --name vol-web -v vol-www:/www vol-site:1`",
    ],
    solution: ["docker run -d --name vol-web -v vol-www:/www vol-site:1"],
    wrong: [
      {
        // a host folder: it hides the image's /www
        commands: ['docker run -d --name vol-web -v "$PWD/www:/www" vol-site:1'],
        expect: "(a bind mount)",
      },
      {
        // the volume at the wrong path
        commands: ["docker run -d --name vol-web -v vol-www:/data vol-site:1"],
        expect: "nothing mounted at `/www`",
      },
    ],
    translations: {
      ja: {
        title: "イメージのファイルを持って始まるボリューム",
        goal:
          "イメージ `vol-site:1` からコンテナ `vol-web` を（デタッチして）起動し、`/www` に名前付きボリューム `vol-www` をマウントしてください。ボリュームがイメージの " +
          "`index.html` を持った状態で始まり、コンテナを置き換えてもサイトのファイルが残るようにします。",
        hints: [
          "`-v name:/path` は名前付きボリュームをマウントします。`-v /host/path:/path`（または `$PWD/...`）は、代わりにホストのフォルダーをマウントします。",
          "イメージがファイルを持っているパスにコンテナが空のボリュームをマウントすると、エンジンはまずそのファイルをボリュームにコピーします。バインドマウントは何もコピーせず、ファイルを隠します。",
          "`docker run -d --name vol-web -v vol-www:/www vol-site:1`",
        ],
        checks: ["`vol-site:1` のコンテナ `vol-web` が実行中である", "`vol-web` が名前付きボリューム `vol-www` を `/www` にマウントしている", "ボリュームにイメージの `index.html` が入っている"],
      },
    },
    checks: [
      {
        description: "a container `vol-web` of `vol-site:1` is running",
        async run(engine) {
          const c = await running(engine, "vol-web", {
            en: "run it with `docker run -d --name vol-web ... vol-site:1`",
            ja: "`docker run -d --name vol-web ... vol-site:1` で起動してください。",
          });
          if (isResult(c)) return c;
          const img = await engine.image("vol-site:1");
          if (!img || c.Image !== img.Id)
            return failed(
              `container \`vol-web\` was made from \`${c.Config.Image}\`, expected \`vol-site:1\``,
              `コンテナ \`vol-web\` は \`${c.Config.Image}\` から作られています。\`vol-site:1\` から作ってください。`,
            );
          return pass;
        },
      },
      {
        description: "`vol-web` mounts the named volume `vol-www` at `/www`",
        async run(engine) {
          const c = await engine.container("vol-web");
          if (!c) return failed("there is no container `vol-web`", "コンテナ `vol-web` がありません。");
          const m = mountAt(c, "/www");
          if (!m) {
            const others = c.Mounts.map((x) => `\`${x.Destination}\``);
            return failed(
              `container \`vol-web\` has nothing mounted at \`/www\`${others.length ? ` (its mounts are at ${others.join(", ")})` : ""}: the mount's second part is the path inside the container`,
              `コンテナ \`vol-web\` の \`/www\` には何もマウントされていません${others.length ? `（マウント先は ${others.join("、")}）` : ""}。マウント指定の 2 つ目の部分（\`:\` の後ろ）が、コンテナの中のパスです。`,
            );
          }
          if (m.Type === "volume" && m.Name === "vol-www") return pass;
          const mt = mountText(m);
          if (m.Type === "bind") {
            return failed(
              `container \`vol-web\` mounts ${mt.en} at \`/www\`: a bind mount shows the host folder as it is and hides the image's \`index.html\`; a name instead of a path (\`-v vol-www:/www\`) makes a volume`,
              `コンテナ \`vol-web\` は \`/www\` に${mt.ja}をマウントしています。バインドマウントはホストのフォルダーをそのまま見せ、イメージの \`index.html\` を隠します。パスの代わりに名前を書くと（\`-v vol-www:/www\`）ボリュームになります。`,
            );
          }
          return failed(
            `container \`vol-web\` mounts ${mt.en} at \`/www\`, expected the volume \`vol-www\``,
            `コンテナ \`vol-web\` が \`/www\` にマウントしているのは${mt.ja}です。ボリューム \`vol-www\` をマウントしてください。`,
          );
        },
      },
      {
        description: "the volume holds the image's `index.html`",
        async run(engine) {
          const c = await engine.container("vol-web");
          if (!c) return failed("there is no container `vol-web`", "コンテナ `vol-web` がありません。");
          const page = await engine.readFile("vol-web", "/www/index.html");
          if (page === SITE) return pass;
          if (page === null)
            return failed(
              "`/www/index.html` is missing in `vol-web`: the mount at `/www` hides the image's files",
              "`vol-web` に `/www/index.html` がありません。`/www` のマウントがイメージのファイルを隠しています。",
            );
          return failed(
            `\`/www/index.html\` in \`vol-web\` is ${JSON.stringify(page.trim())}, expected the image's page: was \`vol-www\` already used (not empty) before? Only an empty volume gets the image's files`,
            `\`vol-web\` の \`/www/index.html\` の内容は ${JSON.stringify(page.trim())} で、イメージのページではありません。\`vol-www\` は以前から使われていて、空ではなかったのではありませんか？イメージのファイルがコピーされるのは、空のボリュームだけです。`,
          );
        },
      },
    ],
    real: true,
  },
]);
