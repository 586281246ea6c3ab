// With a wall clock, a long command gives the event loop a turn every slice; the result and the
// simulated time it took are the same as without one.
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { Scheduler } from "./scheduler";

describe("main-thread slices", () => {
  it("yields during a long loop and changes nothing the command sees", async () => {
    let wall = 0;
    let yields = 0;
    const sliced = createHost({
      wallClock: () => (wall += 1),
      yieldFn: async () => {
        yields++;
        await new Promise((r) => setImmediate(r));
      },
    });
    const plain = createHost();
    const line = "i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i";
    const a = await sliced.run(line);
    const b = await plain.run(line);
    expect(a).toEqual(b);
    expect(a.stdout).toBe("3000\n");
    expect(sliced.machine.sched.now).toBe(plain.machine.sched.now);
    expect(yields).toBeGreaterThan(50);
  });

  it("yields while a script forks many short-lived processes", async () => {
    let wall = 0;
    let yields = 0;
    const sliced = createHost({
      wallClock: () => (wall += Scheduler.SLICE_MS),
      yieldFn: async () => {
        yields++;
        await new Promise((r) => setImmediate(r));
      },
    });
    // a slice is over at every chance to yield; a pipeline of 400 processes of a step or two
    // each gives those chances although no single process reaches 32 steps
    const r = await sliced.run(`${Array(400).fill("true").join(" | ")}; echo end`);
    expect(r.stdout).toBe("end\n");
    expect(yields).toBeGreaterThanOrEqual(10);
  });

  it("yields while a job stopped at its step budget unwinds its background processes", async () => {
    let wall = 0;
    let host: ReturnType<typeof createHost> | null = null;
    const alive: number[] = [];
    host = createHost({
      wallClock: () => (wall += Scheduler.SLICE_MS),
      yieldFn: async () => {
        alive.push(host?.machine.kernel.procs.size ?? 0);
        await new Promise((r) => setImmediate(r));
      },
    });
    // a script of the sh fuzz corpus: every turn of its endless loop starts background subshells
    // until the budget stops the whole job at once
    const script = "i=0; while [ $i -lt 1 ]; do i=$((i+1)); i=0; while [ $i -lt 0 ]; do i=$((i+1)); done & ( cat ~/x ) & { shift 99999999999 -lt && local nosuch -z; }; done";
    const r = await host.run(script, { steps: 3_000 });
    expect(r.exit).not.toBe(0);
    // the next command's run of the scheduler lets the stopped job's processes finish dying
    await host.run("true");
    alive.push(host.machine.kernel.procs.size);
    expect(alive.length).toBeGreaterThan(10);
    // between two turns for the page at most 32 processes went away (one turn per 32 exits);
    // without turns in the exit path the whole job unwound in one go
    const drops = alive.slice(1).map((n, i) => alive[i] - n);
    expect(Math.max(...drops)).toBeLessThanOrEqual(32);
  });
});
