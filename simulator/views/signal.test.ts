import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import type { TerminalPort } from "../terminal/port";
import { type ChangeReason, ViewSignal } from "./signal";

/** A scheduler the test runs by hand, like frames. */
function frames() {
  const queue: Array<() => void> = [];
  return { schedule: (f: () => void) => void queue.push(f), run: () => queue.splice(0).forEach((f) => f()), get size() { return queue.length; } };
}

function port(): TerminalPort & { type(s: string): void } {
  const listeners = new Set<(d: string) => void>();
  return {
    cols: 80,
    rows: 24,
    write() {},
    onData(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    type(s) {
      for (const l of listeners) l(s);
    },
  };
}

describe("view signal", () => {
  it("batches notifications into one per frame with every reason", () => {
    const f = frames();
    const s = new ViewSignal(f.schedule);
    const seen: ChangeReason[][] = [];
    s.subscribe((r) => seen.push([...r].sort()));
    s.notify("engine");
    s.notify("engine");
    s.notify("command");
    expect(f.size).toBe(1);
    expect(seen).toEqual([]);
    f.run();
    expect(seen).toEqual([["command", "engine"]]);
    s.notify("tick");
    f.run();
    expect(seen).toEqual([["command", "engine"], ["tick"]]);
  });

  it("fires after a terminal command finishes and on daemon events, and stops when detached", async () => {
    const host = createHost();
    const p = port();
    const session = host.openSession(p);
    const f = frames();
    const s = new ViewSignal(f.schedule);
    const seen: ChangeReason[][] = [];
    s.subscribe((r) => seen.push([...r].sort()));
    const detach = s.attach(host.daemon, session);
    await session.idle();
    session.typeLine("echo hi");
    await session.idle();
    f.run();
    expect(seen).toEqual([["command"]]);
    session.typeLine("docker create --name box busybox");
    await session.idle();
    f.run();
    expect(seen.at(-1)).toEqual(["command", "engine"]);
    detach();
    session.typeLine("docker rm box");
    await session.idle();
    f.run();
    expect(seen).toHaveLength(2);
    session.dispose();
  });
});
