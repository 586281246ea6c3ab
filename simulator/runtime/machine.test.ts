import { describe, expect, it } from "vitest";
import { registerApplet } from "./busybox";
import { Machine } from "./machine";

registerApplet({
  name: "testecho",
  async run(ctx) {
    await ctx.stdout.write(ctx.argv.slice(1).join(" ") + "\n");
    return 3;
  },
});

describe("Machine", () => {
  it("runs an applet as a process and collects its output and status", async () => {
    const m = new Machine();
    const r = await m.run(["testecho", "a", "b"]);
    expect(r).toEqual({ exit: 3, stdout: "a b\n", stderr: "" });
  });
  it("reports an unknown applet the way BusyBox does", async () => {
    const m = new Machine();
    const r = await m.run(["nosuchapplet"]);
    expect(r.exit).toBe(127);
    expect(r.stderr).toBe("nosuchapplet: applet not found\n");
  });
  it("sleeps in simulated time", async () => {
    const m = new Machine();
    const t0 = m.sched.now;
    registerApplet({ name: "nap", run: async (ctx) => (await ctx.sleep(300_000), 0) });
    const r = await m.run(["nap"]);
    expect(r.exit).toBe(0);
    expect(m.sched.now - t0).toBe(300_000);
  });
});
