import { describe, expect, it } from "vitest";
import { createHost } from "./host";
import { buildReports } from "../builder/why";
import { exportHost, loadHost, validateHostState, type HostState } from "./state";

const SETUP = [
  "mkdir app && cd app && printf 'FROM busybox\\nCOPY a.txt /a.txt\\nRUN echo built > /b.txt\\n' > Dockerfile && echo one > a.txt",
  "cd app && docker build -t demo .",
  "cd app && DOCKER_BUILDKIT=0 docker build -t legacy .",
  "docker volume create data",
  "docker run --rm -v data:/data busybox sh -c 'echo kept > /data/note'",
  "docker network create app",
  "docker create --name idle --network app -v data:/data -p 8080:80 busybox sleep 1000",
  "docker run --name done busybox sh -c 'echo x > /x'",
  "docker commit done committed",
];

const FOLLOW_UP = [
  "cd app && docker build -t demo .",
  "cd app && DOCKER_BUILDKIT=0 docker build -t legacy .",
  "cd app && echo two > a.txt && docker build -t demo .",
  "docker images",
  "docker system df",
  "docker ps -a --format '{{.Names}} {{.Status}} {{.Ports}} {{.Networks}}'",
  "docker run -d --name web2 --network app busybox sleep 1000",
  "docker inspect web2 --format '{{.NetworkSettings.Networks.app.IPAddress}}'",
  "docker start idle",
  "docker run --rm -p 8080:80 busybox true",
  "docker run --rm -v data:/data busybox cat /data/note",
  "docker commit done committed2",
  "docker inspect committed2 --format '{{.Created}}'",
  "docker run -d busybox true",
  "docker ps -a --format '{{.Names}}'",
  "docker diff done",
  "docker builder prune -f",
];

async function busyHost() {
  const h = createHost({ seed: 7 });
  await h.run("docker run --name keep busybox sh -c 'echo data > /data.txt; echo logged'");
  await h.run("docker run -d --name srv busybox sleep 1000");
  await h.run("echo hello > notes.txt", { cwd: "/home/learner" });
  return h;
}

describe("host state", () => {
  it("round-trips through JSON: images, containers, their files and logs, host files", async () => {
    const h = await busyHost();
    const saved = JSON.parse(JSON.stringify(exportHost(h))) as HostState;
    expect(validateHostState(saved)).toEqual([]);
    const h2 = loadHost(saved);
    expect((await h2.run("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("srv running\nkeep exited\n");
    expect((await h2.run("docker logs keep")).stdout).toBe("logged\n");
    expect((await h2.run("docker start -a keep")).stdout).toBe("logged\n");
    expect((await h2.run("cat /home/learner/notes.txt")).stdout).toBe("hello\n");
    expect((await h2.run("docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe("busybox:latest\n");
  });

  it("is deterministic: the same history exports the same state", async () => {
    const a = JSON.stringify(exportHost(await busyHost()));
    const b = JSON.stringify(exportHost(await busyHost()));
    expect(a).toBe(b);
  });

  it("keeps the container's writable layer across a save", async () => {
    const h = await busyHost();
    const h2 = loadHost(JSON.parse(JSON.stringify(exportHost(h))));
    const keep = [...h2.daemon.containers.values()].find((c) => c.name === "keep")!;
    expect(new TextDecoder().decode(keep.rw!.entries!.get("data.txt")!.data)).toBe("data\n");
  });

  it("round-trips the build caches: a rebuild after loading hits the cache as it would have", async () => {
    const a = createHost({ seed: 3 });
    for (const line of SETUP) {
      const r = await a.run(line);
      expect(r.exit, `${line}: ${r.stderr}`).toBe(0);
    }
    const b = loadHost(JSON.parse(JSON.stringify(exportHost(a))));
    // Every later command prints the same on the original host and on the loaded one: cache
    // hits (BuildKit and legacy), miss reasons, IDs and names from the generators, image
    // creation stamps, network addresses, published ports, volume contents.
    const outputs: string[] = [];
    for (const line of FOLLOW_UP) {
      const [ra, rb] = [await a.run(line), await b.run(line)];
      expect(rb, line).toEqual(ra);
      outputs.push(rb.stdout + rb.stderr);
    }
    expect(outputs[0]).toMatch(/#6 \[2\/3\] COPY a.txt \/a.txt\n#6 CACHED/);
    expect(outputs[1]).toMatch(/Step 2\/3 : COPY a.txt \/a.txt\n ---> Using cache/);
  });

  it("keeps why each build step hit or missed", async () => {
    const a = createHost({ seed: 3 });
    for (const line of SETUP) await a.run(line);
    await a.run("cd app && echo changed > a.txt && docker build -t demo .");
    const b = loadHost(JSON.parse(JSON.stringify(exportHost(a))));
    const reports = (h: typeof a) => buildReports(h.daemon).map((r) => r.steps.map((s) => [s.instruction, s.cache, s.reason?.kind ?? ""]));
    expect(reports(b)).toEqual(reports(a));
    expect(reports(b).at(-1)).toContainEqual(["COPY a.txt /a.txt", "MISS", "files-changed"]);
  });

  it("saves a loaded host exactly as it was saved (no running containers)", async () => {
    const a = createHost({ seed: 3 });
    for (const line of SETUP) await a.run(line);
    const saved = JSON.stringify(exportHost(a));
    expect(JSON.stringify(exportHost(loadHost(JSON.parse(saved))))).toBe(saved);
  });

  it("starts a container that was running again, with its volume and network", async () => {
    const a = createHost({ seed: 3 });
    for (const line of SETUP) await a.run(line);
    await a.run("docker run -d --name web --network app -v data:/data -p 8080:80 busybox sleep 1000");
    const b = loadHost(JSON.parse(JSON.stringify(exportHost(a))));
    expect((await b.run("docker ps --format '{{.Names}} {{.Ports}} {{.Networks}}'")).stdout).toBe("web 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp app\n");
    expect((await b.run("docker exec web cat /data/note")).stdout).toBe("kept\n");
    expect((await b.run("docker run --rm -p 8080:80 busybox true")).stderr).toMatch(/port is already allocated/);
  });

  it("keeps registry content: a pushed image can be pulled again after a load (private registry and Hub)", async () => {
    const a = createHost({ seed: 3 });
    await a.run("docker run -d --name reg -p 5000:5000 -v regdata:/var/lib/registry registry:2");
    await a.run("docker run --name mk busybox sh -c 'echo v1 > /v' && docker commit mk localhost:5000/app:1 && docker rm mk");
    const push = (await a.run("docker push localhost:5000/app:1")).stdout;
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push)![1];
    await a.run("echo pw | docker login -u alice --password-stdin && docker tag localhost:5000/app:1 alice/app:1 && docker push alice/app:1");
    await a.run("docker rmi localhost:5000/app:1 alice/app:1");
    const saved = JSON.parse(JSON.stringify(exportHost(a))) as HostState;
    expect(saved.version).toBe(3);
    expect(saved.registries.stores.map(([k]) => k)).toEqual(["volume:regdata"]);
    // busybox's layer is the engine's own (saved as its chain ID); the removed image's layer as files
    const layers = saved.registries.stores[0][1].blobs.flatMap(([, b]) => (b.kind === "layer" ? [b.layer !== undefined ? "ref" : "tree"] : []));
    expect(layers.sort()).toEqual(["ref", "tree"]);
    // official repositories are not saved (the image models rebuild them)
    expect(saved.registries.hub.content.repos.map(([n]) => n)).toEqual(["alice/app"]);
    const b = loadHost(saved);
    expect((await b.run("docker ps --format '{{.Names}}'")).stdout).toBe("reg\n");
    const pulled = await b.run("docker pull localhost:5000/app:1");
    expect(pulled.stdout).toContain(`Digest: ${digest}\nStatus: Downloaded newer image for localhost:5000/app:1\n`);
    expect((await b.run("docker run --rm localhost:5000/app:1 cat /v")).stdout).toBe("v1\n");
    expect((await b.run("docker pull alice/app:1")).stdout).toContain(`Digest: ${digest}\n`);
    // the account keeps its password
    expect((await b.run("docker login -u alice -p wrong")).stderr).toContain("unauthorized: incorrect username or password");
    // a loaded host saves the same registry content
    expect(JSON.parse(JSON.stringify(exportHost(loadHost(saved)).registries))).toEqual(saved.registries);
  });

  it("loads a version 2 state (before registries were saved) with empty registries", async () => {
    const a = await busyHost();
    const v3 = JSON.parse(JSON.stringify(exportHost(a))) as HostState;
    const { registries: _gone, ...rest } = v3;
    const v2 = { ...rest, version: 2 };
    expect(validateHostState(v2)).toEqual([]);
    expect(validateHostState({ ...v3, version: 4 })).toEqual(["unsupported state version 4"]);
    const b = loadHost(v2 as unknown as HostState);
    expect((await b.run("docker ps -a --format '{{.Names}} {{.State}}'")).stdout).toBe("srv running\nkeep exited\n");
    expect((await b.run("cat /home/learner/notes.txt")).stdout).toBe("hello\n");
    expect(exportHost(b).registries.stores).toEqual([]);
    expect((await b.run("docker pull localhost:5000/x")).stderr).toContain("connection refused");
  });

  it("rejects what is not a saved host", () => {
    expect(validateHostState({ format: "x" })).not.toEqual([]);
    expect(() => loadHost({ format: "nope" } as unknown as HostState)).toThrow(/cannot load host state/);
  });
});
