import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { networksView } from "./networks";

async function run(host: ReturnType<typeof createHost>, line: string) {
  const r = await host.run(line);
  expect(r.exit, `${line}: ${r.stderr}`).toBe(0);
}

describe("networks view", () => {
  it("shows the built-in networks and the host on a fresh engine", () => {
    const m = networksView(createHost().daemon);
    expect(m.networks.map((n) => [n.name, n.driver, n.bridge, n.subnet, n.dns])).toEqual([
      ["bridge", "bridge", "docker0", "172.17.0.0/16", false],
      ["host", "host", null, null, false],
      ["none", "null", null, null, false],
    ]);
    expect(m.host.hostname).toBe("layerlab");
    expect(m.host.interfaces).toEqual([
      { name: "lo", addr: "127.0.0.1/8" },
      { name: "eth0", addr: "10.0.2.15/24" },
      { name: "docker0", addr: "172.17.0.1/16" },
    ]);
    expect(m.host.published).toEqual([]);
  });

  it("shows attached containers with IPs, DNS names on a user network, and published ports", async () => {
    const host = createHost();
    await run(host, "docker network create app");
    await run(host, "docker run -d --name db --network app --network-alias database busybox sleep 300");
    await run(host, "docker run -d --name web -p 8080:80 busybox sleep 300");
    await run(host, "docker create --name later --network app busybox");
    const m = networksView(host.daemon);
    expect(m.networks.map((n) => n.name)).toEqual(["app", "bridge", "host", "none"]);
    const app = m.networks[0];
    expect(app).toMatchObject({ driver: "bridge", subnet: "172.18.0.0/16", gateway: "172.18.0.1", dns: true, builtin: false });
    expect(app.bridge).toBe(`br-${app.id.slice(0, 12)}`);
    const [db, later] = app.attachments;
    expect(db).toMatchObject({ container: "db", running: true, ip: "172.18.0.2", aliases: ["database"] });
    expect(db.dnsNames).toEqual(["db", "database", db.shortId]);
    expect(later).toMatchObject({ container: "later", running: false, ip: "" });
    const bridge = m.networks.find((n) => n.name === "bridge")!;
    expect(bridge.attachments).toEqual([expect.objectContaining({ container: "web", ip: "172.17.0.2", dnsNames: [] })]);
    expect(m.host.published).toEqual([{ hostIp: "0.0.0.0", hostPort: "8080", container: "web", containerPort: "80", proto: "tcp" }]);
    expect(m.host.interfaces.map((i) => i.name)).toContain(app.bridge);

    await run(host, "docker stop -t 1 web");
    const after = networksView(host.daemon);
    expect(after.host.published).toEqual([]);
    expect(after.networks.find((n) => n.name === "bridge")!.attachments[0]).toMatchObject({ container: "web", running: false, ip: "" });
  });

  it("shows containers that share another's network namespace", async () => {
    const host = createHost();
    await run(host, "docker run -d --name base busybox sleep 300");
    await run(host, "docker run -d --name side --network container:base busybox sleep 300");
    expect(networksView(host.daemon).shared).toEqual([{ container: "side", with: "base" }]);
  });
});
