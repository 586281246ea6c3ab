/** Lesson 7 exercises: order a Dockerfile for the cache, and keep a folder out of the context. */
import type { CheckEngine, HistoryItem } from "../../../simulator/check/engine";
import { defineExercises, failed, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };

/** The install step's marker: its output text, which the exercise's Dockerfile prints. */
const INSTALL = "installing";

const NAIVE_DOCKERFILE = [
  "FROM busybox",
  "WORKDIR /app",
  "COPY . .",
  'RUN echo "installing $(wc -l < deps.lock) packages" && sleep 3 && cp deps.lock installed.txt',
  'CMD ["cat", "app.txt"]',
  "",
].join("\n");

const ORDERED_DOCKERFILE = [
  "FROM busybox",
  "WORKDIR /app",
  "COPY deps.lock .",
  'RUN echo "installing $(wc -l < deps.lock) packages" && sleep 3 && cp deps.lock installed.txt',
  "COPY . .",
  'CMD ["cat", "app.txt"]',
  "",
].join("\n");

/** A shell line that writes `text` to `path` (printf with the newlines escaped). */
function printfTo(path: string, text: string): string {
  return `printf '${text.replace(/\\/g, "\\\\").replace(/%/g, "%%").replace(/\n/g, "\\n").replace(/'/g, "'\\''")}' > ${path}`;
}

/** History rows oldest first (the API lists them newest first). */
async function steps(engine: CheckEngine, ref: string): Promise<HistoryItem[] | null> {
  const h = await engine.history(ref);
  return h ? [...h].reverse() : null;
}

/** Whether a history row is a COPY or ADD, and what it copies in words. */
function copyOf(row: HistoryItem): { all: boolean; text: string } | null {
  const by = row.CreatedBy;
  // BuildKit: "COPY deps.lock . # buildkit"; the legacy builder: "/bin/sh -c #(nop) COPY dir:<sum> in . "
  const m = /(?:^|#\(nop\)\s+)(COPY|ADD)\s+(.*?)(?:\s+# buildkit)?\s*$/.exec(by);
  if (!m) return null;
  const text = `${m[1]} ${m[2]}`;
  const words = m[2].split(/\s+/).filter((w) => !w.startsWith("--"));
  const sources = words.slice(0, -1);
  const all = sources.some((s) => s === "." || s === "./" || s.startsWith("dir:"));
  return { all, text };
}

const installIndex = (rows: HistoryItem[]) => rows.findIndex((r) => r.CreatedBy.includes(INSTALL) && !copyOf(r));

const BIG_LOG = "GET /index.html HTTP/1.1 200 612\n".repeat(12_000);

/** Whole kilobytes or megabytes, for messages. */
function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${Math.round(bytes / 1000)} kB`;
}

export default defineExercises([
  {
    id: "build-cache/lockfile-first",
    title: "Install only when the lockfile changes",
    goal:
      "Reorder `api/Dockerfile` so that editing `api/app.txt` does not run the install step again. Build it as `bc-api:1`, change `app.txt`, " +
      "and build again as `bc-api:2`: the second build must take the install step from the cache.",
    setup: [
      { file: "api/deps.lock", content: "left-pad 1.3.0\nis-even 1.0.0\n" },
      { file: "api/app.txt", content: "hello v1\n" },
      { file: "api/Dockerfile", content: NAIVE_DOCKERFILE },
    ],
    hints: [
      "Look at `api/Dockerfile`: `COPY . .` copies `app.txt` before the install step, so any edit to `app.txt` changes that step's input and every step below it runs again.",
      "The install step only reads `deps.lock`. Copy that file alone first, run the install, then copy everything else.",
      "Write the Dockerfile with `COPY deps.lock .`, then the `RUN`, then `COPY . .` (the `printf` line in the lesson does it), then `docker build -t bc-api:1 api`, `echo 'hello v2' > api/app.txt` and `docker build -t bc-api:2 api`.",
    ],
    solution: [
      printfTo("api/Dockerfile", ORDERED_DOCKERFILE),
      "docker build -t bc-api:1 api",
      "echo 'hello v2' > api/app.txt",
      "docker build -t bc-api:2 api",
    ],
    wrong: [
      {
        // the Dockerfile as it was: the change reaches COPY . . and the install below it
        commands: ["docker build -t bc-api:1 api", "echo 'hello v2' > api/app.txt", "docker build -t bc-api:2 api"],
        expect: "comes before the install step",
      },
      {
        // the lockfile copied first, but the rest still copied before the install
        commands: [
          printfTo("api/Dockerfile", NAIVE_DOCKERFILE.replace("COPY . .\n", "COPY deps.lock .\nCOPY . .\n")),
          "docker build -t bc-api:1 api",
          "echo 'hello v2' > api/app.txt",
          "docker build -t bc-api:2 api",
        ],
        expect: "`COPY . .` comes before the install step",
      },
      {
        // bc-api:1 built before the Dockerfile was reordered: the first ordered build runs the install
        commands: ["docker build -t bc-api:1 api", printfTo("api/Dockerfile", ORDERED_DOCKERFILE), "echo 'hello v2' > api/app.txt", "docker build -t bc-api:2 api"],
        expect: "ran again instead of coming from the cache",
      },
      {
        // the right Dockerfile, but nothing changed between the two builds
        commands: [printfTo("api/Dockerfile", ORDERED_DOCKERFILE), "docker build -t bc-api:1 api", "docker build -t bc-api:2 api"],
        expect: "are the same image",
      },
    ],
    translations: {
      ja: {
        title: "ロックファイルが変わったときだけインストールする",
        goal:
          "`api/app.txt` を編集してもインストールのステップが再実行されないように、`api/Dockerfile` を並べ替えてください。`bc-api:1` としてビルドし、`app.txt` を変更してから、" +
          "もう一度 `bc-api:2` としてビルドします。2 回目のビルドでは、インストールのステップがキャッシュから再利用される必要があります。",
        hints: [
          "`api/Dockerfile` を見てください。`COPY . .` がインストールのステップより前に `app.txt` をコピーしているので、`app.txt` を編集するとそのステップの入力が変わり、その下のステップがすべて再実行されます。",
          "インストールのステップが読むのは `deps.lock` だけです。まずそのファイルだけをコピーしてインストールを実行し、その後で残りをすべてコピーします。",
          "Dockerfile を `COPY deps.lock .`、`RUN`、`COPY . .` の順に書き換え（レッスンの `printf` の行でできます）、`docker build -t bc-api:1 api`、`echo 'hello v2' > api/app.txt`、`docker build -t bc-api:2 api` を実行します。",
        ],
        checks: [
          "イメージ `bc-api:1` と `bc-api:2` がある",
          "`bc-api:2` で、インストールのステップより前にコピーされるのは `deps.lock` だけである",
          "`app.txt` を変更した後の `bc-api:2` で、インストールのステップがキャッシュから再利用された",
        ],
      },
    },
    checks: [
      {
        description: "the images `bc-api:1` and `bc-api:2` exist",
        async run(engine) {
          for (const ref of ["bc-api:1", "bc-api:2"]) {
            if (!(await engine.image(ref)))
              return failed(
                `there is no image \`${ref}\`: build \`api\` as \`bc-api:1\`, change \`app.txt\`, then build it as \`bc-api:2\``,
                `イメージ \`${ref}\` がありません。\`api\` を \`bc-api:1\` としてビルドし、\`app.txt\` を変更してから \`bc-api:2\` としてビルドしてください。`,
              );
          }
          return pass;
        },
      },
      {
        description: "in `bc-api:2`, only `deps.lock` is copied before the install step",
        async run(engine) {
          const rows = await steps(engine, "bc-api:2");
          if (!rows) return failed("there is no image `bc-api:2`", "イメージ `bc-api:2` がありません。");
          const i = installIndex(rows);
          if (i < 0)
            return failed(
              `\`bc-api:2\` has no install step (the \`RUN\` that prints "${INSTALL} ... packages"): keep that line in the Dockerfile`,
              `\`bc-api:2\` にインストールのステップ（"${INSTALL} ... packages" と表示する \`RUN\`）がありません。Dockerfile のその行は残してください。`,
            );
          const before = rows.slice(0, i).map(copyOf).filter((c) => c !== null);
          const everything = before.find((c) => c.all);
          if (everything) {
            return failed(
              `in \`bc-api:2\`, \`${everything.text}\` comes before the install step: it copies \`app.txt\` too, so every edit to \`app.txt\` changes its checksum, and the install below it runs again`,
              `\`bc-api:2\` では、インストールのステップより前に \`${everything.text}\` があります。これは \`app.txt\` もコピーするので、\`app.txt\` を編集するたびにそのチェックサムが変わり、その下のインストールが再実行されます。`,
            );
          }
          if (!before.some((c) => c.text.includes("deps.lock") || c.text.includes("file:"))) {
            return failed(
              "in `bc-api:2`, nothing copies `deps.lock` before the install step, which needs it: add `COPY deps.lock .` above the `RUN`",
              "`bc-api:2` では、インストールのステップより前に `deps.lock` をコピーするものがありません。インストールにはこのファイルが必要です。`RUN` の上に `COPY deps.lock .` を加えてください。",
            );
          }
          return pass;
        },
      },
      {
        description: "`bc-api:2` took the install step from the cache after `app.txt` changed",
        async run(engine) {
          const [one, two] = [await engine.image("bc-api:1"), await engine.image("bc-api:2")];
          if (!one || !two) return failed("build both `bc-api:1` and `bc-api:2`", "`bc-api:1` と `bc-api:2` の両方をビルドしてください。");
          if (one.Id === two.Id)
            return failed(
              "`bc-api:1` and `bc-api:2` are the same image: change `api/app.txt` between the two builds, so that the second build has something new to copy",
              "`bc-api:1` と `bc-api:2` は同じイメージです。2 回のビルドの間に `api/app.txt` を変更して、2 回目のビルドで新しくコピーするものがあるようにしてください。",
            );
          const [r1, r2] = [await steps(engine, "bc-api:1"), await steps(engine, "bc-api:2")];
          const [s1, s2] = [r1 && r1[installIndex(r1)], r2 && r2[installIndex(r2)]];
          if (!s1)
            return failed(
              "`bc-api:1` has no install step: build it from the reordered Dockerfile",
              "`bc-api:1` にインストールのステップがありません。並べ替えた Dockerfile からビルドしてください。",
            );
          if (!s2) return failed("`bc-api:2` has no install step", "`bc-api:2` にインストールのステップがありません。");
          if (s1.Created !== s2.Created || s1.CreatedBy !== s2.CreatedBy) {
            return failed(
              "the install step of `bc-api:2` ran again instead of coming from the cache (its layer is newer than the one in `bc-api:1`): build `bc-api:1` from the reordered Dockerfile too, then change only `app.txt` and build `bc-api:2`",
              "`bc-api:2` のインストールのステップはキャッシュから再利用されず、再実行されています（そのレイヤーは `bc-api:1` のものより新しくなっています）。`bc-api:1` も並べ替えた Dockerfile からビルドし、そのうえで `app.txt` だけを変更して `bc-api:2` をビルドしてください。",
            );
          }
          return pass;
        },
      },
    ],
    real: true,
  },
  {
    id: "build-cache/dockerignore",
    title: "Keep the logs out",
    goal:
      "The folder `site` holds a web page and a `logs` folder of 400 kB. Without changing `site/Dockerfile`, build `bc-site:1` from `site` " +
      "so that `logs` is not part of the build context, and so not part of the image.",
    setup: [
      { file: "site/Dockerfile", content: 'FROM busybox\nWORKDIR /srv\nCOPY . .\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv"]\n' },
      { file: "site/index.html", content: "<h1>Hello from the site</h1>\n" },
      { file: "site/logs/access.log", content: BIG_LOG },
    ],
    hints: [
      "`docker build site` sends the whole `site` folder to the builder, and `COPY . .` copies all of it.",
      "A `.dockerignore` file lists paths to leave out of the context. The builder reads it from the root of the context, that is `site/.dockerignore`.",
      "`printf 'logs\\n' > site/.dockerignore`, then `docker build -t bc-site:1 site`.",
    ],
    solution: ["printf 'logs\\n' > site/.dockerignore", "docker build -t bc-site:1 site"],
    wrong: [
      {
        // .dockerignore where the command is typed, not in the context
        commands: ["printf 'logs\\n' > .dockerignore", "docker build -t bc-site:1 site"],
        expect: "the builder reads `site/.dockerignore`",
      },
      {
        // .gitignore habits: *.log only matches files at the top of the context
        commands: ["printf '*.log\\n' > site/.dockerignore", "docker build -t bc-site:1 site"],
        expect: "matched from the root of the context",
      },
      {
        // deleting in a later step: the files stay in the COPY layer
        commands: [
          "printf 'FROM busybox\\nWORKDIR /srv\\nCOPY . .\\nRUN rm -rf logs\\nCMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/srv\"]\\n' > site/Dockerfile",
          "docker build -t bc-site:1 site",
        ],
        expect: "still in the layer of `COPY . .`",
      },
    ],
    translations: {
      ja: {
        title: "ログを入れない",
        goal:
          "フォルダー `site` には Web ページと 400 kB の `logs` フォルダーがあります。`site/Dockerfile` は変えずに、`logs` がビルドコンテキストに含まれないように（したがってイメージにも含まれないように）" +
          "`site` から `bc-site:1` をビルドしてください。",
        hints: [
          "`docker build site` は `site` フォルダー全体をビルダーに送り、`COPY . .` はそのすべてをコピーします。",
          "`.dockerignore` ファイルには、コンテキストから除くパスを並べます。ビルダーはこれをコンテキストのルート、つまり `site/.dockerignore` から読みます。",
          "`printf 'logs\\n' > site/.dockerignore` の後、`docker build -t bc-site:1 site` を実行します。",
        ],
        checks: ["イメージ `bc-site:1` がある", "`bc-site:1` に 400 kB のログが含まれていない", "`site/Dockerfile` が今も `COPY . .` でフォルダー全体をコピーしている"],
      },
    },
    checks: [
      {
        description: "the image `bc-site:1` exists",
        async run(engine) {
          if (await engine.image("bc-site:1")) return pass;
          return failed(
            "there is no image `bc-site:1`: build it with `docker build -t bc-site:1 site`",
            "イメージ `bc-site:1` がありません。`docker build -t bc-site:1 site` でビルドしてください。",
          );
        },
      },
      {
        description: "`bc-site:1` does not contain the 400 kB of logs",
        async run(engine) {
          const [img, base] = [await engine.image("bc-site:1"), await engine.image("busybox")];
          if (!img || !base) return failed("there is no image `bc-site:1`", "イメージ `bc-site:1` がありません。");
          const extra = img.Size - base.Size;
          if (extra < 100_000) return pass;
          const head = `\`bc-site:1\` is ${size(img.Size)}, ${size(extra)} more than \`busybox\`: the logs went in with \`COPY . .\``;
          const headJa = `\`bc-site:1\` は ${size(img.Size)} で、\`busybox\` より ${size(extra)} 大きくなっています。ログが \`COPY . .\` で入り込んでいます`;
          const rows = (await steps(engine, "bc-site:1")) ?? [];
          if (rows.some((r) => /\brm\b/.test(r.CreatedBy) && !copyOf(r))) {
            return failed(
              `${head}. Deleting them in a later \`RUN\` hides them, but they are still in the layer of \`COPY . .\` below it: keep them out of the context instead`,
              `${headJa}。後の \`RUN\` で削除しても見えなくなるだけで、ログはその下の \`COPY . .\` のレイヤーに残っています。代わりにコンテキストから除いてください。`,
            );
          }
          const inContext = await engine.hostFile("site/.dockerignore");
          const here = await engine.hostFile(".dockerignore");
          if (inContext === null && here !== null) {
            return failed(
              `${head}. There is a \`.dockerignore\` in your working folder, but the build context is \`site\`: the builder reads \`site/.dockerignore\``,
              `${headJa}。作業フォルダーに \`.dockerignore\` がありますが、ビルドコンテキストは \`site\` です。ビルダーが読むのは \`site/.dockerignore\` です。`,
            );
          }
          if (inContext !== null) {
            const patterns = inContext.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
            return failed(
              `${head}. \`site/.dockerignore\` (${patterns.map((p) => `\`${p}\``).join(", ") || "empty"}) does not exclude them: its patterns are matched from the root of the context, so \`*.log\` matches only files at the top; \`logs\` (or \`**/*.log\`) reaches into the folder`,
              `${headJa}。\`site/.dockerignore\`（${patterns.map((p) => `\`${p}\``).join("、") || "空"}）はログを除外していません。パターンはコンテキストのルートから照合されるので、\`*.log\` が一致するのは最上位にあるファイルだけです。\`logs\`（または \`**/*.log\`）ならフォルダーの中まで届きます。`,
            );
          }
          return failed(
            `${head}. Add a \`.dockerignore\` to \`site\` that names \`logs\``,
            `${headJa}。\`logs\` を書いた \`.dockerignore\` を \`site\` に加えてください。`,
          );
        },
      },
      {
        description: "`site/Dockerfile` still copies the whole folder with `COPY . .`",
        async run(engine) {
          const df = await engine.hostFile("site/Dockerfile");
          if (df === null) return failed("`site/Dockerfile` is missing", "`site/Dockerfile` がありません。");
          if (/^COPY\s+\.\s+\.\s*$/m.test(df)) return pass;
          return failed(
            "`site/Dockerfile` no longer has `COPY . .`: leave the Dockerfile as it was and keep the logs out with `.dockerignore`",
            "`site/Dockerfile` から `COPY . .` がなくなっています。Dockerfile は元のままにして、ログは `.dockerignore` で除いてください。",
          );
        },
      },
    ],
    real: true,
  },
]);
