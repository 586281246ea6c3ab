// Which hostname a container gets with --network host, --network container:<name> and --uts host,
// as Docker 20.10 gives it (checked on the real engine with the lab busybox image).
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";

describe("hostnames and shared namespaces", () => {
  it("--network container:<name> takes that container's hostname, in inspect and /etc/hostname", async () => {
    const h = createHost();
    await h.run("docker run -d --name tgt --hostname web01 busybox sleep 300");
    expect((await h.run("docker run --name joiner --network container:tgt busybox sh -c 'hostname; cat /etc/hostname'")).stdout).toBe("web01\nweb01\n");
    expect((await h.run("docker inspect -f '{{.Config.Hostname}}' joiner")).stdout).toBe("web01\n");
  });
  it("--network host takes the host's name unless --hostname is given", async () => {
    const h = createHost({ hostname: "vm" });
    expect((await h.run("docker run --rm --network host busybox sh -c 'hostname; cat /etc/hostname'")).stdout).toBe("vm\nvm\n");
    expect((await h.run("docker run --rm --network host --hostname foo busybox hostname")).stdout).toBe("foo\n");
  });
  it("--uts host shares the host's hostname; /etc/hostname keeps the container's own", async () => {
    const h = createHost({ hostname: "vm" });
    const r = await h.run("docker run --name uts --uts host busybox sh -c 'hostname; cat /etc/hostname'");
    const id = (await h.run("docker inspect -f '{{.Id}}' uts")).stdout.slice(0, 12);
    expect(r.stdout).toBe(`vm\n${id}\n`);
  });
});
