import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";
import { exportHost, loadHost } from "../../host/state";
import { rootCred } from "../../runtime/cred";

function host() {
  const h = createHost();
  const run = (line: string) => h.run(line, { cwd: "/root", cred: rootCred() });
  return { h, run };
}

const out = async (p: Promise<{ stdout: string }>) => (await p).stdout;

describe("network model", () => {
  it("allocates user subnets from Docker's default pools in order, skipping taken ones", async () => {
    const { h, run } = host();
    await run("docker network create a");
    await run("docker network create --subnet 172.19.0.0/16 fixed");
    await run("docker network create b");
    const subnet = (n: string) => h.daemon.networks.get(n).IPAM.Config[0];
    expect(subnet("a")).toEqual({ Subnet: "172.18.0.0/16", Gateway: "172.18.0.1" });
    expect(subnet("fixed")).toEqual({ Subnet: "172.19.0.0/16" });
    expect(subnet("b")).toEqual({ Subnet: "172.20.0.0/16", Gateway: "172.20.0.1" });
  });

  it("gives containers addresses from .2 up and takes freed ones again", async () => {
    const { run } = host();
    await run("docker run -d --name one busybox sleep 300");
    await run("docker run -d --name two busybox sleep 300");
    expect(await out(run("docker inspect -f '{{.NetworkSettings.IPAddress}}' one two"))).toBe("172.17.0.2\n172.17.0.3\n");
    await run("docker rm -f one");
    expect(await out(run("docker run --rm busybox hostname -i"))).toBe("172.17.0.2\n");
  });

  it("answers names, aliases, short IDs and <name>.<network> on a user network only", async () => {
    const { h, run } = host();
    await run("docker network create --subnet 10.9.0.0/24 app");
    await run("docker run -d --name db --network app busybox sleep 300");
    const id = h.daemon.mustContainer("db").shortId;
    for (const name of ["db", id, "db.app"]) {
      expect(await out(run(`docker run --rm --network app busybox nslookup -type=a ${name}`))).toContain("Address: 10.9.0.2\n");
    }
    const r = await run("docker run --rm --dns 127.0.0.1 busybox ping -c1 -W1 db");
    expect(r).toEqual({ exit: 1, stdout: "", stderr: "WARNING: Localhost DNS (127.0.0.1) may fail in containers.\nping: bad address 'db'\n" });
  });

  it("isolates user networks: no name, and a connection by address times out", async () => {
    const { run } = host();
    await run("docker network create --subnet 10.1.0.0/24 front");
    await run("docker network create --subnet 10.2.0.0/24 back");
    await run("docker run -d --name api --network back busybox httpd -f -p 80 -h /");
    expect(await run("docker run --rm --network front busybox nc -w 2 10.2.0.2 80")).toEqual({ exit: 1, stdout: "", stderr: "nc: timed out\n" });
    expect((await run("docker run --rm --network back busybox nc -w 2 10.2.0.2 80 </dev/null")).exit).toBe(0);
  });

  it("connect adds an interface at once; disconnect takes it and the name away", async () => {
    const { run } = host();
    await run("docker network create --subnet 10.3.0.0/24 n1");
    await run("docker network create --subnet 10.4.0.0/24 n2");
    await run("docker run -d --name app --network n1 busybox sleep 300");
    await run("docker network connect --alias extra n2 app");
    expect(await out(run("docker exec app sh -c 'ip -o -4 addr | cut -d\" \" -f2,7'"))).toBe("lo 127.0.0.1/8\neth0 10.3.0.2/24\neth1 10.4.0.2/24\n");
    expect(await out(run("docker run --rm --network n2 busybox nslookup -type=a extra"))).toContain("10.4.0.2");
    await run("docker network disconnect n2 app");
    expect(await out(run("docker exec app sh -c 'ip -o -4 addr | wc -l'"))).toBe("2\n");
    expect(await run("docker network disconnect n2 app")).toMatchObject({ exit: 1, stderr: expect.stringContaining("is not connected to network n2") });
  });

  it("refuses to remove networks in use or predefined, and prunes unused ones", async () => {
    const { run } = host();
    await run("docker network create --subnet 10.5.0.0/24 busy");
    await run("docker network create --subnet 10.6.0.0/24 idle");
    await run("docker run -d --name c1 --network busy busybox sleep 300");
    expect((await run("docker network rm busy")).stderr).toMatch(/has active endpoints\nexit status 1\n$/);
    expect((await run("docker network rm none")).stderr).toBe("Error response from daemon: none is a pre-defined network and cannot be removed\nexit status 1\n");
    expect(await out(run("docker network prune -f"))).toBe("Deleted Networks:\nidle\n\n");
  });

  it("publishes ports to the host's localhost and forwards to the container", async () => {
    const { run } = host();
    await run("docker run -d --name web -p 8080:80 busybox sh -c 'echo hi > /i.html && httpd -f -p 80 -h /'");
    expect(await run("wget -qO- http://localhost:8080/i.html")).toEqual({ exit: 0, stdout: "hi\n", stderr: "" });
    expect(await run("wget -qO- http://127.0.0.1:8081/")).toEqual({ exit: 1, stdout: "", stderr: "wget: can't connect to remote host (127.0.0.1): Connection refused\n" });
    await run("docker stop -t 0 web");
    expect((await run("wget -qO- http://127.0.0.1:8080/i.html")).exit).toBe(1);
  });

  it("serves a host-network container's port on the host itself", async () => {
    const { run } = host();
    await run("docker run -d --network host busybox sh -c 'echo on host > /i && httpd -f -p 127.0.0.1:8099 -h /'");
    expect(await out(run("wget -qO- http://127.0.0.1:8099/i"))).toBe("on host\n");
    expect(await out(run("ip -o -4 addr | cut -d' ' -f2 | sort"))).toBe("docker0\neth0\nlo\n");
  });

  it("writes legacy link entries into /etc/hosts", async () => {
    const { h, run } = host();
    await run("docker run -d --name db busybox sleep 300");
    const id = h.daemon.mustContainer("db").shortId;
    expect(await out(run("docker run --rm --link db:database busybox sh -c 'grep database /etc/hosts'"))).toBe(`172.17.0.2\tdatabase ${id} db\n`);
  });

  it("survives a save and load: networks, volumes, published ports and addresses", async () => {
    const { h, run } = host();
    await run("docker network create --subnet 10.7.0.0/24 app");
    await run("docker run -d --name web --network app -p 8080:80 busybox sh -c 'echo hi > /i && httpd -f -p 80 -h /'");
    await run("docker run --rm -v data:/d busybox sh -c 'echo kept > /d/f'");
    const h2 = loadHost(JSON.parse(JSON.stringify(exportHost(h))));
    const run2 = (line: string) => h2.run(line, { cwd: "/root", cred: rootCred() });
    await run2("sleep 1");
    expect(await out(run2("docker run --rm --network app busybox wget -qO- http://web/i"))).toBe("hi\n");
    expect(await out(run2("wget -qO- http://127.0.0.1:8080/i"))).toBe("hi\n");
    expect(await out(run2("docker run --rm -v data:/d busybox cat /d/f"))).toBe("kept\n");
    expect(await out(run2("docker inspect -f '{{.NetworkSettings.Networks.app.IPAddress}}' web"))).toBe("10.7.0.2\n");
    expect(await out(run2("docker run --rm --network app busybox hostname -i"))).toBe("10.7.0.3\n");
  });

  it("a default-bridge container connected to a user network resolves names through 127.0.0.11", async () => {
    const { run } = host();
    await run("docker network create --subnet 10.76.0.0/24 user");
    await run("docker run -d --name target --network user busybox sleep 300");
    await run("docker run -d --name late busybox sleep 300");
    await run("docker network connect user late");
    expect(await out(run("docker exec late cat /etc/resolv.conf"))).toBe("nameserver 127.0.0.11\noptions ndots:0\n");
    expect(await out(run("docker exec late nslookup -type=a target"))).toContain("Address: 10.76.0.2\n");
    expect(await out(run("docker run --rm --network user busybox nslookup 10.76.0.2"))).toContain("2.0.76.10.in-addr.arpa\tname = target.user\n");
  });
});
