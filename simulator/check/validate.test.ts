import { describe, expect, it } from "vitest";
import type { Exercise } from "./exercise";
import { registryProblems, validateRegistry } from "./validate";

function ok(id = "first-container/hello"): Exercise {
  return {
    id,
    title: "Say hello",
    goal: "Leave a stopped container `hello`.",
    setup: [{ file: "app/Dockerfile", content: "FROM busybox\n" }, { docker: ["pull", "busybox"] }],
    hints: ["one"],
    solution: ["docker run --name hello busybox echo hello"],
    wrong: [{ commands: ["docker run busybox echo hello"], expect: "no container" }],
    checks: [{ description: "d", run: async () => ({ pass: true }) }],
    real: true,
  };
}

describe("exercise registry validation", () => {
  it("accepts a valid registry and returns it unchanged", () => {
    const reg = { "first-container": [ok(), { ...ok("first-container/sleeper"), real: { reason: "needs the simulator" } }] };
    expect(registryProblems(reg)).toEqual([]);
    expect(validateRegistry(reg)).toBe(reg);
  });

  it("names the exercise and the field for each problem", () => {
    const bad = { ...ok("first-container/bad"), hints: [], solution: [""], wrong: [{ commands: ["x"], expect: "" }], checks: [], real: false } as unknown as Exercise;
    expect(registryProblems({ "first-container": [bad] })).toEqual([
      'exercise "first-container/bad": hints: needs at least one hint',
      'exercise "first-container/bad": solution[0]: a solution line must not be empty',
      'exercise "first-container/bad": wrong[0].expect: expect must not be empty',
      'exercise "first-container/bad": checks: needs at least one check',
      'exercise "first-container/bad": real: real must be true or { reason: "why it is simulator-only" }',
    ]);
  });

  it("checks the id: kebab case, under its own lesson, unique", () => {
    expect(registryProblems({ "first-container": [ok("First_Container/hello")] })).toEqual([
      'exercise "First_Container/hello": id: id must be "<lesson-slug>/<name>" in kebab case, like "first-container/hello"',
      'exercise "First_Container/hello": the id must start with its lesson "first-container/"',
    ]);
    expect(registryProblems({ "first-container": [ok("images/hello")] })).toEqual(['exercise "images/hello": the id must start with its lesson "first-container/"']);
    expect(registryProblems({ "first-container": [ok(), ok()] })).toEqual(['exercise "first-container/hello": the id is used twice (lessons "first-container" and "first-container")']);
  });

  it("checks setup steps, check functions and unknown fields", () => {
    const ex = { ...ok(), setup: [{ file: "../x", content: "" }, { docker: [] }, { run: "x" }], checks: [{ description: "d", run: "no" }], extra: 1 } as unknown as Exercise;
    const problems = registryProblems({ "first-container": [ex] });
    expect(problems).toContain('exercise "first-container/hello": setup[0].file: file path must be relative to the working folder, without ..');
    expect(problems).toContain('exercise "first-container/hello": setup[1].docker: a docker step needs its arguments, e.g. ["run", ...]');
    expect(problems).toContain('exercise "first-container/hello": setup[2]: a setup step is { docker: [...] } or { file: "path", content: "..." }');
    expect(problems).toContain('exercise "first-container/hello": checks[0].run: run must be a function (engine) => Promise<CheckResult>');
    expect(problems.some((p) => p.includes("extra"))).toBe(true);
  });

  it("throws one error listing every problem, pointing at content/exercises.ts", () => {
    expect(() => validateRegistry({ "first-container": [{ ...ok(), hints: [] }], other: [{ ...ok("other/x"), title: " " }] })).toThrow(
      'content/exercises.ts: 2 problems in the exercises:\n  - exercise "first-container/hello": hints: needs at least one hint\n  - exercise "other/x": title: title must not be empty',
    );
  });
});
