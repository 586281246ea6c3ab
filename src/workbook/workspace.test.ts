import { beforeEach, describe, expect, it } from "vitest";
import type { Exercise } from "../../simulator/check/exercise";
import { clearStartStates, startHost, UNDO_DEPTH, Workspace } from "./workspace";

/** A small exercise of its own, so that these tests do not depend on lesson content. */
const exercise: Exercise = {
  id: "workbook-test/stop-web",
  title: "Stop the web container",
  goal: "Stop `web` but keep it.",
  setup: [{ file: "notes.txt", content: "hello\n" }, { docker: ["run", "-d", "--name", "web", "busybox", "sleep", "3600"] }],
  hints: ["`docker stop`"],
  solution: ["docker stop web"],
  wrong: [{ commands: ["docker rm -f web"], expect: "no container named `web`" }],
  checks: [
    {
      description: "a container named `web` exists and is stopped",
      async run(engine) {
        const c = await engine.container("web");
        if (!c) return { pass: false, message: "there is no container named `web`", translations: { ja: "there is no container named `web`" } };
        if (c.State.Running) return { pass: false, message: "`web` is still running", translations: { ja: "`web` is still running" } };
        return { pass: true };
      },
    },
  ],
  real: true,
};

const containerNames = async (w: Workspace) => (await w.host.run("docker ps -a --format '{{.Names}} {{.State}}'")).stdout.trim();

describe("an exercise workspace", () => {
  beforeEach(() => clearStartStates());

  it("starts in the exercise's start state, with nothing to undo", async () => {
    const w = await Workspace.open(exercise);
    expect(await containerNames(w)).toBe("web running");
    expect((await w.host.run("cat notes.txt")).stdout).toBe("hello\n");
    expect(w.canUndo).toBe(false);
    const report = await w.check();
    expect(report.pass).toBe(false);
    expect(report.message).toBe("`web` is still running");
  });

  it("prepares the start state once per exercise and loads it afterwards", async () => {
    const first = await startHost(exercise);
    const second = await startHost(exercise);
    expect(second.state).toBe(first.state);
    expect(second.host).not.toBe(first.host);
    expect((await second.host.run("docker ps --format '{{.Names}}'")).stdout.trim()).toBe("web");
  });

  it("passes after the solution, undoes it, and resets to the start", async () => {
    const w = await Workspace.open(exercise);
    await w.host.run("docker stop web");
    w.commandDone();
    expect((await w.check()).pass).toBe(true);

    await w.host.run("docker rm web");
    w.commandDone();
    expect((await w.check()).message).toBe("there is no container named `web`");
    expect(w.undoDepth).toBe(2);

    const before = w.host;
    const undone = w.undo();
    expect(undone).toBe(w.host);
    expect(undone).not.toBe(before);
    expect(await containerNames(w)).toBe("web exited");
    expect((await w.check()).pass).toBe(true);

    w.reset();
    expect(await containerNames(w)).toBe("web running");
    expect((await w.check()).pass).toBe(false);
    // a reset is undoable like a command
    w.undo();
    expect(await containerNames(w)).toBe("web exited");
    w.undo();
    expect(await containerNames(w)).toBe("web running");
    expect(w.canUndo).toBe(false);
    expect(w.undo()).toBeNull();
  });

  it("keeps a short undo stack", async () => {
    const w = await Workspace.open(exercise);
    for (let i = 0; i < UNDO_DEPTH + 5; i++) {
      await w.host.run(`touch f${i}`);
      w.commandDone();
    }
    expect(w.undoDepth).toBe(UNDO_DEPTH - 1);
    let steps = 0;
    while (w.undo()) steps++;
    expect(steps).toBe(UNDO_DEPTH - 1);
    // the oldest state kept is after the sixth command, not the start
    expect((await w.host.run("ls")).stdout.split("\n").filter((f) => f.startsWith("f")).length).toBe(6);
  });
});
