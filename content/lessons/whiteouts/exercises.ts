/** Lesson 6 exercises: delete in the same RUN, and a multi-stage build whose final stage starts clean. */
import type { CheckEngine, HistoryItem, ImageInspect } from "../../../simulator/check/engine";
import { defineExercises } from "../../../simulator/check/exercise";
import { container, fail, humanSize, image, isResult, pass } from "../../lib/checks";

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
async function sizeVsBusybox(engine: CheckEngine, img: ImageInspect, name: string): Promise<{ ok: boolean; text: string }> {
  const bb = await engine.image("busybox:latest");
  const base = bb?.Size ?? 0;
  return { ok: img.Size <= base + SLACK, text: `\`${name}\` is ${humanSize(img.Size)}, ${humanSize(img.Size - base)} more than \`busybox\`` };
}

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
    checks: [
      {
        description: "the image `wh-app:slim` exists",
        async run(engine) {
          const img = await image(engine, "wh-app:slim", "Build it with `docker build -t wh-app:slim wh-app`.");
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
          const where = big ? `: the layer of \`${big.CreatedBy.replace(/ # buildkit$/, "")}\` still holds ${humanSize(big.Size)}` : "";
          const why = removed ? "; the later `rm` only added a whiteout, which hides the file and saves nothing" : "";
          return fail(`${size.text}${where}${why}. Create, use and delete the file in one \`RUN\``);
        },
      },
      {
        description: "a container `wh-check` of `wh-app:slim` printed `3000000` from /size.txt",
        async run(engine) {
          const img = await image(engine, "wh-app:slim", "");
          if (isResult(img)) return img;
          const c = await container(engine, "wh-check", "Run it with `docker run --name wh-check wh-app:slim cat /size.txt`.");
          if (isResult(c)) return c;
          if (c.Image !== img.Id) return fail("`wh-check` was made from another image than the current `wh-app:slim`: remove it (`docker rm wh-check`) and run it again");
          const size = await engine.readFile("wh-check", "/size.txt");
          if (size === null) return fail("`wh-app:slim` has no /size.txt: keep the `wc -c` step, just in the same `RUN` as the rest");
          return size.trim() === "3000000" ? pass : fail(`/size.txt in \`wh-app:slim\` says ${JSON.stringify(size.trim())}, expected 3000000`);
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
    checks: [
      {
        description: "the image `wh-tool:2` exists",
        async run(engine) {
          const img = await image(engine, "wh-tool:2", "Build it with `docker build -t wh-tool:2 wh-tool`.");
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
          const step = toolchain ? `\`${toolchain.CreatedBy.replace(/ # buildkit$/, "")}\` (${humanSize(toolchain.Size)})` : "the toolchain step";
          if (cleaned) {
            return fail(`${size.text}: its layers still include ${step}, and the \`rm /toolchain\` step only hides it with a whiteout. Start the final stage from a clean base instead`);
          }
          return fail(`${size.text}: its layers include ${step} of the build stage, because the final stage starts \`FROM build\` and inherits every layer of it. Start the final stage \`FROM busybox\``);
        },
      },
      {
        description: "`wh-tool:2` runs `sh /hello` by default",
        async run(engine) {
          const img = await image(engine, "wh-tool:2", "");
          if (isResult(img)) return img;
          const cmd = [...(img.Config.Entrypoint ?? []), ...(img.Config.Cmd ?? [])];
          if (cmd.join(" ") === "sh /hello") return pass;
          return fail(`\`wh-tool:2\` runs \`${cmd.join(" ")}\` by default, expected \`sh /hello\`: keep the \`CMD\` in the final stage (settings are not inherited from a stage you only copy from)`);
        },
      },
      {
        description: "the final stage copies /hello from the build stage",
        async run(engine) {
          const rows = await ownHistory(engine, "wh-tool:2");
          if (rows.some((r) => /\bCOPY\b/.test(r.CreatedBy) && r.CreatedBy.includes("/hello"))) return pass;
          return fail("`wh-tool:2` has no step that copies /hello: keep `COPY --from=build /hello /hello` in the final stage");
        },
      },
    ],
    real: true,
  },
]);
