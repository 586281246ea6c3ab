/** Lesson 12 exercises: a least-privilege container, and a secret kept out of an image. */
import type { ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises, failed, failedWith, type Said } from "../../../simulator/check/exercise";
import { container, isResult, pass, running } from "../../lib/checks";

const NO_HINT: Said = { en: "", ja: "" };

/** Whether a `--user` value means root (empty, 0, root, with or without a group). */
function isRoot(user: string): boolean {
  const u = user.split(":")[0];
  return u === "" || u === "0" || u === "root";
}

/** The capabilities dropped, upper-case and without the CAP_ prefix. */
function dropped(c: ContainerInspect): string[] {
  return (c.HostConfig.CapDrop ?? []).map((x) => x.toUpperCase().replace(/^CAP_/, ""));
}

const SECRET = "s3cr3t";

const NO_IMAGE: Said = { en: "there is no image `sec-app:1`", ja: "イメージ `sec-app:1` がありません。" };

const LEAKY_DOCKERFILE = `FROM busybox
ENV API_TOKEN=${SECRET}
CMD ["sleep", "3600"]
`;

export default defineExercises([
  {
    id: "security/least-privilege",
    title: "A container with as little power as possible",
    goal:
      "Start a container named `sec-api` from `busybox`, kept running with `sleep 3600`, whose process runs as user 1000 (group 1000) rather than root, " +
      "with every capability dropped and a read-only root filesystem.",
    setup: [],
    hints: [
      "Three options of `docker run`: one for the user, one for capabilities, one for the root filesystem.",
      "`--user 1000:1000` picks the user; `--cap-drop ALL` removes every capability, including those Docker grants by default; `--read-only` mounts the container's root filesystem read-only.",
      "`docker run -d --name sec-api --user 1000:1000 --cap-drop ALL --read-only busybox sleep 3600`",
    ],
    solution: ["docker run -d --name sec-api --user 1000:1000 --cap-drop ALL --read-only busybox sleep 3600"],
    wrong: [
      { commands: ["docker run -d --name sec-api --cap-drop ALL --read-only busybox sleep 3600"], expect: "runs as root" },
      { commands: ["docker run -d --name sec-api --user 1000:1000 --cap-drop NET_RAW --read-only busybox sleep 3600"], expect: "keeps the rest of Docker's default capabilities" },
      { commands: ["docker run -d --name sec-api --user 1000:1000 --cap-drop ALL busybox sleep 3600"], expect: "root filesystem is writable" },
      { commands: ["docker run -d --name sec-api --user 1000:1000 --cap-drop ALL --read-only busybox"], expect: "expected it to be running" },
    ],
    translations: {
      ja: {
        title: "できるだけ権限の少ないコンテナ",
        goal:
          "`busybox` から `sec-api` という名前のコンテナを起動し、`sleep 3600` で動かし続けてください。そのプロセスは root ではなくユーザー 1000（グループ 1000）で動かし、" +
          "ケーパビリティはすべて削り、ルートファイルシステムは読み取り専用にします。",
        hints: [
          "`docker run` のオプションを 3 つ使います。ユーザー、ケーパビリティ、ルートファイルシステムにそれぞれ 1 つずつです。",
          "`--user 1000:1000` でユーザーを選びます。`--cap-drop ALL` は Docker がデフォルトで与えるものも含めてすべてのケーパビリティを削り、`--read-only` はコンテナのルートファイルシステムを読み取り専用でマウントします。",
          "`docker run -d --name sec-api --user 1000:1000 --cap-drop ALL --read-only busybox sleep 3600`",
        ],
        checks: [
          "`sec-api` という名前のコンテナが実行中である",
          "`sec-api` が root ではなくユーザー 1000 で動いている",
          "`sec-api` のケーパビリティがすべて削られている",
          "`sec-api` のルートファイルシステムが読み取り専用である",
        ],
      },
    },
    checks: [
      {
        description: "a container named `sec-api` is running",
        async run(engine) {
          const c = await running(engine, "sec-api", {
            en: "Start it with `docker run -d --name sec-api ... busybox sleep 3600`.",
            ja: "`docker run -d --name sec-api ... busybox sleep 3600` で起動してください。",
          });
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`sec-api` runs as user 1000, not root",
        async run(engine) {
          const c = await container(engine, "sec-api", NO_HINT);
          if (isResult(c)) return c;
          const user = c.Config.User;
          if (isRoot(user)) {
            return failed(
              `\`sec-api\` runs as root (Config.User is ${user ? `\`${user}\`` : "empty, so the image's default, root"}): ` +
                "a process that escapes the container would be root on the host too. Remove it and run it again with `--user 1000:1000`",
              `\`sec-api\` は root で動いています（Config.User が${user ? ` \`${user}\`` : "空、つまりイメージのデフォルトの root"}）。` +
                "コンテナから抜け出したプロセスは、ホスト上でも root になります。コンテナを削除し、`--user 1000:1000` を付けて起動し直してください。",
            );
          }
          if (user.split(":")[0] !== "1000") return failed(
              `\`sec-api\` runs as user \`${user}\`, expected user 1000 (\`--user 1000:1000\`)`,
              `\`sec-api\` はユーザー \`${user}\` で動いています。ユーザー 1000 で動かしてください（\`--user 1000:1000\`）。`,
            );
          return pass;
        },
      },
      {
        description: "`sec-api` has every capability dropped",
        async run(engine) {
          const c = await container(engine, "sec-api", NO_HINT);
          if (isResult(c)) return c;
          const d = dropped(c);
          if (d.includes("ALL")) {
            const added = c.HostConfig.CapAdd ?? [];
            if (added.length === 0) return pass;
            return failed(
              `\`sec-api\` drops ALL but adds back ${added.map((a) => `\`${a}\``).join(", ")}: expected no capabilities at all`,
              `\`sec-api\` は ALL を削っていますが、${added.map((a) => `\`${a}\``).join("、")} を加え直しています。ケーパビリティは 1 つも残さないでください。`,
            );
          }
          if (d.length === 0)
            return failed(
              "`sec-api` keeps Docker's default capabilities (CHOWN, NET_RAW, SETUID, ...; HostConfig.CapDrop is empty): drop them all with `--cap-drop ALL`",
              "`sec-api` は Docker のデフォルトのケーパビリティ（CHOWN、NET_RAW、SETUID など。HostConfig.CapDrop は空です）を持ったままです。`--cap-drop ALL` ですべて削ってください。",
            );
          return failed(
            `\`sec-api\` drops only ${d.map((x) => `\`${x}\``).join(", ")} and keeps the rest of Docker's default capabilities ` +
              "(CHOWN, SETUID, KILL, ...): `--cap-drop ALL` removes every one",
            `\`sec-api\` が削っているのは ${d.map((x) => `\`${x}\``).join("、")} だけで、Docker のデフォルトのケーパビリティの残り（CHOWN、SETUID、KILL など）は持ったままです。` +
              "`--cap-drop ALL` ならすべて削れます。",
          );
        },
      },
      {
        description: "`sec-api` has a read-only root filesystem",
        async run(engine) {
          const c = await container(engine, "sec-api", NO_HINT);
          if (isResult(c)) return c;
          return c.HostConfig.ReadonlyRootfs
            ? pass
            : failed(
                "`sec-api`'s root filesystem is writable (HostConfig.ReadonlyRootfs is false): an intruder could change its programs. Run it with `--read-only`",
                "`sec-api` のルートファイルシステムは書き込み可能です（HostConfig.ReadonlyRootfs が false）。侵入者がプログラムを書き換えられてしまいます。`--read-only` を付けて起動してください。",
              );
        },
      },
    ],
    real: true,
  },
  {
    id: "security/secret-at-runtime",
    title: "Keep the token out of the image",
    goal:
      `\`app/Dockerfile\` bakes the token \`${SECRET}\` into the image with ENV. Change it so that the image \`sec-app:1\` built from \`app/\` holds the token ` +
      `nowhere (neither in its config nor in its history), and start a container \`sec-run\` from \`sec-app:1\` that gets \`API_TOKEN=${SECRET}\` only when it is run.`,
    setup: [{ file: "app/Dockerfile", content: LEAKY_DOCKERFILE }],
    hints: [
      "Anyone who can pull an image can read its config (`docker image inspect`) and its history (`docker history --no-trunc`). ENV lands in the config, and a build argument used by a RUN lands in the history.",
      "The image does not need the token at all: remove the ENV line, build, and give the value to the container with `docker run -e`.",
      `\`printf 'FROM busybox\\nCMD ["sleep", "3600"]\\n' > app/Dockerfile\`, \`docker build -t sec-app:1 app\`, then \`docker run -d --name sec-run -e API_TOKEN=${SECRET} sec-app:1\``,
    ],
    solution: [
      `printf 'FROM busybox\\nCMD ["sleep", "3600"]\\n' > app/Dockerfile`,
      "docker build -t sec-app:1 app",
      `docker run -d --name sec-run -e API_TOKEN=${SECRET} sec-app:1`,
    ],
    wrong: [
      { commands: ["docker build -t sec-app:1 app", "docker run -d --name sec-run sec-app:1"], expect: "in its config" },
      {
        commands: [
          `printf 'FROM busybox\\nARG API_TOKEN\\nRUN test -n "$API_TOKEN"\\nCMD ["sleep", "3600"]\\n' > app/Dockerfile`,
          `docker build -t sec-app:1 --build-arg API_TOKEN=${SECRET} app`,
          `docker run -d --name sec-run -e API_TOKEN=${SECRET} sec-app:1`,
        ],
        expect: "history",
      },
      {
        commands: [`printf 'FROM busybox\\nCMD ["sleep", "3600"]\\n' > app/Dockerfile`, "docker build -t sec-app:1 app", "docker run -d --name sec-run sec-app:1"],
        expect: "has no `API_TOKEN`",
      },
    ],
    translations: {
      ja: {
        title: "トークンをイメージに入れない",
        goal:
          `\`app/Dockerfile\` は ENV でトークン \`${SECRET}\` をイメージに焼き込んでいます。\`app/\` からビルドしたイメージ \`sec-app:1\` のどこにも（設定にも履歴にも）トークンが残らないように書き換えてください。` +
          `そのうえで \`sec-app:1\` からコンテナ \`sec-run\` を起動し、\`API_TOKEN=${SECRET}\` は実行時にだけ渡してください。`,
        hints: [
          "イメージを pull できる人なら誰でも、その設定（`docker image inspect`）と履歴（`docker history --no-trunc`）を読めます。ENV は設定に残り、RUN が使うビルド引数は履歴に残ります。",
          "イメージにトークンはまったく必要ありません。ENV の行を消してビルドし、値は `docker run -e` でコンテナに渡します。",
          `\`printf 'FROM busybox\\nCMD ["sleep", "3600"]\\n' > app/Dockerfile\`、\`docker build -t sec-app:1 app\` の後、\`docker run -d --name sec-run -e API_TOKEN=${SECRET} sec-app:1\` を実行します。`,
        ],
        checks: [
          "イメージ `sec-app:1` がある",
          `\`sec-app:1\` の設定に \`${SECRET}\` が含まれていない`,
          `\`sec-app:1\` の履歴に \`${SECRET}\` が含まれていない`,
          `\`sec-app:1\` から作ったコンテナ \`sec-run\` が \`API_TOKEN=${SECRET}\` 付きで実行中である`,
        ],
      },
    },
    checks: [
      {
        description: "the image `sec-app:1` exists",
        async run(engine) {
          return (await engine.image("sec-app:1")) ? pass
            : failed(
                "there is no image `sec-app:1`: build it with `docker build -t sec-app:1 app`",
                "イメージ `sec-app:1` がありません。`docker build -t sec-app:1 app` でビルドしてください。",
              );
        },
      },
      {
        description: `\`sec-app:1\`'s config holds no \`${SECRET}\``,
        async run(engine) {
          const img = await engine.image("sec-app:1");
          if (!img) return failedWith(NO_IMAGE);
          const leaks = [...(img.Config.Env ?? []), ...(img.Config.Cmd ?? []), ...(img.Config.Entrypoint ?? []), ...Object.values(img.Config.Labels ?? {})].filter((v) =>
            v.includes(SECRET),
          );
          if (leaks.length === 0) return pass;
          return failed(
            `\`sec-app:1\` has \`${leaks[0]}\` in its config, for anyone with the image to read (\`docker image inspect\`): ` +
              "remove the ENV line from app/Dockerfile and build again",
            `\`sec-app:1\` の設定に \`${leaks[0]}\` が含まれていて、イメージを持っている人なら誰でも読めます（\`docker image inspect\`）。` +
              "app/Dockerfile から ENV の行を消して、ビルドし直してください。",
          );
        },
      },
      {
        description: `\`sec-app:1\`'s history holds no \`${SECRET}\``,
        async run(engine) {
          const hist = await engine.history("sec-app:1");
          if (!hist) return failedWith(NO_IMAGE);
          const leak = hist.find((h) => h.CreatedBy.includes(SECRET));
          if (!leak) return pass;
          const why: Said = /\bENV\b/.test(leak.CreatedBy)
            ? { en: "every ENV instruction is written into the image's history", ja: "ENV 命令はどれもイメージの履歴に書き込まれます" }
            : { en: "a build argument a RUN step uses is written into the image's history", ja: "RUN ステップが使うビルド引数は、イメージの履歴に書き込まれます" };
          return failed(
            `\`sec-app:1\`'s history records \`${leak.CreatedBy.trim()}\`: ${why.en} ` +
              "(`docker history --no-trunc`). The image does not need the token: give it to the container at run time",
            `\`sec-app:1\` の履歴に \`${leak.CreatedBy.trim()}\` が記録されています。${why.ja}` +
              "（`docker history --no-trunc`）。イメージにトークンは必要ありません。実行時にコンテナに渡してください。",
          );
        },
      },
      {
        description: `a container \`sec-run\` from \`sec-app:1\` is running with \`API_TOKEN=${SECRET}\``,
        async run(engine) {
          const c = await running(engine, "sec-run", {
            en: "Start it with `docker run -d --name sec-run -e ... sec-app:1`.",
            ja: "`docker run -d --name sec-run -e ... sec-app:1` で起動してください。",
          });
          if (isResult(c)) return c;
          const img = await engine.image("sec-app:1");
          if (!img || img.Id !== c.Image)
            return failed(
              `container \`sec-run\` was made from \`${c.Config.Image}\`, not from the current \`sec-app:1\`: remove it and run it again`,
              `コンテナ \`sec-run\` は \`${c.Config.Image}\` から作られていて、現在の \`sec-app:1\` から作られたものではありません。削除して起動し直してください。`,
            );
          const env = c.Config.Env ?? [];
          if (env.includes(`API_TOKEN=${SECRET}`)) return pass;
          const other = env.find((e) => e.startsWith("API_TOKEN="));
          if (other)
            return failed(
              `container \`sec-run\` has \`${other}\`, expected \`API_TOKEN=${SECRET}\``,
              `コンテナ \`sec-run\` の環境変数は \`${other}\` です。\`API_TOKEN=${SECRET}\` を渡してください。`,
            );
          return failed(
            `container \`sec-run\` has no \`API_TOKEN\` in its environment: give it at run time with \`-e API_TOKEN=${SECRET}\``,
            `コンテナ \`sec-run\` の環境変数に \`API_TOKEN\` がありません。実行時に \`-e API_TOKEN=${SECRET}\` で渡してください。`,
          );
        },
      },
    ],
    real: true,
  },
]);
