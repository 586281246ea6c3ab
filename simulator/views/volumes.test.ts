import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { volumesView } from "./volumes";

async function run(host: ReturnType<typeof createHost>, line: string) {
  const r = await host.run(line);
  expect(r.exit, `${line}: ${r.stderr}`).toBe(0);
}

describe("volumes view", () => {
  it("shows volumes with their size and users, bind mounts by host path, and tmpfs", async () => {
    const host = createHost();
    await run(host, "docker volume create spare");
    await run(host, "mkdir -p /home/learner/site");
    await run(host, "docker run --name writer -v data:/data busybox sh -c 'echo hello > /data/greeting'");
    await run(host, "docker run -d --name reader -v data:/data:ro -v /home/learner/site:/usr/share/site busybox sleep 300");
    await run(host, "docker run -d --name anon -v /cache --tmpfs /scratch busybox sleep 300");
    await run(host, "docker create --name planned -v spare:/spare busybox");
    const m = volumesView(host.daemon);
    const names = m.volumes.map((v) => v.name);
    expect(names.slice(0, 2)).toEqual(["data", "spare"]);
    const data = m.volumes[0];
    expect(data).toMatchObject({ anonymous: false, mountpoint: "/var/lib/docker/volumes/data/_data", bytes: 6, files: 1 });
    expect(data.users).toEqual([
      { container: "writer", shortId: expect.any(String), running: false, destination: "/data", rw: true },
      { container: "reader", shortId: expect.any(String), running: true, destination: "/data", rw: false },
    ]);
    // a container never started: the volume it asks for is listed as used by it
    expect(m.volumes[1].users.map((u) => u.container)).toEqual(["planned"]);
    const anon = m.volumes[2];
    expect(anon).toMatchObject({ anonymous: true, users: [expect.objectContaining({ container: "anon", destination: "/cache" })] });
    expect(m.binds).toEqual([{ source: "/home/learner/site", exists: true, users: [expect.objectContaining({ container: "reader", destination: "/usr/share/site", rw: true })] }]);
    expect(m.tmpfs).toEqual([{ container: "anon", shortId: expect.any(String), destination: "/scratch" }]);
  });

  it("drops a volume's users when containers go, and the volume with `docker volume rm`", async () => {
    const host = createHost();
    await run(host, "docker run --name wr -v keep:/k busybox true");
    expect(volumesView(host.daemon).volumes[0].users).toHaveLength(1);
    await run(host, "docker rm wr");
    expect(volumesView(host.daemon).volumes[0]).toMatchObject({ name: "keep", users: [] });
    await run(host, "docker volume rm keep");
    expect(volumesView(host.daemon).volumes).toEqual([]);
  });
});
