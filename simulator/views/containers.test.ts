import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { containersCursor, containersView, edgeOf, STATE_EDGES, STATE_NODES } from "./containers";

async function run(host: ReturnType<typeof createHost>, line: string) {
  const r = await host.run(line);
  expect(r.exit, `${line}: ${r.stderr}`).toBe(0);
}

describe("state diagram", () => {
  it("has a node for each of Docker's states and edges only between them", () => {
    const ids = STATE_NODES.map((n) => n.id);
    expect(ids.sort()).toEqual(["created", "dead", "exited", "paused", "removing", "restarting", "running"]);
    for (const e of STATE_EDGES) {
      expect(ids).toContain(e.from);
      expect(ids).toContain(e.to);
    }
    expect(edgeOf("running", "paused")?.label).toBe("pause");
    expect(edgeOf("paused", "exited")).toBeNull();
  });
});

describe("containers view", () => {
  it("follows a container through run, pause, stop and rm, one command at a time", async () => {
    const host = createHost();
    let m = containersView(host.daemon);
    expect(m.containers).toEqual([]);
    expect(m.live).toBe(false);

    await run(host, "docker run -d --name web -m 64m --pids-limit 20 --cpus 0.5 --read-only busybox sleep 300");
    m = containersView(host.daemon, m.since);
    const web = m.containers[0];
    expect(web).toMatchObject({ name: "web", image: "busybox", command: "sleep 300", status: "running", trail: ["created", "running"], restartPolicy: "no" });
    expect(web.statusText).toMatch(/^Up /);
    expect(web.processes).toEqual([expect.objectContaining({ nsPid: 1, uid: 0, command: "sleep 300" })]);
    expect(web.limits).toMatchObject({ memory: 64 * 1024 * 1024, cpus: 0.5, pidsLimit: 20, readonlyRootfs: true, privileged: false });
    expect(web.limits.usage).toMatchObject({ pids: 1, memoryLimit: 64 * 1024 * 1024 });
    expect(m.counts.running).toBe(1);
    expect(m.live).toBe(true);

    await run(host, "docker pause web");
    m = containersView(host.daemon, m.since);
    expect(m.containers[0]).toMatchObject({ status: "paused", trail: ["running", "paused"] });
    expect(m.containers[0].processes[0].state).toBe("T");

    await run(host, "docker unpause web");
    await run(host, "docker stop -t 1 web");
    m = containersView(host.daemon, m.since);
    expect(m.containers[0]).toMatchObject({ status: "exited", trail: ["paused", "running", "exited"], exitCode: 137, processes: [] });
    expect(m.containers[0].statusText).toMatch(/^Exited \(137\) /);
    expect(m.containers[0].limits.usage).toBeNull();
    expect(m.live).toBe(false);

    // nothing happened: the trail is the state alone
    m = containersView(host.daemon, m.since);
    expect(m.containers[0].trail).toEqual(["exited"]);

    await run(host, "docker rm web");
    m = containersView(host.daemon, m.since);
    expect(m.containers).toEqual([]);
    expect(m.removed).toEqual([{ id: expect.any(String), shortId: expect.any(String), name: "web", trail: ["exited", "removing"] }]);
    // and once shown, it is gone
    m = containersView(host.daemon, m.since);
    expect(m.removed).toEqual([]);
  });

  it("continues from a cursor taken without drawing", async () => {
    const host = createHost();
    await run(host, "docker create --name box busybox");
    const cursor = containersCursor(host.daemon);
    expect(cursor.statuses.get(containersView(host.daemon).containers[0].id)).toEqual({ status: "created", name: "box" });
    await run(host, "docker start box");
    expect(containersView(host.daemon, cursor).containers[0].trail).toEqual(["created", "running", "exited"]);
  });

  it("shows a --rm container's whole life within one command", async () => {
    const host = createHost();
    const m0 = containersView(host.daemon);
    await run(host, "docker run --rm --name once busybox true");
    const m = containersView(host.daemon, m0.since);
    expect(m.containers).toEqual([]);
    expect(m.removed).toEqual([expect.objectContaining({ name: "once", trail: ["created", "running", "exited", "removing"] })]);
  });

  it("shows a container that a restart policy brings back as passing through restarting", async () => {
    const host = createHost();
    const m0 = containersView(host.daemon);
    await run(host, "docker run -d --name flaky --restart always busybox sh -c 'sleep 1; exit 2'");
    await run(host, "sleep 2");
    const m = containersView(host.daemon, m0.since);
    const c = m.containers[0];
    expect(c.restartCount).toBeGreaterThan(0);
    expect(c.restartPolicy).toBe("always");
    expect(c.trail.slice(0, 4)).toEqual(["created", "running", "restarting", "running"]);
    expect(c.trail.at(-1)).toBe(c.status);
  });

  it("lists mounts (volumes, binds, tmpfs) and a created container", async () => {
    const host = createHost();
    await run(host, "mkdir -p /home/learner/site");
    await run(host, "docker run -d --name mnt -v data:/data -v /home/learner/site:/site:ro --tmpfs /scratch busybox sleep 60");
    await run(host, "docker create --name fresh busybox");
    const m = containersView(host.daemon);
    expect(m.containers.map((c) => [c.name, c.status, c.statusText])).toEqual([
      ["fresh", "created", "Created"],
      ["mnt", "running", expect.stringMatching(/^Up /)],
    ]);
    expect(m.containers[1].mounts).toEqual([
      { type: "volume", source: "data", destination: "/data", rw: true },
      { type: "bind", source: "/home/learner/site", destination: "/site", rw: false },
      { type: "tmpfs", source: "", destination: "/scratch", rw: true },
    ]);
  });
});
