import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../host/host";
import { SimEngine } from "./sim-engine";

async function sh(h: Host, line: string): Promise<string> {
  const r = await h.run(line);
  if (r.exit !== 0) throw new Error(`${line}: exit ${r.exit}: ${r.stderr}`);
  return r.stdout;
}

async function inspectJSON(h: Host, line: string): Promise<unknown> {
  return (JSON.parse(await sh(h, line)) as unknown[])[0];
}

describe("SimEngine: the same JSON the simulated docker CLI prints", () => {
  it("container(): equals `docker inspect`, by name, /name, ID and ID prefix; null when missing", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker run --name hello --label team=a busybox echo hello");
    const printed = await inspectJSON(h, "docker inspect hello");
    const c = await e.container("hello");
    expect(c).toEqual(printed);
    expect(c!.State.Status).toBe("exited");
    expect(c!.Config.Cmd).toEqual(["echo", "hello"]);
    expect(c!.Name).toBe("/hello");
    expect((await e.container(c!.Id))!.Id).toBe(c!.Id);
    expect((await e.container(c!.Id.slice(0, 6)))!.Id).toBe(c!.Id);
    expect((await e.container("/hello"))!.Id).toBe(c!.Id);
    expect(await e.container("nosuch")).toBeNull();
    expect(await e.container("")).toBeNull();
  });

  it("container(): a detached copy (changing it changes nothing in the engine)", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker create --name c1 busybox true");
    const c = await e.container("c1");
    c!.Config.Cmd!.push("x");
    c!.State.Status = "running";
    expect((await e.container("c1"))!.Config.Cmd).toEqual(["true"]);
    expect(await inspectJSON(h, "docker inspect c1")).toEqual(await e.container("c1"));
  });

  it("containers(): the rows `docker ps --format '{{json .}}'` prints, in its order", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker run --name done busybox sh -c 'echo a b'");
    await sh(h, "docker run -d --name web -p 8080:80 --label role=web busybox sleep 300");
    const running = await e.containers();
    expect(running.map((c) => c.Names)).toEqual([["/web"]]);
    const all = await e.containers({ all: true });
    const rows = (await sh(h, "docker ps -a --no-trunc --format '{{json .}}'"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(all.map((c) => c.Id)).toEqual(rows.map((r) => r.ID));
    for (const [i, c] of all.entries()) {
      const r = rows[i];
      expect(c.Names).toEqual(["/" + r.Names]);
      expect(JSON.stringify(c.Command)).toBe(r.Command);
      expect(c.State).toBe(r.State);
      expect(c.Status).toBe(r.Status);
      expect(c.Image).toBe(r.Image);
      expect(Object.entries(c.Labels).map(([k, v]) => `${k}=${v}`).join(",")).toBe(r.Labels);
    }
    const web = all[0];
    expect(web.Command).toBe("sleep 300");
    expect(all[1].Command).toBe("sh -c 'echo a b'");
    expect(web.ImageID).toBe((await e.image("busybox"))!.Id);
    expect(web.Ports).toEqual([
      { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
      { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
    ]);
    expect(web.HostConfig).toEqual({ NetworkMode: "default" });
    expect(Object.keys(web.NetworkSettings as { Networks: object }).length).toBe(1);
  });

  it("containers(): Image is the image ID once the reference names another image", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker tag busybox mine:1");
    await sh(h, "docker create --name c1 mine:1 true");
    expect((await e.containers({ all: true }))[0].Image).toBe("mine:1");
    await sh(h, "docker rmi mine:1");
    const row = (await e.containers({ all: true }))[0];
    expect(row.Image).toBe(row.ImageID);
    expect(row.Image).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("image() and history(): `docker image inspect` JSON, history newest first; null when missing", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "mkdir app && printf 'FROM busybox\\nRUN echo hi > /hi\\nENV A=1\\n' > app/Dockerfile && docker build -q -t app:1 app");
    const img = await e.image("app:1");
    expect(img).toEqual(await inspectJSON(h, "docker image inspect app:1"));
    expect(img!.RepoTags).toEqual(["app:1"]);
    expect(img!.Config.Env).toContain("A=1");
    const hist = await e.history("app:1");
    const printed = (await sh(h, "docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' app:1")).trim().split("\n");
    expect(hist!.length).toBe(printed.length);
    expect(hist![0].CreatedBy).toBe(printed[0].split("|")[0]);
    expect(hist![0].Size).toBe(0);
    expect(hist!.filter((x) => x.Size > 0 || !x.CreatedBy.includes("#(nop)")).length).toBeGreaterThan(0);
    expect(Object.keys(hist![0]).sort()).toEqual(["Comment", "Created", "CreatedBy", "Id", "Size", "Tags"]);
    expect(hist![0].Tags).toEqual(["app:1"]);
    expect(img!.RootFS.Layers.length).toBe(2);
    expect(await e.image("nosuch:1")).toBeNull();
    expect(await e.history("nosuch")).toBeNull();
    expect(await e.image("")).toBeNull();
  });

  it("images(): one summary per image with its tags", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker tag busybox other:2");
    const list = await e.images();
    expect(list.length).toBe(1);
    expect([...list[0].RepoTags!].sort()).toEqual(["busybox:latest", "other:2"]);
    expect(list[0].Id).toBe((await e.image("busybox"))!.Id);
    expect(list[0].Size).toBe((await e.image("busybox"))!.Size);
  });

  it("volume() and network(): `docker volume/network inspect` JSON; null when missing", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker volume create --label k=v data");
    await sh(h, "docker network create --label k=v app");
    await sh(h, "docker run -d --name a1 --network app -v data:/data busybox sleep 300");
    expect(await e.volume("data")).toEqual(await inspectJSON(h, "docker volume inspect data"));
    expect(await e.network("app")).toEqual(await inspectJSON(h, "docker network inspect app"));
    const net = (await e.network("app"))!;
    const a1 = (await e.container("a1"))!;
    expect(Object.keys(net.Containers!)).toEqual([a1.Id]);
    expect(net.Containers![a1.Id].Name).toBe("a1");
    expect((await e.network(net.Id.slice(0, 8)))!.Name).toBe("app");
    expect((await e.volumes()).map((v) => v.Name)).toEqual(["data"]);
    expect((await e.networks()).map((n) => n.Name).sort()).toEqual(["app", "bridge", "host", "none"]);
    expect(a1.Mounts[0]).toMatchObject({ Type: "volume", Name: "data", Destination: "/data" });
    expect(await e.volume("nosuch")).toBeNull();
    expect(await e.network("nosuch")).toBeNull();
  });

  it("exec(): output and exit code like `docker exec`; refuses a stopped container with the daemon's words", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker run -d --name s1 busybox sleep 300");
    expect(await e.exec("s1", ["sh", "-c", "echo out; echo err >&2; exit 3"])).toEqual({ exitCode: 3, stdout: "out\n", stderr: "err\n" });
    expect(await e.exec("s1", ["id", "-u"], { user: "nobody" })).toMatchObject({ exitCode: 0, stdout: "65534\n" });
    expect(await e.exec("s1", ["pwd"], { workdir: "/tmp" })).toMatchObject({ exitCode: 0, stdout: "/tmp\n" });
    const cli = await h.run("docker exec s1 sh -c 'echo out; exit 3'");
    expect(cli.exit).toBe(3);
    const missing = await e.exec("s1", ["nosuchcmd"]);
    expect(missing.exitCode).toBe(126);
    expect(missing.stdout).toContain("executable file not found");
    // a long exec is given up, not waited for forever
    await expect(e.exec("s1", ["sleep", "100000"])).rejects.toThrow(/did not finish/);
    await sh(h, "docker stop -t 0 s1");
    const id = (await e.container("s1"))!.Id;
    await expect(e.exec("s1", ["true"])).rejects.toThrow(`Container ${id} is not running`);
    expect((await h.run("docker exec s1 true")).stderr).toBe(`Error response from daemon: Container ${id} is not running\n`);
    await expect(e.exec("nosuch", ["true"])).rejects.toThrow("No such container: nosuch");
  });

  it("readFile(): files of running and stopped containers, volumes included; null for dirs and missing", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "docker run --name w1 -v v1:/data busybox sh -c 'echo layer > /note; echo vol > /data/x; ln -s /note /link'");
    expect(await e.readFile("w1", "/note")).toBe("layer\n");
    expect(await e.readFile("w1", "note")).toBe("layer\n");
    expect(await e.readFile("w1", "/data/x")).toBe("vol\n");
    expect(await e.readFile("w1", "/etc")).toBeNull();
    expect(await e.readFile("w1", "/nope")).toBeNull();
    expect(await e.readFile("w1", "/link")).toBeNull();
    expect(await e.readFile("w1", "/etc/hostname")).toBe((await e.container("w1"))!.Config.Hostname + "\n");
    await expect(e.readFile("nosuch", "/x")).rejects.toThrow("No such container: nosuch");
  });

  it("hostFile(): the learner's home, relative paths only", async () => {
    const h = createHost();
    const e = new SimEngine(h);
    await sh(h, "mkdir -p app && echo 'FROM busybox' > app/Dockerfile");
    expect(await e.hostFile("app/Dockerfile")).toBe("FROM busybox\n");
    expect(await e.hostFile("./app/Dockerfile")).toBe("FROM busybox\n");
    expect(await e.hostFile("app")).toBeNull();
    expect(await e.hostFile("nope.txt")).toBeNull();
    await expect(e.hostFile("../../etc/passwd")).rejects.toThrow(/outside/);
  });
});
