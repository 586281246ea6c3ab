// --pid: a container in another container's PID namespace, or in the host's, as on Docker 20.10
// (outputs recorded on the real engine with the lab busybox image).
import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { containerTop } from "./top";

describe("--pid container:<name>", () => {
  it("names the other container by its full ID and refuses a missing one at create", async () => {
    const h = createHost();
    await h.run("docker run -d --name app busybox sleep 3600");
    const id = (await h.run("docker inspect -f '{{.Id}}' app")).stdout.trim();
    expect((await h.run("docker run -d --name dbg --pid container:app busybox sleep 3601")).exit).toBe(0);
    expect((await h.run("docker inspect -f '{{.HostConfig.PidMode}}' dbg")).stdout).toBe(`container:${id}\n`);
    const r = await h.run("docker create --name c1 --pid container:nosuch busybox true");
    expect([r.exit, r.stderr]).toEqual([1, "Error response from daemon: No such container: nosuch\n"]);
    const run = await h.run("docker run --rm --pid container:nosuch busybox true");
    expect(run.exit).toBe(125);
    expect(run.stderr).toContain("docker: Error response from daemon: No such container: nosuch\n");
  });

  it("shares the process table: each side sees both main processes, docker top only its own", async () => {
    const h = createHost();
    await h.run("docker run -d --name app busybox sleep 3600");
    await h.run("docker run -d --name dbg --pid container:app busybox sleep 3601");
    const ps = await h.run("docker exec dbg ps");
    expect(ps.stdout).toMatch(/^PID {3}USER {5}COMMAND\n {4}1 root {5}sleep 3600\n {4}7 root {5}sleep 3601\n +\d+ root {5}ps\n$/);
    expect((await h.run("docker exec app ps -o comm")).stdout).toBe("COMMAND\nsleep\nsleep\nps\n");
    expect(containerTop(h.daemon, "dbg", "").Processes.map((p) => p[7])).toEqual(["sleep 3601"]);
    expect(containerTop(h.daemon, "app", "").Processes.map((p) => p[7])).toEqual(["sleep 3600"]);
  });

  it("cannot start while the other container is not running, and ends when its init ends", async () => {
    const h = createHost();
    await h.run("docker create --name app busybox sleep 3600");
    const id = (await h.run("docker inspect -f '{{.Id}}' app")).stdout.trim();
    await h.run("docker create --name dbg --pid container:app busybox sleep 3601");
    const r = await h.run("docker start dbg");
    expect([r.exit, r.stderr]).toEqual([1, `Error response from daemon: container ${id} is not running\nError: failed to start containers: dbg\n`]);
    expect((await h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.Error}}' dbg")).stdout).toBe(`created 128 container ${id} is not running\n`);
    await h.run("docker start app");
    expect((await h.run("docker start dbg")).exit).toBe(0);
    await h.run("docker kill app");
    expect((await h.run("docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^dbg Exited \(137\) .*\napp Exited \(137\) /);
  });
});

describe("--pid host", () => {
  it("sees the host's processes, numbered as the host numbers them", async () => {
    const h = createHost();
    const r = await h.run("docker run --rm --pid host busybox sh -c 'ps -o pid,comm | head -2'");
    expect(r.stdout).toBe("PID   COMMAND\n    1 init\n");
    expect((await h.run("docker run --rm busybox sh -c 'ps -o pid,comm'")).stdout).toBe("PID   COMMAND\n    1 ps\n");
  });
});
