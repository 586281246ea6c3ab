/** Lesson 4 exercises: a full image name (registry/repository:tag), and layers told from history rows. */
import type { CheckEngine } from "../../../simulator/check/engine";
import { defineExercises } from "../../../simulator/check/exercise";
import { fail, image, isResult, pass, tagsOf } from "../../lib/checks";

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
    checks: [
      {
        description: `\`${TARGET}\` names the same image as \`busybox:latest\``,
        async run(engine) {
          const bb = await image(engine, "busybox:latest", "The exercise's reset brings it back.");
          if (isResult(bb)) return bb;
          const target = await engine.image(TARGET);
          if (target) return target.Id === bb.Id ? pass : fail(`\`${TARGET}\` names image ${target.Id.slice(7, 19)}, not \`busybox:latest\` (${bb.Id.slice(7, 19)})`);
          const names = (await tagsOf(engine, bb.Id)).filter((t) => t !== "busybox:latest");
          if (names.includes("registry.example.com/lab/tools:latest")) {
            return fail("`busybox:latest` is also named `registry.example.com/lab/tools:latest`: without a tag, Docker uses `latest`. Add `:1.0`");
          }
          const hub = names.find((n) => /^(docker\.io\/)?lab\/tools(:|$)/.test(n));
          if (hub) {
            return fail(
              `\`busybox:latest\` is also named \`${hub}\`, but a name without a registry host means Docker Hub ` +
                "(`docker.io/lab/tools`). Put the registry's host first: `registry.example.com/lab/tools:1.0`",
            );
          }
          const also = names.length ? `its other names are ${names.map((n) => `\`${n}\``).join(", ")}` : "it has no other name";
          return fail(`there is no image \`${TARGET}\`: ${also}`);
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
    checks: [
      {
        description: "`il-app:1` has a tag `il-app:layers-N` with N its number of layers",
        async run(engine) {
          const app = await image(engine, "il-app:1", "The exercise's reset builds it again.");
          if (isResult(app)) return app;
          const layers = app.RootFS.Layers.length;
          const guesses = await layerGuesses(engine, app.Id);
          if (guesses.includes(layers)) return pass;
          if (guesses.length === 0) {
            const tags = (await tagsOf(engine, app.Id)).map((t) => `\`${t}\``).join(", ");
            return fail(`\`il-app:1\` has no tag of the form \`il-app:layers-N\` (its names are ${tags})`);
          }
          const n = guesses[0];
          const history = (await engine.history("il-app:1")) ?? [];
          // the verify mode labels what it builds, which adds one settings-only row
          const ownRows = history.filter((h) => !h.CreatedBy.includes("io.layerlab.verify")).length;
          const rows = n === ownRows ? ownRows : history.length;
          const base = (await engine.image("busybox:latest"))?.RootFS.Layers.length ?? 0;
          if (n === rows) {
            return fail(
              `\`il-app:layers-${n}\` counts every row of \`docker history\` (${rows}). Rows with \`0B\` (ENV, LABEL, EXPOSE, CMD) ` +
                "record a change of settings and add no layer: count the layers in `RootFS.Layers`",
            );
          }
          if (n === layers - base) {
            return fail(
              `\`il-app:layers-${n}\` counts only the layers the Dockerfile added; the image also holds busybox's ` +
                `${base === 1 ? "layer" : `${base} layers`} underneath, which \`RootFS.Layers\` lists first`,
            );
          }
          return fail(`\`il-app:layers-${n}\` is not the number of layers of \`il-app:1\`: count the digests in \`RootFS.Layers\``);
        },
      },
    ],
    real: true,
  },
]);
