import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { healthArgv } from "./health";

describe("health checks", () => {
  it("turn the test into a command line", () => {
    expect(healthArgv(["CMD-SHELL", "curl -f x || exit 1"])).toEqual(["/bin/sh", "-c", "curl -f x || exit 1"]);
    expect(healthArgv(["CMD", "true"])).toEqual(["true"]);
    expect(healthArgv(["NONE"])).toBeNull();
    expect(healthArgv(undefined)).toBeNull();
  });
  it("go from starting to unhealthy after the retries, and to healthy on success", async () => {
    const h = createHost();
    await h.run("docker run -d --name hc --health-cmd 'test -e /tmp/ok' --health-interval 1s --health-retries 2 busybox sleep 300");
    const state = async () => (await h.run("docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' hc")).stdout;
    expect(await state()).toBe("starting 0\n");
    await h.run("sleep 2");
    expect(await state()).toBe("unhealthy 2\n");
    expect((await h.run("docker ps --format '{{.Status}}'")).stdout).toMatch(/^Up \d+ seconds \(unhealthy\)\n$/);
    await h.run("docker exec hc touch /tmp/ok; sleep 1");
    expect(await state()).toBe("healthy 0\n");
  });
});
