// One simulated machine: /proc, free, nproc, uname and docker stats describe the same host.
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

describe("the host's facts agree everywhere", () => {
  it("memory, CPUs and kernel are the same in /proc, the applets and docker stats", async () => {
    const h = createHost();
    const meminfo = (await h.run("docker run --rm busybox sh -c 'head -1 /proc/meminfo'")).stdout;
    const total = Number(/MemTotal:\s+(\d+) kB/.exec(meminfo)?.[1]);
    expect((await h.run("docker run --rm -m 8m busybox sh -c 'free | sed -n 2p'")).stdout.split(/\s+/)[1]).toBe(String(total));
    const cpus = (await h.run("docker run --rm busybox sh -c 'grep -c processor /proc/cpuinfo; nproc'")).stdout.split("\n");
    expect(cpus[0]).toBe(cpus[1]);
    expect((await h.run("uname -r")).stdout).toBe(/^Linux version (\S+)/.exec((await h.run("docker run --rm busybox cat /proc/version")).stdout)![1] + "\n");
    await h.run("docker run -d --name stat-me busybox sleep 300");
    const limit = (await h.run("docker stats --no-stream --format '{{.MemUsage}}' stat-me")).stdout.trim().split(" / ")[1];
    expect(limit).toBe(`${((total * 1024) / 2 ** 30).toFixed(3).replace(/0+$/, "")}GiB`);
  });
});
