/** Lesson 13 exercises: a full image reference for a private registry, and a tag moved to another image. */
import type { CheckEngine } from "../../../simulator/check/engine";
import { defineExercises, failed, failedWith, type Said } from "../../../simulator/check/exercise";
import { pass, tagsOf } from "../../lib/checks";

/** Every tag of every image, with the image ID it names. */
async function allTags(engine: CheckEngine): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const img of await engine.images()) for (const t of img.RepoTags ?? []) if (t !== "<none>:<none>") out.set(t, img.Id);
  return out;
}

/** What other names the image has, for messages ("also `reg-app:dev`"). */
async function alsoKnownAs(engine: CheckEngine, id: string, except: string): Promise<Said> {
  const names = (await tagsOf(engine, id)).filter((t) => t !== except).map((t) => `\`${t}\``);
  if (names.length) return { en: `the image also named ${names.join(", ")}`, ja: `${names.join("、")} という名前も持つイメージ` };
  return { en: `an untagged image (${id.slice(7, 19)})`, ja: `タグのないイメージ（${id.slice(7, 19)}）` };
}

const DEV_GONE: Said = {
  en: "there is no image `reg-app:dev` any more: reset the exercise to build it again",
  ja: "イメージ `reg-app:dev` がなくなっています。演習をリセットして、もう一度ビルドしてください。",
};

/** The ID of the image whose history has a step containing `step`, if any. */
async function builtWith(engine: CheckEngine, step: string): Promise<string | undefined> {
  for (const img of await engine.images()) {
    const h = await engine.history(img.Id);
    if (h?.some((x) => x.CreatedBy.includes(step))) return img.Id;
  }
  return undefined;
}

const APP_V1 = `FROM busybox
RUN echo v1 > /version
CMD ["cat", "/version"]
`;

export default defineExercises([
  {
    id: "registries/name-for-registry",
    title: "Name an image for a private registry",
    goal:
      "The image `reg-app:dev` is ready to ship. Give it the name it needs to be pushed to the private registry at `localhost:5000`, " +
      "in the repository `team/reg-app`, with the tag `1.0`.",
    setup: [
      { file: "app/Dockerfile", content: APP_V1 },
      { docker: ["build", "-t", "reg-app:dev", "app"] },
    ],
    hints: [
      "`docker push` sends an image to the registry its name starts with. Without a host, the registry is Docker Hub (`docker.io`).",
      "A full name is `<registry host>[:port]/<repository path>:<tag>`. `docker tag SOURCE TARGET` adds a name to an existing image; it copies nothing.",
      "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0`",
    ],
    solution: ["docker tag reg-app:dev localhost:5000/team/reg-app:1.0"],
    wrong: [
      { commands: ["docker tag reg-app:dev team/reg-app:1.0"], expect: "`docker.io/team/reg-app:1.0`" },
      { commands: ["docker tag reg-app:dev localhost:5000/team/reg-app"], expect: "has the tag `latest`" },
      { commands: ["docker tag busybox localhost:5000/team/reg-app:1.0"], expect: "not the image of `reg-app:dev`" },
    ],
    translations: {
      ja: {
        title: "プライベートレジストリ向けの名前を付ける",
        goal:
          "イメージ `reg-app:dev` はリリースできる状態です。`localhost:5000` のプライベートレジストリにあるリポジトリ `team/reg-app` へ、" +
          "タグ `1.0` で push するのに必要な名前をこのイメージに付けてください。",
        hints: [
          "`docker push` は、イメージ名の先頭にあるレジストリにイメージを送ります。ホストがなければ、レジストリは Docker Hub（`docker.io`）です。",
          "完全な名前は `<registry host>[:port]/<repository path>:<tag>` です。`docker tag SOURCE TARGET` は既存のイメージに名前を追加するだけで、何もコピーしません。",
          "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0`",
        ],
        checks: ["`localhost:5000/team/reg-app:1.0` が `reg-app:dev` のイメージを指している", "`reg-app:dev` が残っている"],
      },
    },
    checks: [
      {
        description: "`localhost:5000/team/reg-app:1.0` names the image of `reg-app:dev`",
        async run(engine) {
          const dev = await engine.image("reg-app:dev");
          if (!dev) return failedWith(DEV_GONE);
          const tags = await allTags(engine);
          const want = "localhost:5000/team/reg-app:1.0";
          const id = tags.get(want);
          if (id === dev.Id) return pass;
          if (id) {
            const aka = await alsoKnownAs(engine, id, want);
            return failed(
              `\`${want}\` names ${aka.en}, not the image of \`reg-app:dev\`: \`docker tag\` moves the name to the image you give first`,
              `\`${want}\` が指しているのは ${aka.ja}で、\`reg-app:dev\` のイメージではありません。\`docker tag\` は、最初に指定したイメージに名前を移します。`,
            );
          }
          const near = [...tags.keys()].filter((t) => t.includes("reg-app") && t !== "reg-app:dev");
          const hub = near.find((t) => !t.startsWith("localhost:5000/"));
          if (hub) {
            return failed(
              `the image is named \`${hub}\`, which has no registry host, so \`docker push\` would send it to Docker Hub as \`docker.io/${hub}\`: ` +
                "start the name with `localhost:5000/`",
              `イメージの名前は \`${hub}\` です。レジストリのホストがないので、\`docker push\` は Docker Hub に \`docker.io/${hub}\` として送ってしまいます。` +
                "名前を `localhost:5000/` で始めてください。",
            );
          }
          const other = near.find((t) => t.startsWith("localhost:5000/"));
          if (other) {
            const tag = other.slice(other.lastIndexOf(":") + 1);
            const repo = other.slice(0, other.lastIndexOf(":"));
            if (repo === "localhost:5000/team/reg-app")
              return failed(
                `\`${other}\` has the tag \`${tag}\` (a name without a tag gets \`latest\`): expected the tag \`1.0\``,
                `\`${other}\` のタグは \`${tag}\` です（タグのない名前には \`latest\` が付きます）。タグは \`1.0\` にしてください。`,
              );
            return failed(
              `the image is named \`${other}\`, expected the repository \`team/reg-app\` on \`localhost:5000\` with the tag \`1.0\``,
              `イメージの名前は \`${other}\` です。\`localhost:5000\` のリポジトリ \`team/reg-app\` に、タグ \`1.0\` で名前を付けてください。`,
            );
          }
          const names = (await tagsOf(engine, dev.Id)).map((t) => `\`${t}\``);
          return failed(
            `no image is named \`${want}\`; \`reg-app:dev\` has the names ${names.join(", ")}`,
            `\`${want}\` という名前のイメージはありません。\`reg-app:dev\` の名前は ${names.join("、")} です。`,
          );
        },
      },
      {
        description: "`reg-app:dev` still exists",
        async run(engine) {
          if (await engine.image("reg-app:dev")) return pass;
          return failed(
            "`reg-app:dev` is gone: `docker tag` adds a name, there was no need to remove the old one",
            "`reg-app:dev` がなくなっています。`docker tag` は名前を追加するので、古い名前を削除する必要はありませんでした。",
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "registries/move-tag",
    title: "Tags move, IDs do not",
    goal:
      "`reg-web:stable` names the same image as `reg-web:1.0`. Release `reg-web:1.1`: make `reg-web:stable` name the image of `reg-web:1.1`, " +
      "and keep `reg-web:1.0` for anyone still pinned to it.",
    setup: [
      { file: "v1/Dockerfile", content: "FROM busybox\nRUN echo 1.0 > /version\n" },
      { file: "v11/Dockerfile", content: "FROM busybox\nRUN echo 1.1 > /version\n" },
      { docker: ["build", "-t", "reg-web:1.0", "v1"] },
      { docker: ["build", "-t", "reg-web:1.1", "v11"] },
      { docker: ["tag", "reg-web:1.0", "reg-web:stable"] },
    ],
    hints: [
      "A tag is a movable pointer to an image ID. Tagging an image with a name that already exists moves the name; nothing is copied or deleted.",
      "`docker tag SOURCE TARGET`: the source is the image you want the name to point at.",
      "`docker tag reg-web:1.1 reg-web:stable`",
    ],
    solution: ["docker tag reg-web:1.1 reg-web:stable"],
    wrong: [
      { commands: ["docker tag reg-web:stable reg-web:1.1"], expect: "both name the image of `reg-web:1.0`" },
      { commands: ["docker rmi reg-web:stable"], expect: "there is no `reg-web:stable`" },
      { commands: ["docker rmi reg-web:1.0", "docker tag reg-web:1.1 reg-web:stable"], expect: "`reg-web:1.0` is gone" },
    ],
    translations: {
      ja: {
        title: "タグは動き、ID は動かない",
        goal:
          "`reg-web:stable` は `reg-web:1.0` と同じイメージを指しています。`reg-web:1.1` をリリースしてください。`reg-web:stable` が `reg-web:1.1` のイメージを指すようにし、" +
          "`reg-web:1.0` は、そのバージョンに固定している人のために残します。",
        hints: [
          "タグは、イメージ ID を指す動かせるポインターです。既にある名前をイメージに付けると、その名前が移動します。コピーも削除も起きません。",
          "`docker tag SOURCE TARGET` のソースには、名前に指させたいイメージを指定します。",
          "`docker tag reg-web:1.1 reg-web:stable`",
        ],
        checks: ["`reg-web:stable` が `reg-web:1.1` のイメージを指している", "`reg-web:1.0` が今も古いイメージを指している"],
      },
    },
    checks: [
      {
        description: "`reg-web:stable` names the image of `reg-web:1.1`",
        async run(engine) {
          const tags = await allTags(engine);
          const stable = tags.get("reg-web:stable");
          const v11 = tags.get("reg-web:1.1");
          const v10 = tags.get("reg-web:1.0");
          const released = await builtWith(engine, "echo 1.1 > /version");
          if (!stable)
            return failed(
              "there is no `reg-web:stable` any more: `docker rmi` of a name only removes that name. Point it at the new image with `docker tag`",
              "`reg-web:stable` がなくなっています。名前を指定した `docker rmi` は、その名前を削除するだけです。`docker tag` で新しいイメージを指すようにしてください。",
            );
          if (released && stable === released) return pass;
          if (v11 !== undefined && v11 !== released && v11 === stable) {
            return failed(
              "`reg-web:1.1` and `reg-web:stable` both name the image of `reg-web:1.0` now, and the 1.1 build has no name: " +
                "`docker tag SOURCE TARGET` moves the name TARGET, so this tagged the wrong way round. Tag the 1.1 build (find it with `docker images`) as `reg-web:1.1` again",
              "`reg-web:1.1` と `reg-web:stable` がどちらも `reg-web:1.0` のイメージを指していて、1.1 のビルドには名前がありません。" +
                "`docker tag SOURCE TARGET` が動かすのは TARGET の名前なので、向きが逆でした。1.1 のビルド（`docker images` で探せます）に、もう一度 `reg-web:1.1` という名前を付けてください。",
            );
          }
          if (stable === v10) return failed("`reg-web:stable` still names the image of `reg-web:1.0`", "`reg-web:stable` は今も `reg-web:1.0` のイメージを指しています。");
          const aka = await alsoKnownAs(engine, stable, "reg-web:stable");
          return failed(
            `\`reg-web:stable\` names ${aka.en}, not the image of \`reg-web:1.1\``,
            `\`reg-web:stable\` が指しているのは ${aka.ja}で、\`reg-web:1.1\` のイメージではありません。`,
          );
        },
      },
      {
        description: "`reg-web:1.0` still names the old image",
        async run(engine) {
          const tags = await allTags(engine);
          const v10 = tags.get("reg-web:1.0");
          if (!v10)
            return failed(
              "`reg-web:1.0` is gone: whoever pinned `1.0` can no longer get it. Moving `stable` needs no removal",
              "`reg-web:1.0` がなくなっています。`1.0` に固定していた人は、もう取得できません。`stable` を動かすのに削除は要りません。",
            );
          if (v10 === tags.get("reg-web:1.1"))
            return failed(
              "`reg-web:1.0` now names the same image as `reg-web:1.1`: a released version's tag should not move",
              "`reg-web:1.0` が `reg-web:1.1` と同じイメージを指しています。リリースしたバージョンのタグは動かすべきではありません。",
            );
          return pass;
        },
      },
    ],
    real: true,
  },
  {
    id: "registries/push-private",
    title: "Push to a private registry",
    goal:
      "A private registry (the container `reg-registry`, from `registry:2`) listens on `localhost:5000`. Push the image `reg-app:dev` to it, " +
      "in the repository `team/reg-app` with the tag `1.0`, so that your engine records the digest the registry gave it.",
    setup: [
      { file: "app/Dockerfile", content: APP_V1 },
      { docker: ["build", "-t", "reg-app:dev", "app"] },
      { docker: ["run", "-d", "--name", "reg-registry", "-p", "5000:5000", "registry:2"] },
    ],
    hints: [
      "`docker push NAME` sends the image to the registry named at the start of NAME, so the image first needs a name that starts with `localhost:5000/`.",
      "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0`, then push that name. After a push, `docker image inspect -f '{{.RepoDigests}}'` shows `repository@sha256:...`.",
      "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0` and `docker push localhost:5000/team/reg-app:1.0`",
    ],
    solution: ["docker tag reg-app:dev localhost:5000/team/reg-app:1.0", "docker push localhost:5000/team/reg-app:1.0"],
    wrong: [
      { commands: ["docker tag reg-app:dev localhost:5000/team/reg-app:1.0"], expect: "has not been pushed" },
      { commands: ["docker push reg-app:dev"], expect: "no image is named `localhost:5000/team/reg-app:1.0`" },
    ],
    translations: {
      ja: {
        title: "プライベートレジストリに push する",
        goal:
          "プライベートレジストリ（`registry:2` から作ったコンテナ `reg-registry`）が `localhost:5000` で待ち受けています。イメージ `reg-app:dev` を、リポジトリ `team/reg-app`、" +
          "タグ `1.0` でそこへ push し、レジストリが付けたダイジェストがエンジンに記録されるようにしてください。",
        hints: [
          "`docker push NAME` は NAME の先頭にあるレジストリにイメージを送ります。そのため、まずイメージに `localhost:5000/` で始まる名前を付ける必要があります。",
          "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0` の後、その名前を push します。push した後は、`docker image inspect -f '{{.RepoDigests}}'` に `repository@sha256:...` が表示されます。",
          "`docker tag reg-app:dev localhost:5000/team/reg-app:1.0` と `docker push localhost:5000/team/reg-app:1.0` を実行します。",
        ],
        checks: ["`localhost:5000/team/reg-app:1.0` が `reg-app:dev` のイメージを指している", "`localhost:5000` のレジストリにイメージがある（エンジンがそのダイジェストを記録した）"],
      },
    },
    checks: [
      {
        description: "`localhost:5000/team/reg-app:1.0` names the image of `reg-app:dev`",
        async run(engine) {
          const dev = await engine.image("reg-app:dev");
          if (!dev) return failedWith(DEV_GONE);
          const want = await engine.image("localhost:5000/team/reg-app:1.0");
          if (!want) {
            return failed(
              "no image is named `localhost:5000/team/reg-app:1.0`: `docker push reg-app:dev` would go to Docker Hub's `docker.io/library/reg-app`, " +
                "so give the image the registry's name first with `docker tag`",
              "`localhost:5000/team/reg-app:1.0` という名前のイメージはありません。`docker push reg-app:dev` では Docker Hub の `docker.io/library/reg-app` に送られてしまうので、" +
                "まず `docker tag` でイメージにレジストリの名前を付けてください。",
            );
          }
          if (want.Id === dev.Id) return pass;
          const aka = await alsoKnownAs(engine, want.Id, "localhost:5000/team/reg-app:1.0");
          return failed(
            `\`localhost:5000/team/reg-app:1.0\` names ${aka.en}, not the image of \`reg-app:dev\``,
            `\`localhost:5000/team/reg-app:1.0\` が指しているのは ${aka.ja}で、\`reg-app:dev\` のイメージではありません。`,
          );
        },
      },
      {
        description: "the registry at `localhost:5000` has it (the engine recorded its digest)",
        async run(engine) {
          const img = await engine.image("localhost:5000/team/reg-app:1.0");
          if (!img) return failed("no image is named `localhost:5000/team/reg-app:1.0`", "`localhost:5000/team/reg-app:1.0` という名前のイメージはありません。");
          const digests = (img.RepoDigests as string[] | undefined) ?? [];
          if (digests.some((d) => d.startsWith("localhost:5000/team/reg-app@sha256:"))) return pass;
          return failed(
            "`localhost:5000/team/reg-app:1.0` has a name but has not been pushed: its RepoDigests has no `localhost:5000/team/reg-app@sha256:...`. " +
              "A tag only names the image locally; `docker push localhost:5000/team/reg-app:1.0` uploads it",
            "`localhost:5000/team/reg-app:1.0` は名前が付いているだけで、まだ push されていません。RepoDigests に `localhost:5000/team/reg-app@sha256:...` がありません。" +
              "タグはローカルでイメージに名前を付けるだけです。アップロードするのは `docker push localhost:5000/team/reg-app:1.0` です。",
          );
        },
      },
    ],
    real: { reason: "needs the registry:2 image and a running registry, which the offline lab engine does not have" },
  },
]);
