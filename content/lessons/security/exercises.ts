/** Lesson 12 exercises: a least-privilege container, and a secret kept out of an image. */
import type { ContainerInspect } from "../../../simulator/check/engine";
import { defineExercises } from "../../../simulator/check/exercise";
import { container, fail, isResult, pass, running } from "../../lib/checks";

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
    checks: [
      {
        description: "a container named `sec-api` is running",
        async run(engine) {
          const c = await running(engine, "sec-api", "Start it with `docker run -d --name sec-api ... busybox sleep 3600`.");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`sec-api` runs as user 1000, not root",
        async run(engine) {
          const c = await container(engine, "sec-api", "");
          if (isResult(c)) return c;
          const user = c.Config.User;
          if (isRoot(user)) {
            return fail(
              `\`sec-api\` runs as root (Config.User is ${user ? `\`${user}\`` : "empty, so the image's default, root"}): ` +
                "a process that escapes the container would be root on the host too. Remove it and run it again with `--user 1000:1000`",
            );
          }
          if (user.split(":")[0] !== "1000") return fail(`\`sec-api\` runs as user \`${user}\`, expected user 1000 (\`--user 1000:1000\`)`);
          return pass;
        },
      },
      {
        description: "`sec-api` has every capability dropped",
        async run(engine) {
          const c = await container(engine, "sec-api", "");
          if (isResult(c)) return c;
          const d = dropped(c);
          if (d.includes("ALL")) {
            const added = c.HostConfig.CapAdd ?? [];
            return added.length === 0 ? pass : fail(`\`sec-api\` drops ALL but adds back ${added.map((a) => `\`${a}\``).join(", ")}: expected no capabilities at all`);
          }
          if (d.length === 0) return fail("`sec-api` keeps Docker's default capabilities (CHOWN, NET_RAW, SETUID, ...; HostConfig.CapDrop is empty): drop them all with `--cap-drop ALL`");
          return fail(
            `\`sec-api\` drops only ${d.map((x) => `\`${x}\``).join(", ")} and keeps the rest of Docker's default capabilities ` +
              "(CHOWN, SETUID, KILL, ...): `--cap-drop ALL` removes every one",
          );
        },
      },
      {
        description: "`sec-api` has a read-only root filesystem",
        async run(engine) {
          const c = await container(engine, "sec-api", "");
          if (isResult(c)) return c;
          return c.HostConfig.ReadonlyRootfs
            ? pass
            : fail("`sec-api`'s root filesystem is writable (HostConfig.ReadonlyRootfs is false): an intruder could change its programs. Run it with `--read-only`");
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
    checks: [
      {
        description: "the image `sec-app:1` exists",
        async run(engine) {
          return (await engine.image("sec-app:1")) ? pass : fail("there is no image `sec-app:1`: build it with `docker build -t sec-app:1 app`");
        },
      },
      {
        description: `\`sec-app:1\`'s config holds no \`${SECRET}\``,
        async run(engine) {
          const img = await engine.image("sec-app:1");
          if (!img) return fail("there is no image `sec-app:1`");
          const leaks = [...(img.Config.Env ?? []), ...(img.Config.Cmd ?? []), ...(img.Config.Entrypoint ?? []), ...Object.values(img.Config.Labels ?? {})].filter((v) =>
            v.includes(SECRET),
          );
          if (leaks.length === 0) return pass;
          return fail(
            `\`sec-app:1\` has \`${leaks[0]}\` in its config, for anyone with the image to read (\`docker image inspect\`): ` +
              "remove the ENV line from app/Dockerfile and build again",
          );
        },
      },
      {
        description: `\`sec-app:1\`'s history holds no \`${SECRET}\``,
        async run(engine) {
          const hist = await engine.history("sec-app:1");
          if (!hist) return fail("there is no image `sec-app:1`");
          const leak = hist.find((h) => h.CreatedBy.includes(SECRET));
          if (!leak) return pass;
          const why = /\bENV\b/.test(leak.CreatedBy)
            ? "every ENV instruction is written into the image's history"
            : "a build argument a RUN step uses is written into the image's history";
          return fail(
            `\`sec-app:1\`'s history records \`${leak.CreatedBy.trim()}\`: ${why} ` +
              "(`docker history --no-trunc`). The image does not need the token: give it to the container at run time",
          );
        },
      },
      {
        description: `a container \`sec-run\` from \`sec-app:1\` is running with \`API_TOKEN=${SECRET}\``,
        async run(engine) {
          const c = await running(engine, "sec-run", "Start it with `docker run -d --name sec-run -e ... sec-app:1`.");
          if (isResult(c)) return c;
          const img = await engine.image("sec-app:1");
          if (!img || img.Id !== c.Image) return fail(`container \`sec-run\` was made from \`${c.Config.Image}\`, not from the current \`sec-app:1\`: remove it and run it again`);
          const env = c.Config.Env ?? [];
          if (env.includes(`API_TOKEN=${SECRET}`)) return pass;
          const other = env.find((e) => e.startsWith("API_TOKEN="));
          if (other) return fail(`container \`sec-run\` has \`${other}\`, expected \`API_TOKEN=${SECRET}\``);
          return fail(`container \`sec-run\` has no \`API_TOKEN\` in its environment: give it at run time with \`-e API_TOKEN=${SECRET}\``);
        },
      },
    ],
    real: true,
  },
]);
