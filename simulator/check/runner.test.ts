import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import type { Exercise } from "./exercise";
import { prepareExercise, replaySolution, replayWrong, runChecks, shellQuote } from "./runner";
import { SimEngine } from "./sim-engine";

function exercise(over: Partial<Exercise>): Exercise {
  return {
    id: "test/ex",
    title: "t",
    goal: "g",
    setup: [],
    hints: ["h"],
    solution: [],
    wrong: [],
    checks: [],
    real: true,
    ...over,
  };
}

const hasHello: Exercise["checks"][number] = {
  description: "a container named hello exists",
  async run(e) {
    const c = await e.container("hello");
    return c ? { pass: true } : { pass: false, message: "expected a container named `hello`, found none", translations: { ja: "（テスト）" } };
  },
};

const exitedZero: Exercise["checks"][number] = {
  description: "hello exited with code 0",
  async run(e) {
    const c = await e.container("hello");
    if (!c) return { pass: false, message: "no container `hello`", translations: { ja: "（テスト）" } };
    return c.State.Status === "exited" && c.State.ExitCode === 0 ? { pass: true } : { pass: false, message: `expected exited (0), found ${c.State.Status} (${c.State.ExitCode})`, translations: { ja: "（テスト）" } };
  },
};

describe("shellQuote", () => {
  it("leaves safe words bare and quotes the rest so the shell reads them back", async () => {
    expect(shellQuote("busybox:latest")).toBe("busybox:latest");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("")).toBe("''");
    const h = createHost();
    const words = ["a b", "it's", "$HOME", "", "*", "x\ny", '"q"', "back\\slash"];
    const r = await h.run(["printf", "'[%s]\\n'", ...words.map(shellQuote)].join(" "));
    expect(r.stdout).toBe(words.map((w) => `[${w}]\n`).join(""));
  });
});

describe("prepareExercise", () => {
  it("writes files as the learner (nested, 0644), then runs docker steps with their words intact", async () => {
    const h = createHost();
    await prepareExercise(
      h,
      exercise({
        setup: [
          { docker: ["run", "--name", "hello", "busybox", "sh", "-c", "echo 'a  b' \"$0\"; cat /etc/hostname >/dev/null"] },
          { file: "app/src/main.txt", content: "hi\n" },
          { file: "top.txt", content: "x" },
        ],
      }),
    );
    expect((await h.run("ls -ln app/src/main.txt top.txt")).stdout).toMatch(/^-rw-r--r--\s+1 1000\s+1000\s+3 .* app\/src\/main.txt\n-rw-r--r--\s+1 1000\s+1000\s+1 .* top.txt\n$/);
    expect((await h.run("ls -ldn app app/src")).stdout).toMatch(/^drwxr-xr-x\s+\d+ 1000\s+1000 .* app\ndrwxr-xr-x\s+\d+ 1000\s+1000 .* app\/src\n$/);
    expect((await h.run("docker logs hello")).stdout).toBe("a  b sh\n");
    expect(await new SimEngine(h).hostFile("app/src/main.txt")).toBe("hi\n");
  });

  it("files come before docker steps (a build step can use them)", async () => {
    const h = createHost();
    await prepareExercise(h, exercise({ setup: [{ docker: ["build", "-q", "-t", "app:1", "app"] }, { file: "app/Dockerfile", content: "FROM busybox\nCMD [\"echo\", \"hi\"]\n" }] }));
    expect((await new SimEngine(h).image("app:1"))!.Config.Cmd).toEqual(["echo", "hi"]);
  });

  it("throws naming the exercise, the step and its error output", async () => {
    const h = createHost();
    const ex = exercise({ id: "lesson/broken", setup: [{ docker: ["run", "--name", "a1", "busybox", "true"] }, { docker: ["run", "--name", "a1", "busybox", "true"] }] });
    await expect(prepareExercise(h, ex)).rejects.toThrow(/^exercise lesson\/broken: setup step `docker run --name a1 busybox true` exited with 125: docker: Error response from daemon: Conflict. The container name "\/a1" is already in use/);
  });

  it("refuses file paths outside the working folder", async () => {
    const h = createHost();
    await expect(prepareExercise(h, exercise({ setup: [{ file: "../x", content: "" }] }))).rejects.toThrow(/exercise test\/ex: setup file \.\.\/x could not be written/);
    await expect(prepareExercise(h, exercise({ setup: [{ file: "/etc/x", content: "" }] }))).rejects.toThrow(/relative/);
  });
});

describe("runChecks", () => {
  it("passes when every check passes", async () => {
    const h = createHost();
    await h.run("docker run --name hello busybox echo hi");
    const r = await runChecks(new SimEngine(h), exercise({ checks: [hasHello, exitedZero] }));
    expect(r).toEqual({ pass: true, results: [{ description: hasHello.description, result: { pass: true } }, { description: exitedZero.description, result: { pass: true } }], message: undefined });
  });

  it("reports the first failure's message and still runs the rest", async () => {
    const h = createHost();
    await h.run("docker run --name hello busybox false");
    let ranLast = false;
    const last = { description: "last", run: async () => ((ranLast = true), { pass: false as const, message: "last failed", translations: { ja: "（テスト）" } }) };
    const r = await runChecks(new SimEngine(h), exercise({ checks: [hasHello, exitedZero, last] }));
    expect(r.pass).toBe(false);
    expect(r.message).toBe("expected exited (0), found exited (1)");
    expect(r.results.map((x) => x.result.pass)).toEqual([true, false, false]);
    expect(ranLast).toBe(true);
  });

  it("turns a check that throws into a failure with the error's message", async () => {
    const h = createHost();
    const boom = { description: "throws", run: async () => Promise.reject(new Error("engine went away")) };
    const r = await runChecks(new SimEngine(h), exercise({ checks: [boom, hasHello] }));
    expect(r.pass).toBe(false);
    expect(r.message).toBe("engine went away");
    expect(r.results[1].result).toEqual({ pass: false, message: "expected a container named `hello`, found none", translations: { ja: "（テスト）" } });
  });
});

describe("replaySolution / replayWrong", () => {
  const ex = exercise({
    setup: [{ file: "note.txt", content: "n" }],
    solution: ["docker run --name hello busybox echo hello"],
    wrong: [
      { commands: ["docker run --name hello busybox sh -c 'exit 2'"], expect: "found exited (2)" },
      { commands: ["docker create --name hello busybox"], expect: "something else" },
    ],
    checks: [hasHello, exitedZero],
  });

  it("replays the solution on a fresh host after setup", async () => {
    const r = await replaySolution(ex);
    expect(r.report.pass).toBe(true);
    expect(r.transcript).toEqual([{ line: ex.solution[0], exit: 0, stdout: "hello\n", stderr: "" }]);
    expect(await new SimEngine(r.host).hostFile("note.txt")).toBe("n");
  });

  it("replays a wrong attempt and says whether a failure explains it", async () => {
    const w0 = await replayWrong(ex, 0);
    expect(w0.report.pass).toBe(false);
    expect(w0.explained).toBe(true);
    const w1 = await replayWrong(ex, 1);
    expect(w1.report.pass).toBe(false);
    expect(w1.report.message).toBe("expected exited (0), found created (0)");
    expect(w1.explained).toBe(false);
    await expect(replayWrong(ex, 5)).rejects.toThrow("exercise test/ex has no wrong attempt 5");
  });

  it("stops a command that outlasts the limit", async () => {
    const r = await replaySolution(exercise({ solution: ["sleep 100"], checks: [] }), { limitMs: 1000 });
    expect(r.transcript[0].exit).not.toBe(0);
    expect(r.transcript[0].stderr).toContain("the command was stopped");
  });
});
