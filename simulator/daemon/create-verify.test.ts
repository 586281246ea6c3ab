// Settings the engine refuses at create, with its words (recorded on Docker 20.10).
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

describe("create refuses conflicting CPU settings", () => {
  it("--cpus with --cpu-period or --cpu-quota", async () => {
    const h = createHost();
    const run = await h.run("docker run --rm --cpus 0.5 --cpu-period 100000 busybox true");
    expect(run.exit).toBe(125);
    expect(run.stderr).toBe("docker: Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set\n\nRun 'docker run --help' for more information\n");
    const create = await h.run("docker create --cpus 0.5 --cpu-quota 1000 busybox true");
    expect([create.exit, create.stderr]).toEqual([1, "Error response from daemon: Conflicting options: Nano CPUs and CPU Quota cannot both be set\n"]);
    expect((await h.run("docker run --rm --cpu-quota 50000 --cpu-period 100000 busybox true")).exit).toBe(0);
  });
});
