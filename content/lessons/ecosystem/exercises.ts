/** Lesson 15 exercises: an image's platform read from its config, an image saved as an OCI layout, and another platform's entry of a manifest list. */
import { defineExercises, failed } from "../../../simulator/check/exercise";
import { pass, tagsOf } from "../../lib/checks";

export default defineExercises([
  {
    id: "ecosystem/platform-tag",
    title: "Name an image after its platform",
    goal:
      "Multi-platform images are often pushed one platform at a time, as `<name>:<version>-<os>-<architecture>`, before a manifest list joins them. " +
      "Find the platform of the image `eco-tool:1.0` and give it a second name `eco-tool:1.0-<os>-<architecture>` that states its real platform.",
    setup: [
      { file: "tool/Dockerfile", content: "FROM busybox\nRUN echo 1.0 > /version\n" },
      { docker: ["build", "-t", "eco-tool:1.0", "tool"] },
    ],
    hints: [
      "An image's config records the platform it was built for, in the fields `Os` and `Architecture`.",
      "`docker image inspect -f '{{.Os}}/{{.Architecture}}' eco-tool:1.0`, then `docker tag` with the values it prints.",
      "On an x86-64 machine: `docker tag eco-tool:1.0 eco-tool:1.0-linux-amd64`",
    ],
    solution: ["docker tag eco-tool:1.0 eco-tool:1.0-$(docker image inspect -f '{{.Os}}-{{.Architecture}}' eco-tool:1.0)"],
    wrong: [
      { commands: ["docker tag eco-tool:1.0 eco-tool:1.0-linux-arm64"], expect: "but the tag says `linux-arm64`" },
      { commands: ["docker tag eco-tool:1.0 eco-tool:1.0-linux-x86_64"], expect: "`x86_64` is what `uname -m` and `docker info` call it" },
      { commands: ["docker tag busybox eco-tool:1.0-linux-amd64"], expect: "names another image than `eco-tool:1.0`" },
    ],
    translations: {
      ja: {
        title: "プラットフォームを表す名前をイメージに付ける",
        goal:
          "マルチプラットフォームイメージは、マニフェストリストでまとめる前に、`<name>:<version>-<os>-<architecture>` という名前でプラットフォームごとに push することがよくあります。" +
          "イメージ `eco-tool:1.0` のプラットフォームを調べ、実際のプラットフォームを表す 2 つ目の名前 `eco-tool:1.0-<os>-<architecture>` を付けてください。",
        hints: [
          "イメージの設定には、そのイメージがどのプラットフォーム向けにビルドされたかが `Os` と `Architecture` のフィールドに記録されています。",
          "`docker image inspect -f '{{.Os}}/{{.Architecture}}' eco-tool:1.0` で調べ、表示された値を使って `docker tag` します。",
          "x86-64 のマシンなら `docker tag eco-tool:1.0 eco-tool:1.0-linux-amd64` を実行します。",
        ],
        checks: ["`eco-tool:1.0` に、実際のプラットフォームを表す 2 つ目の名前 `eco-tool:1.0-<os>-<architecture>` がある"],
      },
    },
    checks: [
      {
        description: "`eco-tool:1.0` has a second name `eco-tool:1.0-<os>-<architecture>` with its real platform",
        async run(engine) {
          const img = await engine.image("eco-tool:1.0");
          if (!img)
            return failed(
              "there is no image `eco-tool:1.0` any more: reset the exercise to build it again",
              "イメージ `eco-tool:1.0` がもうありません。演習をリセットして、もう一度ビルドしてください。",
            );
          const want = `eco-tool:1.0-${img.Os}-${img.Architecture}${img.Variant ? `-${String(img.Variant)}` : ""}`;
          const names = await tagsOf(engine, img.Id);
          if (names.includes(want) || names.includes(`eco-tool:1.0-${img.Os}-${img.Architecture}`)) return pass;
          const tried = names.find((t) => t.startsWith("eco-tool:1.0-"));
          if (tried) {
            const said = tried.slice("eco-tool:1.0-".length);
            if (said === `${img.Os}-x86_64` && img.Architecture === "amd64") {
              return failed(
                `the image is named \`${tried}\`: \`x86_64\` is what \`uname -m\` and \`docker info\` call it, but image platforms use Go's names, and the image's Architecture is \`amd64\``,
                `イメージの名前は \`${tried}\` です。\`x86_64\` は \`uname -m\` や \`docker info\` での呼び方で、イメージのプラットフォームには Go の名前を使います。このイメージの Architecture は \`amd64\` です。`,
              );
            }
            return failed(
              `the image's config says \`${img.Os}/${img.Architecture}\`, but the tag says \`${said}\`: read the platform with \`docker image inspect -f '{{.Os}}/{{.Architecture}}' eco-tool:1.0\``,
              `イメージの設定には \`${img.Os}/${img.Architecture}\` とありますが、タグは \`${said}\` です。プラットフォームは \`docker image inspect -f '{{.Os}}/{{.Architecture}}' eco-tool:1.0\` で読み取ってください。`,
            );
          }
          const elsewhere = (await engine.images()).flatMap((i) => i.RepoTags ?? []).find((t) => t.startsWith("eco-tool:1.0-"));
          if (elsewhere)
            return failed(
              `\`${elsewhere}\` names another image than \`eco-tool:1.0\`: tag \`eco-tool:1.0\` itself`,
              `\`${elsewhere}\` が指しているのは \`eco-tool:1.0\` とは別のイメージです。\`eco-tool:1.0\` そのものにタグを付けてください。`,
            );
          const known = names.map((n) => `\`${n}\``);
          return failed(
            `\`eco-tool:1.0\` has no name of the form \`eco-tool:1.0-<os>-<architecture>\` yet (its names are ${known.join(", ")})`,
            `\`eco-tool:1.0\` には、まだ \`eco-tool:1.0-<os>-<architecture>\` という形の名前がありません（今ある名前は ${known.join("、")}）。`,
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "ecosystem/oci-layout",
    title: "An image as an OCI layout",
    goal:
      "Save the image `eco-app:1` with `docker save` and unpack the archive into the folder `eco-oci` in your working folder, so that `eco-oci/index.json` " +
      "(the OCI image layout's entry point) names `eco-app:1`.",
    setup: [
      { file: "app/Dockerfile", content: "FROM busybox\nRUN echo 1 > /version\nCMD [\"cat\", \"/version\"]\n" },
      { docker: ["build", "-t", "eco-app:1", "app"] },
    ],
    hints: [
      "`docker save` writes an image (config, manifests, layers) to a tar archive; current Docker writes it as an OCI image layout: `oci-layout`, `index.json` and `blobs/sha256/`.",
      "`docker save -o eco-app.tar eco-app:1`, then unpack it with `tar -xf` into a folder made with `mkdir`.",
      "`docker save -o eco-app.tar eco-app:1`, `mkdir eco-oci`, `tar -xf eco-app.tar -C eco-oci`",
    ],
    solution: ["docker save -o eco-app.tar eco-app:1", "mkdir eco-oci", "tar -xf eco-app.tar -C eco-oci"],
    wrong: [
      { commands: ["docker save -o eco-app.tar eco-app:1"], expect: "there is no `eco-oci/oci-layout`" },
      {
        commands: ["docker create --name eco-c eco-app:1", "docker export -o eco-app.tar eco-c", "mkdir eco-oci", "tar -xf eco-app.tar -C eco-oci"],
        expect: "holds a root filesystem",
      },
      { commands: ["docker save -o eco-app.tar busybox", "mkdir eco-oci", "tar -xf eco-app.tar -C eco-oci"], expect: "names `docker.io/library/busybox:latest`" },
    ],
    translations: {
      ja: {
        title: "OCI レイアウトとしてのイメージ",
        goal:
          "イメージ `eco-app:1` を `docker save` で保存し、アーカイブを作業フォルダーの中の `eco-oci` フォルダーに展開して、`eco-oci/index.json`" +
          "（OCI イメージレイアウトの入り口）が `eco-app:1` を指すようにしてください。",
        hints: [
          "`docker save` はイメージ（設定、マニフェスト、レイヤー）を tar アーカイブに書き出します。現在の Docker は、これを OCI イメージレイアウト（`oci-layout`、`index.json`、`blobs/sha256/`）として書き出します。",
          "`docker save -o eco-app.tar eco-app:1` の後、`mkdir` で作ったフォルダーに `tar -xf` で展開します。",
          "`docker save -o eco-app.tar eco-app:1`、`mkdir eco-oci`、`tar -xf eco-app.tar -C eco-oci` の順に実行します。",
        ],
        checks: ["`eco-oci` に OCI イメージレイアウト（`oci-layout` と `index.json`）がある", "`eco-oci/index.json` が `eco-app:1` を指している"],
      },
    },
    checks: [
      {
        description: "`eco-oci` holds an OCI image layout (`oci-layout` and `index.json`)",
        async run(engine) {
          const layout = await engine.hostFile("eco-oci/oci-layout");
          const index = await engine.hostFile("eco-oci/index.json");
          if (layout !== null && index !== null) return pass;
          if ((await engine.hostFile("eco-oci/bin/busybox")) !== null || (await engine.hostFile("eco-oci/version")) !== null) {
            return failed(
              "`eco-oci` holds a root filesystem (`bin/`, `etc/`, ...): that is `docker export` of a container, one flattened tree without layers or config. " +
                "`docker save` of the image writes the layout",
              "`eco-oci` にあるのはルートファイルシステム（`bin/`、`etc/`、...）です。これはコンテナを `docker export` したもので、レイヤーも設定もない平らなツリーが 1 つあるだけです。" +
                "レイアウトを書き出すのは、イメージの `docker save` です。",
            );
          }
          if ((await engine.hostFile("eco-oci/manifest.json")) !== null) {
            return failed(
              "`eco-oci` has Docker's `manifest.json` but no `index.json`: an engine older than Docker 25 wrote the archive in its own layout, not as an OCI layout",
              "`eco-oci` には Docker の `manifest.json` はありますが、`index.json` がありません。アーカイブを書き出したのは Docker 25 より古いエンジンで、OCI レイアウトではなく独自のレイアウトになっています。",
            );
          }
          if ((await engine.hostFile("eco-app.tar")) !== null)
            return failed(
              "there is no `eco-oci/oci-layout` yet: `eco-app.tar` is still packed. `mkdir eco-oci` and `tar -xf eco-app.tar -C eco-oci`",
              "`eco-oci/oci-layout` はまだありません。`eco-app.tar` がまだ展開されていないからです。`mkdir eco-oci` と `tar -xf eco-app.tar -C eco-oci` を実行してください。",
            );
          return failed(
            "there is no `eco-oci/oci-layout`: save the image with `docker save -o eco-app.tar eco-app:1` and unpack it into `eco-oci`",
            "`eco-oci/oci-layout` がありません。`docker save -o eco-app.tar eco-app:1` でイメージを保存し、`eco-oci` に展開してください。",
          );
        },
      },
      {
        description: "`eco-oci/index.json` names `eco-app:1`",
        async run(engine) {
          const text = await engine.hostFile("eco-oci/index.json");
          if (text === null) return failed("there is no `eco-oci/index.json`", "`eco-oci/index.json` がありません。");
          let names: string[] = [];
          try {
            const index = JSON.parse(text) as { manifests?: { annotations?: Record<string, string> }[] };
            names = (index.manifests ?? []).map((m) => m.annotations?.["io.containerd.image.name"] ?? "").filter(Boolean);
          } catch {
            return failed("`eco-oci/index.json` is not valid JSON: unpack the archive again", "`eco-oci/index.json` は正しい JSON ではありません。アーカイブをもう一度展開してください。");
          }
          if (names.includes("docker.io/library/eco-app:1")) return pass;
          const named = names.map((n) => `\`${n}\``);
          return failed(
            `\`eco-oci/index.json\` names ${named.join(", ") || "no image"}, expected \`docker.io/library/eco-app:1\`: save \`eco-app:1\``,
            `${named.length ? `\`eco-oci/index.json\` が指しているのは ${named.join("、")} で、\`docker.io/library/eco-app:1\` ではありません。` : "`eco-oci/index.json` はどのイメージも指していません。`docker.io/library/eco-app:1` を指している必要があります。"}\`eco-app:1\` を保存してください。`,
          );
        },
      },
    ],
    real: { reason: "Docker 20.10's docker save writes the pre-OCI archive layout (manifest.json and <id>/layer.tar); index.json and oci-layout come with Docker 25" },
  },
  {
    id: "ecosystem/arm64-pull",
    title: "Fetch the arm64 image of a multi-platform tag",
    goal:
      "`busybox:latest` names a manifest list with an entry for `linux/amd64` and one for `linux/arm64`. A colleague on an arm64 machine needs the arm64 image: " +
      "pull it and name it `eco-bb:arm64`, and leave `busybox:latest` the amd64 image this host runs.",
    setup: [],
    hints: [
      "`docker pull --platform linux/arm64 busybox` takes the list's arm64 entry. This engine keeps one image per tag, so the pull moves `busybox:latest` to the arm64 image.",
      "After the arm64 pull, `docker tag busybox eco-bb:arm64` names it; then pull the host's entry again, `docker pull --platform linux/amd64 busybox`, so that `busybox:latest` is amd64 again.",
      "`docker pull --platform linux/arm64 busybox`, `docker tag busybox eco-bb:arm64`, `docker pull --platform linux/amd64 busybox`",
    ],
    solution: ["docker pull --platform linux/arm64 busybox", "docker tag busybox eco-bb:arm64", "docker pull --platform linux/amd64 busybox"],
    wrong: [
      { commands: ["docker tag busybox eco-bb:arm64"], expect: "`eco-bb:arm64` is a `linux/amd64` image" },
      { commands: ["docker pull --platform linux/arm64 busybox", "docker tag busybox eco-bb:arm64"], expect: "`busybox:latest` is now the `linux/arm64/v8` image" },
      { commands: ["docker pull --platform linux/arm64 busybox"], expect: "there is no image `eco-bb:arm64`" },
    ],
    translations: {
      ja: {
        title: "マルチプラットフォームのタグから arm64 のイメージを取ってくる",
        goal:
          "`busybox:latest` は、`linux/amd64` と `linux/arm64` のエントリーを持つマニフェストリストを指しています。arm64 のマシンを使っている同僚が arm64 のイメージを必要としています。" +
          "それを pull して `eco-bb:arm64` という名前を付け、`busybox:latest` はこのホストで動く amd64 のイメージのままにしてください。",
        hints: [
          "`docker pull --platform linux/arm64 busybox` はリストの arm64 のエントリーを取ってきます。このエンジンはタグごとに 1 つのイメージしか持たないので、この pull で `busybox:latest` は arm64 のイメージに移ります。",
          "arm64 の pull の後、`docker tag busybox eco-bb:arm64` で名前を付けます。そのあとホストのエントリーを `docker pull --platform linux/amd64 busybox` でもう一度 pull すると、`busybox:latest` は amd64 に戻ります。",
          "`docker pull --platform linux/arm64 busybox`、`docker tag busybox eco-bb:arm64`、`docker pull --platform linux/amd64 busybox` の順に実行します。",
        ],
        checks: ["`eco-bb:arm64` が `linux/arm64` のイメージである", "`busybox:latest` がこのホストで動く `linux/amd64` のイメージである"],
      },
    },
    checks: [
      {
        description: "`eco-bb:arm64` is a `linux/arm64` image",
        async run(engine) {
          const img = await engine.image("eco-bb:arm64");
          if (!img)
            return failed(
              "there is no image `eco-bb:arm64`: pull busybox's arm64 image and tag it",
              "イメージ `eco-bb:arm64` がありません。busybox の arm64 のイメージを pull して、タグを付けてください。",
            );
          if (img.Architecture === "arm64") return pass;
          return failed(
            `\`eco-bb:arm64\` is a \`${img.Os}/${img.Architecture}\` image: pull the arm64 entry with \`docker pull --platform linux/arm64 busybox\` before tagging`,
            `\`eco-bb:arm64\` は \`${img.Os}/${img.Architecture}\` のイメージです。タグを付ける前に \`docker pull --platform linux/arm64 busybox\` で arm64 のエントリーを pull してください。`,
          );
        },
      },
      {
        description: "`busybox:latest` is the `linux/amd64` image this host runs",
        async run(engine) {
          const img = await engine.image("busybox:latest");
          if (!img)
            return failed("there is no image `busybox:latest`: pull it with `docker pull busybox`", "イメージ `busybox:latest` がありません。`docker pull busybox` で pull してください。");
          if (img.Architecture === "amd64") return pass;
          const platform = `${img.Os}/${img.Architecture}${img.Variant ? `/${String(img.Variant)}` : ""}`;
          return failed(
            `\`busybox:latest\` is now the \`${platform}\` image, which this x86-64 host cannot run (\`exec format error\`): pull the host's entry again with \`docker pull --platform linux/amd64 busybox\``,
            `\`busybox:latest\` は今 \`${platform}\` のイメージで、この x86-64 のホストでは実行できません（\`exec format error\`）。\`docker pull --platform linux/amd64 busybox\` でホストのエントリーをもう一度 pull してください。`,
          );
        },
      },
    ],
    real: { reason: "pulling another platform's entry needs a registry with a manifest list (Docker Hub); the engine the course is checked on has none" },
  },
]);
