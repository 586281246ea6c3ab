import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { cpuWeight } from "./sysfs";

describe("/sys in a container", () => {
  it("shows the cgroup v2 files with the container's limits", async () => {
    const h = createHost();
    const r = await h.run("docker run --rm -m 64m --memory-swap 96m --pids-limit 20 --cpus 1.5 --cpu-shares 512 busybox sh -c 'cd /sys/fs/cgroup && cat memory.max memory.swap.max pids.max cpu.max cpu.weight'");
    expect(r.stdout).toBe(`${64 << 20}\n${32 << 20}\n20\n150000 100000\n${cpuWeight(512)}\n`);
  });
  it("says max where no limit is set, and counts the container's processes", async () => {
    const h = createHost();
    const r = await h.run("docker run --rm busybox sh -c 'sleep 5 & cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/pids.max /sys/fs/cgroup/pids.current'");
    // sh execs its last command, so cat (PID 1) and the background sleep are the two processes
    expect(r.stdout).toBe("max\nmax\n2\n");
  });
  it("lists the network namespace's interfaces", async () => {
    const h = createHost();
    expect((await h.run("docker run --rm busybox ls /sys/class/net")).stdout).toBe("eth0\nlo\n");
    expect((await h.run("docker run --rm --network none busybox cat /sys/class/net/lo/mtu")).stdout).toBe("65536\n");
  });
  it("converts cpu shares as runc does", () => {
    expect(cpuWeight(1024)).toBe(39);
    expect(cpuWeight(2)).toBe(1);
    expect(cpuWeight(262144)).toBe(10000);
  });
});
