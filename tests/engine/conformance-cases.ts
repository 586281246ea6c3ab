/**
 * The CheckEngine contract as test cases, for any engine: the simulator (tests/engine/sim.test.ts)
 * and a real Docker daemon (tests/real/). Each target is an engine plus a way to run docker
 * command lines on that same engine; the cases create their objects with the docker CLI, then
 * check what the engine reports. Every expectation here holds on Docker 20.10 with the lab's
 * busybox image.
 *
 * This file imports nothing but types and vitest, so a real-Docker suite can use it alone.
 *
 *   engineConformance("real docker", async () => ({ engine, run }), { prefix: "llreal-" });
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckEngine, ContainerInspect, ImageInspect } from "../../simulator/check/engine";

export interface DockerRun {
  exit: number;
  stdout: string;
  stderr: string;
}

export interface ConformanceTarget {
  engine: CheckEngine;
  /** Runs `docker <argv...>` (no shell) against the same engine and returns its outcome. */
  run(argv: string[]): Promise<DockerRun>;
}

export interface ConformanceOptions {
  /** Start of every object name the cases create (they remove only those). */
  prefix?: string;
  /** The lab image (default busybox:latest); it must exist already: nothing is pulled. */
  image?: string;
}

/**
 * Defines the conformance cases in a `describe` block. `open` is called once before the cases
 * (connect there); the cases' objects are removed afterwards.
 */
export function engineConformance(label: string, open: () => Promise<ConformanceTarget>, opts: ConformanceOptions = {}): void {
  const token = Math.random().toString(36).slice(2, 8);
  const p = `${opts.prefix ?? "llconf-"}${token}-`;
  const base = opts.image ?? "busybox:latest";
  const LABEL = "layerlab.conformance";
  const names = {
    vol: `${p}vol`,
    net: `${p}net`,
    running: `${p}running`,
    exited: `${p}exited`,
    created: `${p}created`,
    image: `${p}img:1`,
  };

  let t: ConformanceTarget;
  let engine: CheckEngine;
  let baseImage: ImageInspect;

  async function docker(argv: string[], okExits: number[] = [0]): Promise<DockerRun> {
    const r = await t.run(argv);
    if (!okExits.includes(r.exit)) throw new Error(`docker ${argv.join(" ")}: exit ${r.exit}: ${r.stderr}`);
    return r;
  }

  async function mustContainer(name: string): Promise<ContainerInspect> {
    const c = await engine.container(name);
    if (!c) throw new Error(`container ${name} not found`);
    return c;
  }

  describe(`CheckEngine conformance: ${label}`, () => {
    beforeAll(async () => {
      t = await open();
      engine = t.engine;
      const img = await engine.image(base);
      if (!img) throw new Error(`the lab image ${base} is missing`);
      baseImage = img;
      await docker(["volume", "create", "--label", `${LABEL}=${token}`, names.vol]);
      await docker(["network", "create", "--label", `${LABEL}=${token}`, names.net]);
      await docker(["run", "-d", "--pull", "never", "--name", names.running, "--label", `${LABEL}=${token}`, "--network", names.net, "-v", `${names.vol}:/data`, "-e", "FOO=bar", "-w", "/data", base, "sleep", "3600"]);
      await docker(["exec", names.running, "sh", "-c", "echo hello > /data/greeting; echo layer > /layer.txt; mkdir /dir"]);
      await docker(["run", "--pull", "never", "--name", names.exited, "--label", `${LABEL}=${token}`, base, "sh", "-c", "echo bye > /bye.txt; exit 3"], [3]);
      await docker(["create", "--pull", "never", "--name", names.created, "--label", `${LABEL}=${token}`, "--network", names.net, base, "true"]);
      await docker(["commit", "-m", "conformance", "-c", `LABEL ${LABEL}=${token}`, names.exited, names.image]);
    });

    afterAll(async () => {
      if (!t) return;
      await t.run(["rm", "-f", names.running, names.exited, names.created]);
      await t.run(["rmi", names.image]);
      await t.run(["network", "rm", names.net]);
      await t.run(["volume", "rm", names.vol]);
    });

    describe("container()", () => {
      it("inspects a running container by name, ID and ID prefix", async () => {
        const c = await mustContainer(names.running);
        expect(c.Name).toBe("/" + names.running);
        expect(c.Id).toMatch(/^[0-9a-f]{64}$/);
        expect(c.State).toMatchObject({ Status: "running", Running: true, Paused: false, Restarting: false, OOMKilled: false, ExitCode: 0 });
        expect(c.State.Pid).toBeGreaterThan(0);
        expect(c.Image).toBe(baseImage.Id);
        expect(c.Config.Image).toBe(base);
        expect(c.Config.Cmd).toEqual(["sleep", "3600"]);
        expect(c.Config.Entrypoint).toBeNull();
        expect(c.Config.Env).toContain("FOO=bar");
        expect(c.Config.WorkingDir).toBe("/data");
        expect(c.Config.Labels).toEqual({ [LABEL]: token });
        expect(c.HostConfig.NetworkMode).toBe(names.net);
        expect(c.HostConfig.RestartPolicy).toEqual({ Name: "no", MaximumRetryCount: 0 });
        expect(c.RestartCount).toBe(0);
        expect(c.Mounts).toEqual([expect.objectContaining({ Type: "volume", Name: names.vol, Destination: "/data", RW: true })]);
        expect(Object.keys(c.NetworkSettings.Networks)).toEqual([names.net]);
        expect((await mustContainer(c.Id)).Id).toBe(c.Id);
        expect((await mustContainer(c.Id.slice(0, 12))).Id).toBe(c.Id);
      });

      it("inspects stopped and never-started containers", async () => {
        expect((await mustContainer(names.exited)).State).toMatchObject({ Status: "exited", Running: false, ExitCode: 3, Pid: 0 });
        expect((await mustContainer(names.exited)).Config.Cmd).toEqual(["sh", "-c", "echo bye > /bye.txt; exit 3"]);
        expect((await mustContainer(names.created)).State).toMatchObject({ Status: "created", Running: false, ExitCode: 0, Pid: 0 });
      });

      it("returns null for a container that does not exist", async () => {
        expect(await engine.container(`${p}nosuch`)).toBeNull();
      });
    });

    describe("containers()", () => {
      it("lists running containers, or all of them, newest first, with summary fields", async () => {
        const mine = (list: { Names: string[] }[]) => list.map((c) => c.Names[0]).filter((n) => n.startsWith("/" + p));
        expect(mine(await engine.containers())).toEqual(["/" + names.running]);
        const all = await engine.containers({ all: true });
        expect(mine(all)).toEqual(["/" + names.created, "/" + names.exited, "/" + names.running]);
        const running = all.find((c) => c.Names[0] === "/" + names.running)!;
        expect(running.Id).toBe((await mustContainer(names.running)).Id);
        expect(running).toMatchObject({ Image: base, ImageID: baseImage.Id, Command: "sleep 3600", State: "running", Labels: { [LABEL]: token }, Ports: [] });
        expect(running.Status).toMatch(/^Up /);
        expect(typeof running.Created).toBe("number");
        const exited = all.find((c) => c.Names[0] === "/" + names.exited)!;
        expect(exited).toMatchObject({ Command: "sh -c 'echo bye > /bye.txt; exit 3'", State: "exited" });
        expect(exited.Status).toMatch(/^Exited \(3\) /);
        expect(all.find((c) => c.Names[0] === "/" + names.created)!).toMatchObject({ State: "created", Status: "Created" });
      });
    });

    describe("image(), images() and history()", () => {
      it("inspects a committed image: tags, labels, comment, one more layer than its base", async () => {
        const img = (await engine.image(names.image))!;
        expect(img).not.toBeNull();
        expect(img.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(img.RepoTags).toEqual([names.image]);
        expect(img.Comment).toBe("conformance");
        expect(img.Config.Labels).toEqual({ [LABEL]: token });
        expect(img.Os).toBe("linux");
        expect(img.RootFS.Type).toBe("layers");
        expect(img.RootFS.Layers).toEqual([...baseImage.RootFS.Layers, expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
        expect(img.Size).toBeGreaterThan(baseImage.Size);
        expect((await engine.image(img.Id))!.Id).toBe(img.Id);
        expect((await engine.image(img.Id.slice(7, 19)))!.Id).toBe(img.Id);
        expect((await engine.images()).find((i) => i.Id === img.Id)?.RepoTags).toEqual([names.image]);
      });

      it("gives the history newest first, one non-empty row per layer", async () => {
        const img = (await engine.image(names.image))!;
        const hist = (await engine.history(names.image))!;
        const baseHist = (await engine.history(base))!;
        expect(hist.length).toBe(baseHist.length + 1);
        expect(Object.keys(hist[0]).sort()).toEqual(["Comment", "Created", "CreatedBy", "Id", "Size", "Tags"]);
        expect(hist[0]).toMatchObject({ Id: img.Id, Comment: "conformance", Tags: [names.image] });
        expect(hist[0].Size).toBeGreaterThan(0);
        expect(hist.slice(1).map((h) => [h.CreatedBy, h.Size])).toEqual(baseHist.map((h) => [h.CreatedBy, h.Size]));
        expect(hist.filter((h) => h.Size > 0).length).toBe(img.RootFS.Layers.length);
        expect(baseHist.filter((h) => h.Size > 0).length).toBe(baseImage.RootFS.Layers.length);
      });

      it("returns null for an image that does not exist", async () => {
        expect(await engine.image(`${p}nosuch:1`)).toBeNull();
        expect(await engine.history(`${p}nosuch:1`)).toBeNull();
      });
    });

    describe("volume(), volumes()", () => {
      it("inspects a named volume and lists it", async () => {
        const v = (await engine.volume(names.vol))!;
        expect(v).toMatchObject({ Name: names.vol, Driver: "local", Scope: "local", Labels: { [LABEL]: token }, Mountpoint: `/var/lib/docker/volumes/${names.vol}/_data` });
        expect((await engine.volumes()).filter((x) => x.Name.startsWith(p)).map((x) => x.Name)).toEqual([names.vol]);
        expect(await engine.volume(`${p}nosuch`)).toBeNull();
      });
    });

    describe("network(), networks()", () => {
      it("inspects a user network; Containers lists its running containers only", async () => {
        const n = (await engine.network(names.net))!;
        const running = await mustContainer(names.running);
        expect(n).toMatchObject({ Name: names.net, Driver: "bridge", Scope: "local", Internal: false, Labels: { [LABEL]: token } });
        expect(n.Id).toMatch(/^[0-9a-f]{64}$/);
        expect(n.IPAM.Config?.[0]?.Subnet).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
        expect(Object.keys(n.Containers ?? {})).toEqual([running.Id]);
        const ep = running.NetworkSettings.Networks[names.net];
        expect(ep.NetworkID).toBe(n.Id);
        expect(n.Containers![running.Id]).toMatchObject({ Name: names.running, IPv4Address: `${ep.IPAddress}/${n.IPAM.Config![0].Subnet!.split("/")[1]}` });
        expect((await engine.network(n.Id))!.Name).toBe(names.net);
        expect((await engine.network(n.Id.slice(0, 12)))!.Name).toBe(names.net);
        const all = (await engine.networks()).map((x) => x.Name);
        for (const name of [names.net, "bridge", "host", "none"]) expect(all).toContain(name);
        expect(await engine.network(`${p}nosuch`)).toBeNull();
      });
    });

    describe("exec()", () => {
      it("runs argv in the container and returns exit code, stdout and stderr apart", async () => {
        expect(await engine.exec(names.running, ["sh", "-c", "echo out; echo err >&2; exit 4"])).toEqual({ exitCode: 4, stdout: "out\n", stderr: "err\n" });
        expect(await engine.exec(names.running, ["cat", "/data/greeting"])).toEqual({ exitCode: 0, stdout: "hello\n", stderr: "" });
        expect(await engine.exec(names.running, ["pwd"])).toEqual({ exitCode: 0, stdout: "/data\n", stderr: "" });
        expect(await engine.exec(names.running, ["pwd"], { workdir: "/tmp" })).toEqual({ exitCode: 0, stdout: "/tmp\n", stderr: "" });
        expect(await engine.exec(names.running, ["id", "-u"], { user: "nobody" })).toEqual({ exitCode: 0, stdout: "65534\n", stderr: "" });
        expect(await engine.exec(names.running, ["sh", "-c", "echo $FOO"])).toEqual({ exitCode: 0, stdout: "bar\n", stderr: "" });
      });

      it("throws for a container that is not running, or missing", async () => {
        const exited = await mustContainer(names.exited);
        await expect(engine.exec(names.exited, ["true"])).rejects.toThrow(`Container ${exited.Id} is not running`);
        await expect(engine.exec(names.created, ["true"])).rejects.toThrow(/is not running/);
        await expect(engine.exec(`${p}nosuch`, ["true"])).rejects.toThrow(/No such container/);
      });
    });

    describe("readFile()", () => {
      it("reads regular files of a running container: its layer and its volumes", async () => {
        expect(await engine.readFile(names.running, "/layer.txt")).toBe("layer\n");
        expect(await engine.readFile(names.running, "/data/greeting")).toBe("hello\n");
        expect(await engine.readFile(names.running, "/etc/hostname")).toBe((await mustContainer(names.running)).Config.Hostname + "\n");
      });

      it("reads files of a stopped container, and of its image", async () => {
        expect(await engine.readFile(names.exited, "/bye.txt")).toBe("bye\n");
        expect(await engine.readFile(names.created, "/etc/passwd")).toMatch(/^root:x:0:0:/);
      });

      it("returns null for a missing path or a directory", async () => {
        expect(await engine.readFile(names.running, "/nosuch")).toBeNull();
        expect(await engine.readFile(names.running, "/dir")).toBeNull();
        expect(await engine.readFile(names.exited, "/layer.txt")).toBeNull();
      });
    });

    describe("hostFile()", () => {
      it("returns null for a file the working folder does not have", async () => {
        expect(await engine.hostFile(`${p}nosuch.txt`)).toBeNull();
      });
    });
  });
}
