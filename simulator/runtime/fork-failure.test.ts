// A fork the pids cgroup refuses must not keep a pipe's write end open: a reader downstream
// (`... | cat`) has to see end of file once the real writers are gone.
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

describe("a refused fork", () => {
  it("leaves no descriptor behind, so a pipeline after it ends", async () => {
    const h = createHost();
    await h.run("docker run -d --name pl --pids-limit 3 busybox sleep 600 > /dev/null");
    const r = await h.run("docker exec pl sh -c 'sleep 30 & sleep 30 & sleep 30 & wait' 2>&1 | cat", { limitMs: 120_000 });
    expect(r).toEqual({ exit: 0, stdout: "sh: can't fork: Resource temporarily unavailable\n", stderr: "" });
    expect((await h.run("docker inspect -f '{{.State.Status}}' pl")).stdout).toBe("running\n");
  });
});
