import { describe, expect, it } from "vitest";
import { createHost } from "./host";

describe("Host: the thin path from a command line to a container", () => {
  it("runs a container and prints its output", async () => {
    const h = createHost();
    expect(await h.run("docker run --rm busybox echo hello world")).toEqual({ exit: 0, stdout: "hello world\n", stderr: "" });
    expect(await h.run("docker ps -a --format '{{.Names}}'")).toEqual({ exit: 0, stdout: "", stderr: "" });
  });
  it("keeps an exited container until rm", async () => {
    const h = createHost();
    expect((await h.run("docker run --name c1 busybox echo hi")).stdout).toBe("hi\n");
    expect((await h.run("docker ps -a --format '{{.Names}}|{{.Status}}|{{.State}}'")).stdout).toBe("c1|Exited (0) Less than a second ago|exited\n");
    expect(await h.run("docker rm c1")).toEqual({ exit: 0, stdout: "c1\n", stderr: "" });
    expect(await h.run("docker rm c1")).toEqual({ exit: 1, stdout: "", stderr: "Error response from daemon: No such container: c1\n" });
  });
  it("stops a sleeping PID 1 only with SIGKILL after the timeout", async () => {
    const h = createHost();
    await h.run("docker run -d --name sl busybox sleep 300");
    expect(await h.run("docker stop -t 1 sl")).toEqual({ exit: 0, stdout: "sl\n", stderr: "" });
    expect((await h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' sl")).stdout).toBe("exited 137 false\n");
  });
});

describe("Host.run with a step budget", () => {
  it("stops a runaway loop once its steps are spent, and the host runs on", async () => {
    const h = createHost();
    const r = await h.run("while :; do :; done", { steps: 2_000 });
    expect(r.exit).not.toBe(0);
    expect((await h.run("echo after")).stdout).toBe("after\n");
  });

  it("leaves a line within its budget alone", async () => {
    const r = await createHost().run("for i in 1 2 3; do echo $i; done", { steps: 2_000 });
    expect(r).toEqual({ exit: 0, stdout: "1\n2\n3\n", stderr: "" });
  });
});
