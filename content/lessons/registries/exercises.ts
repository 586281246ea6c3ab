/** Lesson 13 exercises: a full image reference for a private registry, and a tag moved to another image. */
import type { CheckEngine } from "../../../simulator/check/engine";
import { defineExercises } from "../../../simulator/check/exercise";
import { fail, pass, tagsOf } from "../../lib/checks";

/** Every tag of every image, with the image ID it names. */
async function allTags(engine: CheckEngine): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const img of await engine.images()) for (const t of img.RepoTags ?? []) if (t !== "<none>:<none>") out.set(t, img.Id);
  return out;
}

/** What other names the image has, for messages ("also `reg-app:dev`"). */
async function alsoKnownAs(engine: CheckEngine, id: string, except: string): Promise<string> {
  const names = (await tagsOf(engine, id)).filter((t) => t !== except);
  return names.length ? `the image also named ${names.map((t) => `\`${t}\``).join(", ")}` : `an untagged image (${id.slice(7, 19)})`;
}

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
    checks: [
      {
        description: "`localhost:5000/team/reg-app:1.0` names the image of `reg-app:dev`",
        async run(engine) {
          const dev = await engine.image("reg-app:dev");
          if (!dev) return fail("there is no image `reg-app:dev` any more: reset the exercise to build it again");
          const tags = await allTags(engine);
          const want = "localhost:5000/team/reg-app:1.0";
          const id = tags.get(want);
          if (id === dev.Id) return pass;
          if (id) return fail(`\`${want}\` names ${await alsoKnownAs(engine, id, want)}, not the image of \`reg-app:dev\`: \`docker tag\` moves the name to the image you give first`);
          const near = [...tags.keys()].filter((t) => t.includes("reg-app") && t !== "reg-app:dev");
          const hub = near.find((t) => !t.startsWith("localhost:5000/"));
          if (hub) {
            return fail(
              `the image is named \`${hub}\`, which has no registry host, so \`docker push\` would send it to Docker Hub as \`docker.io/${hub}\`: ` +
                "start the name with `localhost:5000/`",
            );
          }
          const other = near.find((t) => t.startsWith("localhost:5000/"));
          if (other) {
            const tag = other.slice(other.lastIndexOf(":") + 1);
            const repo = other.slice(0, other.lastIndexOf(":"));
            if (repo === "localhost:5000/team/reg-app") return fail(`\`${other}\` has the tag \`${tag}\` (a name without a tag gets \`latest\`): expected the tag \`1.0\``);
            return fail(`the image is named \`${other}\`, expected the repository \`team/reg-app\` on \`localhost:5000\` with the tag \`1.0\``);
          }
          return fail(`no image is named \`${want}\`; \`reg-app:dev\` has the names ${(await tagsOf(engine, dev.Id)).map((t) => `\`${t}\``).join(", ")}`);
        },
      },
      {
        description: "`reg-app:dev` still exists",
        async run(engine) {
          return (await engine.image("reg-app:dev")) ? pass : fail("`reg-app:dev` is gone: `docker tag` adds a name, there was no need to remove the old one");
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
    checks: [
      {
        description: "`reg-web:stable` names the image of `reg-web:1.1`",
        async run(engine) {
          const tags = await allTags(engine);
          const stable = tags.get("reg-web:stable");
          const v11 = tags.get("reg-web:1.1");
          const v10 = tags.get("reg-web:1.0");
          const released = await builtWith(engine, "echo 1.1 > /version");
          if (!stable) return fail("there is no `reg-web:stable` any more: `docker rmi` of a name only removes that name. Point it at the new image with `docker tag`");
          if (released && stable === released) return pass;
          if (v11 !== undefined && v11 !== released && v11 === stable) {
            return fail(
              "`reg-web:1.1` and `reg-web:stable` both name the image of `reg-web:1.0` now, and the 1.1 build has no name: " +
                "`docker tag SOURCE TARGET` moves the name TARGET, so this tagged the wrong way round. Tag the 1.1 build (find it with `docker images`) as `reg-web:1.1` again",
            );
          }
          if (stable === v10) return fail("`reg-web:stable` still names the image of `reg-web:1.0`");
          return fail(`\`reg-web:stable\` names ${await alsoKnownAs(engine, stable, "reg-web:stable")}, not the image of \`reg-web:1.1\``);
        },
      },
      {
        description: "`reg-web:1.0` still names the old image",
        async run(engine) {
          const tags = await allTags(engine);
          const v10 = tags.get("reg-web:1.0");
          if (!v10) return fail("`reg-web:1.0` is gone: whoever pinned `1.0` can no longer get it. Moving `stable` needs no removal");
          if (v10 === tags.get("reg-web:1.1")) return fail("`reg-web:1.0` now names the same image as `reg-web:1.1`: a released version's tag should not move");
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
    checks: [
      {
        description: "`localhost:5000/team/reg-app:1.0` names the image of `reg-app:dev`",
        async run(engine) {
          const dev = await engine.image("reg-app:dev");
          if (!dev) return fail("there is no image `reg-app:dev` any more: reset the exercise to build it again");
          const want = await engine.image("localhost:5000/team/reg-app:1.0");
          if (!want) {
            return fail(
              "no image is named `localhost:5000/team/reg-app:1.0`: `docker push reg-app:dev` would go to Docker Hub's `docker.io/library/reg-app`, " +
                "so give the image the registry's name first with `docker tag`",
            );
          }
          return want.Id === dev.Id ? pass : fail(`\`localhost:5000/team/reg-app:1.0\` names ${await alsoKnownAs(engine, want.Id, "localhost:5000/team/reg-app:1.0")}, not the image of \`reg-app:dev\``);
        },
      },
      {
        description: "the registry at `localhost:5000` has it (the engine recorded its digest)",
        async run(engine) {
          const img = await engine.image("localhost:5000/team/reg-app:1.0");
          if (!img) return fail("no image is named `localhost:5000/team/reg-app:1.0`");
          const digests = (img.RepoDigests as string[] | undefined) ?? [];
          if (digests.some((d) => d.startsWith("localhost:5000/team/reg-app@sha256:"))) return pass;
          return fail(
            "`localhost:5000/team/reg-app:1.0` has a name but has not been pushed: its RepoDigests has no `localhost:5000/team/reg-app@sha256:...`. " +
              "A tag only names the image locally; `docker push localhost:5000/team/reg-app:1.0` uploads it",
          );
        },
      },
    ],
    real: { reason: "needs the registry:2 image and a running registry, which the offline lab engine does not have" },
  },
]);
