import { describe, expect, it } from "vitest";
import { createHost } from "../../../host/host";

describe("docker version, info and system df", () => {
  it("version names the client and the engine, and formats fields", async () => {
    const h = createHost();
    const r = await h.run("docker version");
    expect(r.stdout).toMatch(/^Client:\n Version: {11}28\.2\.2\n/);
    expect(r.stdout).toContain("\nServer:\n Engine:\n  Version:          20.10.24\n");
    expect((await h.run("docker version --format '{{.Server.Version}} {{.Client.ApiVersion}}'")).stdout).toBe("20.10.24 1.41\n");
  });
  it("info counts containers by state", async () => {
    const h = createHost();
    await h.run("docker run -d busybox sleep 100 > /dev/null; docker create busybox > /dev/null");
    expect((await h.run("docker info --format '{{.Containers}} {{.ContainersRunning}} {{.ContainersStopped}}'")).stdout).toBe("2 1 1\n");
    expect((await h.run("docker system info | grep -c 'Cgroup Version: 2'")).stdout).toBe("1\n");
  });
  it("info's template sees the default runtime and storage driver, as a 20.10 engine reports them", async () => {
    const h = createHost();
    expect((await h.run("docker info --format '{{.DefaultRuntime}} {{.InitBinary}} {{.Driver}}'")).stdout).toBe("runc docker-init overlay2\n");
  });
  it("system df counts a container's writable layer and what is reclaimable", async () => {
    const h = createHost();
    await h.run("docker run --name writer busybox dd if=/dev/zero of=/f bs=1024 count=100");
    const r = await h.run("docker system df --format '{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}|{{.Reclaimable}}'");
    expect(r.stdout.split("\n")[1]).toBe("Containers|1|0|102.4kB|102.4kB (100%)");
  });
});
