/** Lesson 9 exercises: flatten a container, commit with a command, move images as one archive. */
import type { CheckEngine, ContainerInspect, ImageInspect } from "../../../simulator/check/engine";
import { defineExercises, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };
const fail = (message: string): CheckResult => ({ pass: false, message });

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

async function image(engine: CheckEngine, ref: string, hint: string): Promise<ImageInspect | CheckResult> {
  return (await engine.image(ref)) ?? fail(`there is no image \`${ref}\`: ${hint}`);
}

const isResult = (v: ImageInspect | CheckResult): v is CheckResult => "pass" in v;

/** The tags an image ID has, for messages. */
async function tagsOf(engine: CheckEngine, id: string): Promise<string> {
  const img = (await engine.images()).find((i) => i.Id === id);
  const tags = (img?.RepoTags ?? []).filter((t) => t !== "<none>:<none>");
  return tags.length ? tags.map((t) => `\`${t}\``).join(", ") : `\`${id.replace(/^sha256:/, "").slice(0, 12)}\``;
}

const layers = (n: number) => `${n} layer${n === 1 ? "" : "s"}`;

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
    checks: [
      {
        description: "the image `mv-web:flat` exists",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", "make it from the container `mv-web`");
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`mv-web:flat` has a single layer",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", "make it from the container `mv-web`");
          if (isResult(img)) return img;
          const n = img.RootFS.Layers.length;
          if (n === 1) return pass;
          return fail(`\`mv-web:flat\` has ${layers(n)}: \`docker commit\` keeps the image's layers and adds the container's on top; \`docker export\` piped into \`docker import\` writes one flat layer`);
        },
      },
      {
        description: "`mv-web:flat` starts `httpd -f -p 80 -h /www` by default",
        async run(engine) {
          const img = await image(engine, "mv-web:flat", "make it from the container `mv-web`");
          if (isResult(img)) return img;
          if (sameCommand(img.Config, HTTPD)) return pass;
          const cmd = cmdOf(img.Config);
          if (cmd === null) {
            return fail("`mv-web:flat` has no CMD: `docker import` keeps only the files, so `docker run mv-web:flat` fails with \"No command specified\". Import again with `-c 'CMD [\"httpd\", ...]'`");
          }
          return fail(`\`mv-web:flat\` runs \`${cmd}\` by default, expected \`${HTTPD.join(" ")}\``);
        },
      },
      {
        description: "a container `mv-web2` of `mv-web:flat` runs and serves the patched page",
        async run(engine) {
          const c: ContainerInspect | null = await engine.container("mv-web2");
          if (!c) return fail("there is no container `mv-web2`: run the new image with `docker run -d --name mv-web2 mv-web:flat`");
          const img = await engine.image("mv-web:flat");
          if (!img || c.Image !== img.Id) return fail(`container \`mv-web2\` runs ${await tagsOf(engine, c.Image)}, expected \`mv-web:flat\``);
          if (!c.State.Running) return fail(`container \`mv-web2\` is ${c.State.Status === "exited" ? `exited with code ${c.State.ExitCode}` : c.State.Status}, expected it to be running`);
          const r = await engine.exec("mv-web2", ["wget", "-qO-", "http://127.0.0.1:80/"]);
          if (r.exitCode === 0 && r.stdout.includes("patched by hand")) return pass;
          return fail(`\`mv-web2\` answers ${JSON.stringify((r.stdout || r.stderr).trim())}, expected the patched page: make the image from the container \`mv-web\`, not from \`mv-web:1\``);
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
    checks: [
      {
        description: "the image `mv-cfg:1` exists",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", "make it from the container `mv-cfg`");
          return isResult(img) ? img : pass;
        },
      },
      {
        description: "`mv-cfg:1` runs `cat /etc/app.conf` by default",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", "make it from the container `mv-cfg`");
          if (isResult(img)) return img;
          if (sameCommand(img.Config, SHOW_CONF)) return pass;
          const cmd = cmdOf(img.Config);
          if (cmd !== null && cmd.includes(CONF_SCRIPT)) {
            return fail(`\`mv-cfg:1\` runs \`${cmd}\` by default, the container's own command: \`docker commit\` copies it unless you set another with \`-c 'CMD [...]'\``);
          }
          return fail(`\`mv-cfg:1\` runs ${cmd === null ? "nothing" : `\`${cmd}\``} by default, expected \`${SHOW_CONF.join(" ")}\``);
        },
      },
      {
        description: "`mv-cfg:1` has `MODE=production` in its environment",
        async run(engine) {
          const img = await image(engine, "mv-cfg:1", "make it from the container `mv-cfg`");
          if (isResult(img)) return img;
          const env = img.Config.Env ?? [];
          if (env.includes("MODE=production")) return pass;
          return fail(
            `\`mv-cfg:1\`'s environment is ${env.length ? env.map((e) => `\`${e}\``).join(", ") : "empty"}, without \`MODE=production\`: \`docker import\` keeps only the files of an export, while \`docker commit\` keeps the container's configuration`,
          );
        },
      },
      {
        description: "`mv-cfg:1` is busybox's layers plus the container's changes",
        async run(engine) {
          const [img, base] = [await engine.image("mv-cfg:1"), await engine.image("busybox")];
          if (!img || !base) return fail("there is no image `mv-cfg:1`");
          const own = img.RootFS.Layers;
          const shared = base.RootFS.Layers.every((l, i) => own[i] === l);
          if (shared && own.length === base.RootFS.Layers.length + 1) return pass;
          return fail(`\`mv-cfg:1\` has ${layers(own.length)}${shared ? "" : ", not on top of busybox's"}, expected busybox's ${layers(base.RootFS.Layers.length)} plus one with the container's changes (\`docker commit\`)`);
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
    checks: [
      {
        description: "`tools.tar` in the working folder holds both images",
        async run(engine) {
          const tar = await engine.hostFile("tools.tar");
          if (tar === null) return fail("there is no `tools.tar` in your working folder: write it with `docker save -o tools.tar ...`");
          if (!tar.includes("manifest.json")) return fail("`tools.tar` is not an image archive (it has no `manifest.json`): `docker save` writes one");
          const has = ["mv-tool:1", "mv-tool:2"].filter((t) => tar.includes(`"${t}"`));
          if (has.length === 2) return pass;
          if (has.length === 1) return fail(`\`tools.tar\` holds only \`${has[0]}\`: each \`docker save -o tools.tar\` writes a new file, so name both images in one \`docker save\``);
          return fail("`tools.tar` holds neither `mv-tool:1` nor `mv-tool:2`");
        },
      },
      {
        description: "`mv-tool:1` and `mv-tool:2` are in the engine",
        async run(engine) {
          for (const ref of ["mv-tool:1", "mv-tool:2"]) {
            const img = await engine.image(ref);
            if (!img) return fail(`image \`${ref}\` is not in the engine: load it back with \`docker load -i tools.tar\``);
            if (!sameCommand(img.Config, ["cat", "/version"])) return fail(`image \`${ref}\` runs \`${cmdOf(img.Config) ?? "nothing"}\` by default, expected \`cat /version\`: load the saved image, with its configuration`);
          }
          return pass;
        },
      },
    ],
    real: true,
  },
]);
