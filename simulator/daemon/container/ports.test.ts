import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";
import { EPHEMERAL_FIRST, portOwner } from "./ports";

describe("published ports", () => {
  it("binds a host port once, leaves a conflicting container created, and frees the port at stop", async () => {
    const h = createHost();
    const first = await h.run("docker run -d --name first -p 8080:80 busybox sleep 300");
    expect(first.exit).toBe(0);
    const second = await h.run("docker run -d --name second -p 8080:80 busybox sleep 300");
    expect(second.exit).toBe(125);
    expect(second.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(second.stderr).toContain("Bind for 0.0.0.0:8080 failed: port is already allocated");
    expect(h.daemon.mustContainer("second").state.Status).toBe("created");
    expect(portOwner(h.daemon, "tcp", "127.0.0.1", 8080)).toBe(h.daemon.mustContainer("first").id);
    expect(portOwner(h.daemon, "udp", "0.0.0.0", 8080)).toBeNull();
    await h.run("docker stop -t 0 first");
    expect(portOwner(h.daemon, "tcp", "0.0.0.0", 8080)).toBeNull();
    expect((await h.run("docker start second")).exit).toBe(0);
  });
  it("picks ephemeral ports for -p without a host port and for -P, highest container port first", async () => {
    const h = createHost();
    await h.run("docker run -d --name pa -p 80 -p 81 busybox sleep 300");
    await h.run("docker run -d --name pb -P --expose 90 busybox sleep 300");
    expect((await h.run("docker port pa")).stdout).toBe(
      `80/tcp -> 0.0.0.0:${EPHEMERAL_FIRST + 1}\n80/tcp -> [::]:${EPHEMERAL_FIRST + 1}\n81/tcp -> 0.0.0.0:${EPHEMERAL_FIRST}\n81/tcp -> [::]:${EPHEMERAL_FIRST}\n`,
    );
    expect((await h.run("docker port pb 90")).stdout).toBe(`0.0.0.0:${EPHEMERAL_FIRST + 2}\n[::]:${EPHEMERAL_FIRST + 2}\n`);
  });
});
