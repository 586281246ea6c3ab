/** Lesson 10 exercises: back up and restore a volume with tar; seed a volume from an image. */
import type { CheckEngine, ContainerInspect, MountPoint } from "../../../simulator/check/engine";
import { defineExercises, type CheckResult } from "../../../simulator/check/exercise";

const pass: CheckResult = { pass: true };
const fail = (message: string): CheckResult => ({ pass: false, message });

/** The mount of a container at `path`, if any. */
function mountAt(c: ContainerInspect, path: string): MountPoint | undefined {
  return c.Mounts.find((m) => m.Destination === path);
}

/** A mount in words: "the volume `x`", "the host folder `/p` (a bind mount)". */
function mountText(m: MountPoint): string {
  if (m.Type === "volume") return /^[0-9a-f]{64}$/.test(m.Name ?? "") ? "an anonymous volume" : `the volume \`${m.Name}\``;
  if (m.Type === "bind") return `the host folder \`${m.Source}\` (a bind mount)`;
  return `a ${m.Type} mount`;
}

/** A running container by name, or the failure that describes it. */
async function running(engine: CheckEngine, name: string, how: string): Promise<ContainerInspect | CheckResult> {
  const c = await engine.container(name);
  if (!c) return fail(`there is no container named \`${name}\`: ${how}`);
  if (!c.State.Running) {
    const st = c.State.Status === "exited" ? `has exited with code ${c.State.ExitCode}` : c.State.Status === "created" ? "was created but never started" : `is ${c.State.Status}`;
    return fail(`container \`${name}\` ${st}, expected it to be running: ${how}`);
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
    checks: [
      {
        description: "`vol-app.tar` in the working folder holds the volume's files",
        async run(engine) {
          const tar = await engine.hostFile("vol-app.tar");
          if (tar === null) return fail("there is no `vol-app.tar` in your working folder: write it from a container that mounts both the volume and the folder (`-v \"$PWD\":/backup`)");
          if (!tar.includes("config.ini") || !tar.includes("uploads/cat.jpg")) return fail("`vol-app.tar` does not hold `config.ini` and `uploads/cat.jpg`: archive the whole volume");
          return pass;
        },
      },
      {
        description: "a running container `vol-app2` mounts the volume `vol-app-data2` at `/data`",
        async run(engine) {
          const c = await running(engine, "vol-app2", "start it with `docker run -d --name vol-app2 -v vol-app-data2:/data busybox sleep 3600`");
          if (isResult(c)) return c;
          const m = mountAt(c, "/data");
          if (!m) return fail("container `vol-app2` has nothing mounted at `/data`: add `-v vol-app-data2:/data`");
          if (m.Type === "volume" && m.Name === "vol-app-data2") return pass;
          if (m.Type === "volume" && m.Name === "vol-app-data") return fail("container `vol-app2` mounts `vol-app-data`, the original volume, at `/data`: the restored copy is `vol-app-data2`");
          return fail(`container \`vol-app2\` mounts ${mountText(m)} at \`/data\`, expected the volume \`vol-app-data2\``);
        },
      },
      {
        description: "`vol-app-data2` holds the restored files at its root",
        async run(engine) {
          const c = await engine.container("vol-app2");
          if (!c) return fail("there is no container `vol-app2`");
          const conf = await engine.readFile("vol-app2", "/data/config.ini");
          const photo = await engine.readFile("vol-app2", "/data/uploads/cat.jpg");
          if (conf === CONFIG && photo !== null) return pass;
          if ((await engine.readFile("vol-app2", "/data/data/config.ini")) !== null) {
            return fail("the restored files are under `/data/data`: the archive's paths start with `data/`, so unpacking it into `/data` added a level. Archive with `-C /data .` to store paths relative to the volume");
          }
          if (conf === null) return fail("the volume `vol-app-data2` is empty (no `/data/config.ini` in `vol-app2`): unpack the archive into it with `tar -x` in a container that mounts it");
          return fail(`\`/data/config.ini\` in \`vol-app2\` says ${JSON.stringify(conf.trim())}, expected ${JSON.stringify(CONFIG.trim())}`);
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
    checks: [
      {
        description: "a container `vol-web` of `vol-site:1` is running",
        async run(engine) {
          const c = await running(engine, "vol-web", "run it with `docker run -d --name vol-web ... vol-site:1`");
          if (isResult(c)) return c;
          const img = await engine.image("vol-site:1");
          if (!img || c.Image !== img.Id) return fail(`container \`vol-web\` was made from \`${c.Config.Image}\`, expected \`vol-site:1\``);
          return pass;
        },
      },
      {
        description: "`vol-web` mounts the named volume `vol-www` at `/www`",
        async run(engine) {
          const c = await engine.container("vol-web");
          if (!c) return fail("there is no container `vol-web`");
          const m = mountAt(c, "/www");
          if (!m) {
            const others = c.Mounts.map((x) => `\`${x.Destination}\``).join(", ");
            return fail(`container \`vol-web\` has nothing mounted at \`/www\`${others ? ` (its mounts are at ${others})` : ""}: the mount's second part is the path inside the container`);
          }
          if (m.Type === "volume" && m.Name === "vol-www") return pass;
          if (m.Type === "bind") {
            return fail(`container \`vol-web\` mounts ${mountText(m)} at \`/www\`: a bind mount shows the host folder as it is and hides the image's \`index.html\`; a name instead of a path (\`-v vol-www:/www\`) makes a volume`);
          }
          return fail(`container \`vol-web\` mounts ${mountText(m)} at \`/www\`, expected the volume \`vol-www\``);
        },
      },
      {
        description: "the volume holds the image's `index.html`",
        async run(engine) {
          const c = await engine.container("vol-web");
          if (!c) return fail("there is no container `vol-web`");
          const page = await engine.readFile("vol-web", "/www/index.html");
          if (page === SITE) return pass;
          if (page === null) return fail("`/www/index.html` is missing in `vol-web`: the mount at `/www` hides the image's files");
          return fail(`\`/www/index.html\` in \`vol-web\` is ${JSON.stringify(page.trim())}, expected the image's page: was \`vol-www\` already used (not empty) before? Only an empty volume gets the image's files`);
        },
      },
    ],
    real: true,
  },
]);
