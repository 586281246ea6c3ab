// Image verbs end to end on a simulated host: save/load round trips (and loading a real engine's
// archive), commit layers with whiteouts, rmi freeing layers, export/import, content addressing.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../host/host";
import { text } from "../../util/bytes";
import { sha256Hex } from "../../util/sha256";
import { readTar } from "../../util/tar";

const hasDocker = (() => {
  try {
    execFileSync("docker", ["image", "inspect", "busybox:latest"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

async function sh(h: Host, line: string) {
  const r = await h.run(line, { cwd: "/tmp" });
  if (r.exit !== 0) throw new Error(`${line}: ${r.stderr}`);
  return r.stdout;
}
const file = (h: Host, path: string) => h.machine.rootfs.readFile(path.split("/").filter(Boolean));

describe("docker save", () => {
  it("writes an OCI layout whose blobs are named by their digests", async () => {
    const h = createHost();
    await sh(h, "docker save busybox -o bb.tar");
    const entries = readTar(file(h, "/tmp/bb.tar"));
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(["blobs/", "blobs/sha256/"]);
    expect(names.slice(-4)).toEqual(["index.json", "manifest.json", "oci-layout", "repositories"]);
    for (const e of entries.filter((x) => x.name.startsWith("blobs/sha256/") && x.type === "file")) expect(sha256Hex(e.data!)).toBe(e.name.slice(13));
    const manifest = JSON.parse(text(entries.find((e) => e.name === "manifest.json")!.data!));
    expect(manifest).toHaveLength(1);
    expect(manifest[0].RepoTags).toEqual(["busybox:latest"]);
    const id = (await sh(h, "docker image inspect -f '{{.Id}}' busybox")).trim();
    expect(manifest[0].Config).toBe("blobs/sha256/" + id.slice(7));
    const index = JSON.parse(text(entries.find((e) => e.name === "index.json")!.data!));
    expect(index.manifests[0].annotations).toEqual({ "io.containerd.image.name": "docker.io/library/busybox:latest", "org.opencontainers.image.ref.name": "latest" });
  });

  it("round-trips through docker load on another host with the same IDs, layers and history", async () => {
    const a = createHost();
    await sh(a, "docker run --name box busybox sh -c 'echo x > /x; rm /etc/shadow'");
    await sh(a, "docker commit -m note box app:1");
    await sh(a, "docker save app:1 -o app.tar");
    const b = createHost();
    b.machine.rootfs.writeFile(["tmp", "app.tar"], file(a, "/tmp/app.tar"), { mode: 0o644 });
    expect(await sh(b, "docker load -i app.tar")).toBe("Loaded image: app:1\n");
    const q = "docker image inspect -f '{{.Id}} {{json .RootFS.Layers}}' app:1";
    expect(await sh(b, q)).toBe(await sh(a, q));
    const hist = "docker history --format '{{.CreatedBy}}|{{.Size}}|{{.Comment}}' app:1";
    expect(await sh(b, hist)).toBe(await sh(a, hist));
    expect(await sh(b, "docker run --rm app:1 sh -c 'cat /x; test -e /etc/shadow || echo gone'")).toBe("x\ngone\n");
  });

  it("keeps the container's whiteouts in the saved layer", async () => {
    const h = createHost();
    await sh(h, "docker run --name box busybox sh -c 'rm /bin/vi /etc/shadow'");
    await sh(h, "docker commit box wo:1");
    await sh(h, "docker save wo:1 -o wo.tar");
    const manifest = JSON.parse(text(readTar(file(h, "/tmp/wo.tar")).find((e) => e.name === "manifest.json")!.data!));
    const top = readTar(file(h, "/tmp/wo.tar")).find((e) => e.name === manifest[0].Layers[1])!;
    expect(readTar(top.data!).map((e) => e.name)).toEqual(["bin/", "bin/.wh.vi", "etc/", "etc/.wh.shadow"]);
  });
});

describe.skipIf(!hasDocker)("docker load of a real engine's archive", () => {
  it("takes the 20.10 layout and keeps the engine's image ID and diff IDs", async () => {
    const tar = execFileSync("docker", ["save", "busybox:latest"], { maxBuffer: 64 << 20 });
    const realId = execFileSync("docker", ["image", "inspect", "-f", "{{.Id}} {{json .RootFS.Layers}}", "busybox:latest"]).toString();
    const h = createHost();
    h.machine.rootfs.writeFile(["tmp", "real.tar"], new Uint8Array(tar), { mode: 0o644 });
    const out = await h.run("docker load -i real.tar", { cwd: "/tmp" });
    expect(out.stdout).toMatch(/^(The image busybox:latest already exists, renaming the old one with ID sha256:[0-9a-f]{64} to empty string\n)?Loaded image: busybox:latest\n$/);
    expect(await sh(h, "docker image inspect -f '{{.Id}} {{json .RootFS.Layers}}' busybox")).toBe(realId);
  }, 60_000);
});

describe("docker rmi", () => {
  it("frees a committed layer and prunes nothing that is still tagged", async () => {
    const h = createHost();
    await sh(h, "docker run --name box busybox sh -c 'echo 1 > /f'");
    await sh(h, "docker commit box one:1");
    await sh(h, "docker rm box");
    const out = await sh(h, "docker rmi one:1");
    const lines = out.trim().split("\n");
    expect(lines[0]).toBe("Untagged: one:1");
    expect(lines.slice(1).map((l) => l.slice(0, 16))).toEqual(["Deleted: sha256:", "Deleted: sha256:"]);
    expect(h.daemon.layers.byChain.size).toBe(1);
  });

  it("keeps layers the build cache holds", async () => {
    const h = createHost();
    await sh(h, "docker run --name box busybox sh -c 'echo 1 > /f'");
    await sh(h, "docker commit box one:1");
    await sh(h, "docker rm box");
    const img = h.daemon.images.get((await sh(h, "docker image inspect -f '{{.Id}}' one:1")).trim())!;
    h.daemon.layers.hold(img.top!, "buildkit");
    expect((await sh(h, "docker rmi one:1")).trim().split("\n")).toHaveLength(2);
    expect(h.daemon.layers.get(img.top!.chainId)).toBe(img.top);
  });

  it("lets a stopped container keep running on an image removed with -f", async () => {
    const h = createHost();
    await sh(h, "docker run --name box busybox true");
    await sh(h, "docker commit box one:1");
    await sh(h, "docker create --name user one:1 echo still here");
    await sh(h, "docker rmi -f one:1");
    expect(await h.run("docker image inspect one:1")).toMatchObject({ exit: 1 });
    expect(await sh(h, "docker start -a user")).toBe("still here\n");
  });
});

describe("export and import", () => {
  it("flattens the container, init layer files included, into a one-layer image", async () => {
    const h = createHost();
    await sh(h, "docker run --name box busybox sh -c 'mkdir /d && echo hi > /d/f && rm /etc/shadow'");
    await sh(h, "docker export box -o fs.tar");
    const names = readTar(file(h, "/tmp/fs.tar")).map((e) => e.name);
    expect(names).toContain(".dockerenv");
    expect(names).toContain("d/f");
    expect(names).not.toContain("etc/shadow");
    expect(names.some((n) => n.includes(".wh."))).toBe(false);
    await sh(h, "docker import fs.tar flat:1");
    expect(await sh(h, "docker image inspect -f '{{len .RootFS.Layers}} {{json .Config.Cmd}}' flat:1")).toBe("1 null\n");
    expect(await sh(h, "docker run --rm flat:1 cat /d/f")).toBe("hi\n");
  });

  it("stores the same imported content once", async () => {
    const h = createHost();
    await sh(h, "docker create --name box busybox");
    await sh(h, "docker export box -o fs.tar");
    const before = h.daemon.layers.byChain.size;
    await sh(h, "docker import fs.tar a:1");
    await sh(h, "docker import fs.tar b:1");
    expect(h.daemon.layers.byChain.size).toBe(before + 1);
  });
});

describe("image IDs", () => {
  it("are the digest of the stored config", async () => {
    const h = createHost();
    for (const img of h.daemon.images.images.values()) {
      const { rawConfig } = await import("./image");
      expect(img.id).toBe("sha256:" + sha256Hex(rawConfig(img)));
    }
  });

  it("give the lab image a parent, as the classic builder did", async () => {
    const h = createHost();
    expect(await sh(h, "docker history -q busybox | wc -l")).toBe("2\n");
    expect(await sh(h, "docker history --no-trunc --format '{{.CreatedBy}}' busybox")).toContain("ADD file:f714cae5d3c229435680f28c2c972e4260e729f88908297ade5e460433e03719 in /");
  });
});


describe("bad archives", () => {
  it("never crash docker load or docker import, whatever the bytes", async () => {
    const { imageLoad } = await import("./load");
    const { imageImport } = await import("./import");
    const { writeTar } = await import("../../util/tar");
    const { utf8 } = await import("../../util/bytes");
    const h = createHost();
    await sh(h, "docker save busybox -o bb.tar");
    const good = file(h, "/tmp/bb.tar");
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 1000) / 1000;
    const inputs: Uint8Array[] = [new Uint8Array(0), utf8("not a tar\n"), good.subarray(0, 700), good.subarray(0, 4096)];
    for (let i = 0; i < 20; i++) inputs.push(Uint8Array.from({ length: Math.floor(rnd() * 3000) }, () => Math.floor(rnd() * 256)));
    const manifests = ['{"x":1}', "[1]", '[{"Config":5}]', '[{"Config":"c","Layers":"x"}]', '[{"Config":"../../etc/passwd","Layers":[]}]', "null", "", '[{"Config":"c","Layers":["l"]}]'];
    for (const m of manifests) {
      inputs.push(writeTar([{ name: "manifest.json", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, size: m.length, data: utf8(m) }, { name: "c", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 2, data: utf8("{}") }]));
    }
    for (const data of inputs) {
      const r = imageLoad(h.daemon, data);
      expect(typeof r.output).toBe("string");
      try {
        imageImport(h.daemon, data, { message: "", changes: [], source: "-" });
      } catch (e) {
        expect((e as Error).name).toBe("DaemonError");
      }
    }
    expect(imageLoad(h.daemon, utf8("not a tar\n")).error).toBe("Error processing tar file(exit status 1): unexpected EOF");
  });
});
