import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import type { TerminalPort } from "./port";
import { splitKeys } from "./session";

function fakePort() {
  let listener: (d: string) => void = () => {};
  const port: TerminalPort & { screen: string; type(d: string): void } = {
    screen: "",
    cols: 80,
    rows: 24,
    write(d) {
      this.screen += d;
    },
    onData(l) {
      listener = l;
      return () => {};
    },
    type(d) {
      listener(d);
    },
  };
  return port;
}

const clock = { now: () => Date.now(), setTimeout: (f: () => void, ms: number) => setTimeout(f, Math.min(ms, 5)), clearTimeout: (h: unknown) => clearTimeout(h as never) };

describe("terminal session", () => {
  it("splits escape sequences from characters", () => {
    expect(splitKeys("ab\x1b[A\x1b[3~\r")).toEqual(["a", "b", "\x1b[A", "\x1b[3~", "\r"]);
  });

  it("shows a prompt, runs a typed docker command and reports it done", async () => {
    const host = createHost();
    const port = fakePort();
    const { Session } = await import("./session");
    const s = new Session(host, port, clock);
    await s.idle();
    expect(port.screen).toContain("learner@layerlab:~$ ");
    const done: Array<{ line: string; exitCode: number }> = [];
    s.onCommandDone((e) => done.push(e));
    s.typeLine("docker run --rm busybox echo hi");
    await s.idle();
    expect(port.screen).toContain("docker run --rm busybox echo hi\r\nhi\r\n");
    expect(done).toEqual([{ line: "docker run --rm busybox echo hi", exitCode: 0 }]);
    s.dispose();
  });

  it("flushes a batching port when a key's echo is written and when a command is done", async () => {
    const host = createHost();
    const shown: string[] = [];
    let held = "";
    const port = fakePort();
    port.write = (d: string) => void (held += d);
    port.flush = () => {
      if (held) shown.push(held);
      held = "";
    };
    const { Session } = await import("./session");
    const s = new Session(host, port, clock);
    await s.idle();
    shown.length = 0;
    port.type("e");
    expect(shown).toEqual(["e"]);
    port.type("cho hi");
    expect(shown).toEqual(["e", "cho hi"]);
    port.type("\r");
    await s.idle();
    // the Enter's echo, the output and the next prompt reach the screen together
    expect(shown.slice(2)).toEqual(["\r\nhi\r\nlearner@layerlab:~$ "]);
    s.dispose();
  });

  it("edits the line and recalls history", async () => {
    const host = createHost();
    const port = fakePort();
    const { Session } = await import("./session");
    const s = new Session(host, port, clock);
    await s.idle();
    port.type("echo abX\x7fc\r");
    await s.idle();
    port.type("\x1b[A\r");
    await s.idle();
    expect(port.screen.match(/\r\nabc\r\n/g)?.length).toBe(2);
    s.dispose();
  });

  it("Ctrl-C interrupts a foreground sleep", async () => {
    const host = createHost();
    const port = fakePort();
    const { Session } = await import("./session");
    const s = new Session(host, port, { ...clock, setTimeout: (f, ms) => setTimeout(f, Math.min(ms, 50)) });
    await s.idle();
    const done: number[] = [];
    s.onCommandDone((e) => done.push(e.exitCode));
    s.typeLine("sleep 300");
    await new Promise((r) => setTimeout(r, 30));
    port.type("\x03");
    await s.idle();
    expect(done).toEqual([130]);
    s.dispose();
  });
});
