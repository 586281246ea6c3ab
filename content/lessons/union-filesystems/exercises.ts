/** Lesson 5 exercises: a change in a running container's own layer, a layer kept by stop/start, a file rescued with docker cp. */
import { defineExercises } from "../../../simulator/check/exercise";
import { container, fail, isResult, pass, running } from "../../lib/checks";

const APP_LINE = "app:x:1000:1000::/home/app:/bin/sh";
const NOTE = "remember the milk\n";
const REPORT = "total: 42\n";

export default defineExercises([
  {
    id: "union-filesystems/edit-running",
    title: "Change a file in a running container",
    goal: `The container \`uf-web\` is running. Add the line \`${APP_LINE}\` at the end of its \`/etc/passwd\`, keeping the lines already there.`,
    setup: [{ docker: ["run", "-d", "--name", "uf-web", "busybox", "sleep", "3600"] }],
    hints: [
      "A change made in a container lands in that container's own writable layer. Which container do your commands write in?",
      "`docker exec uf-web sh -c '...'` runs a shell inside the running `uf-web`. `>>` appends to a file; `>` replaces it.",
      `\`docker exec uf-web sh -c 'echo "${APP_LINE}" >> /etc/passwd'\``,
    ],
    solution: [`docker exec uf-web sh -c 'echo "${APP_LINE}" >> /etc/passwd'`, "docker diff uf-web"],
    wrong: [
      { commands: [`docker run --rm busybox sh -c 'echo "${APP_LINE}" >> /etc/passwd'`], expect: "another container" },
      { commands: [`docker exec uf-web sh -c 'echo "${APP_LINE}" > /etc/passwd'`], expect: "lost the lines it had" },
    ],
    checks: [
      {
        description: "`uf-web` is running",
        async run(engine) {
          const c = await running(engine, "uf-web", "The exercise's reset starts it again.");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "`uf-web`'s /etc/passwd still has its own lines",
        async run(engine) {
          const text = (await engine.readFile("uf-web", "/etc/passwd")) ?? "";
          if (text.split("\n").some((l) => l.startsWith("root:"))) return pass;
          return fail("`uf-web`'s /etc/passwd lost the lines it had (there is no `root` line any more): `>` replaces a file, `>>` appends to it. Reset the exercise and append");
        },
      },
      {
        description: `\`uf-web\`'s /etc/passwd has the line \`${APP_LINE}\``,
        async run(engine) {
          const text = (await engine.readFile("uf-web", "/etc/passwd")) ?? "";
          if (text.split("\n").includes(APP_LINE)) return pass;
          return fail(
            "`uf-web`'s /etc/passwd has no `app` line. A change made in another container (such as a new `docker run`) " +
              "stays in that container's own writable layer and is gone with it; write in `uf-web` itself with `docker exec`",
          );
        },
      },
    ],
    real: true,
  },
  {
    id: "union-filesystems/restart-keeps",
    title: "Stopped is not removed",
    goal: "The container `uf-notes` was killed; its writable layer holds `/notes.txt`. Get a running container named `uf-notes` whose `/notes.txt` still says `remember the milk`.",
    setup: [
      { docker: ["run", "-d", "--name", "uf-notes", "busybox", "sleep", "3600"] },
      { docker: ["exec", "uf-notes", "sh", "-c", "echo 'remember the milk' > /notes.txt"] },
      { docker: ["kill", "uf-notes"] },
    ],
    hints: [
      "`docker ps -a` lists stopped containers too. A stopped container keeps its writable layer until it is removed.",
      "Removing the container and running a new one with the same name starts from an empty writable layer.",
      "`docker start uf-notes`",
    ],
    solution: ["docker start uf-notes", "docker exec uf-notes cat /notes.txt"],
    wrong: [
      { commands: ["docker rm uf-notes", "docker run -d --name uf-notes busybox sleep 3600"], expect: "a new container" },
      { commands: ["docker run -d --name uf-notes busybox sleep 3600"], expect: "has exited with code 137" },
    ],
    checks: [
      {
        description: "a container named `uf-notes` is running",
        async run(engine) {
          const c = await running(engine, "uf-notes", "Reset the exercise to get it back.");
          return isResult(c) ? c : pass;
        },
      },
      {
        description: "its /notes.txt says `remember the milk`",
        async run(engine) {
          const c = await container(engine, "uf-notes", "");
          if (isResult(c)) return c;
          const note = await engine.readFile("uf-notes", "/notes.txt");
          if (note === NOTE) return pass;
          if (note === null) {
            return fail(
              "`uf-notes` has no /notes.txt: it is a new container, and a new container gets a new, empty writable layer; " +
                "`docker rm` deleted the old one with the note. `docker start` runs a stopped container again with its own layer",
            );
          }
          return fail(`\`uf-notes\`'s /notes.txt says ${JSON.stringify(note)}, expected "remember the milk"`);
        },
      },
    ],
    real: true,
  },
  {
    id: "union-filesystems/rescue-file",
    title: "Rescue a file from a stopped container",
    goal: "The container `uf-report` has exited after writing `/report.txt`. Copy that file into your working folder as `report.txt`.",
    setup: [{ docker: ["run", "--name", "uf-report", "busybox", "sh", "-c", "echo 'total: 42' > /report.txt"] }],
    hints: [
      "The file lives only in `uf-report`'s writable layer: the `busybox` image does not have it.",
      "`docker exec` needs a running container, but `docker cp CONTAINER:PATH DEST` reads a container's filesystem whether it runs or not.",
      "`docker cp uf-report:/report.txt report.txt`",
    ],
    solution: ["docker cp uf-report:/report.txt report.txt", "cat report.txt"],
    wrong: [
      { commands: ["docker run --rm busybox cat /report.txt > report.txt"], expect: "A new container from `busybox` has no /report.txt" },
      { commands: ["docker exec uf-report cat /report.txt > report.txt"], expect: "cannot run in the stopped `uf-report`" },
    ],
    checks: [
      {
        description: "your working folder has report.txt with the report",
        async run(engine) {
          const text = await engine.hostFile("report.txt");
          if (text === REPORT) return pass;
          if (text === null) return fail("there is no report.txt in your working folder yet");
          if (text === "") {
            return fail(
              "report.txt in your working folder is empty: the command that wrote it printed nothing. A new container from " +
                "`busybox` has no /report.txt, and `docker exec` cannot run in the stopped `uf-report`. `docker cp` copies " +
                "the file out of the container's layer, running or not",
            );
          }
          return fail(`report.txt in your working folder says ${JSON.stringify(text)}, expected ${JSON.stringify(REPORT)}`);
        },
      },
    ],
    real: true,
  },
]);
