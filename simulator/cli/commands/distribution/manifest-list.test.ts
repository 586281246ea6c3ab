import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../../host/host";

async function ok(h: Host, line: string) {
  const r = await h.run(line);
  expect(r.exit, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

describe("docker manifest create, annotate, inspect, rm (the local store)", () => {
  it("keeps a local list under ~/.docker/manifests with docker/cli's file names; refuses a list as a member", async () => {
    const h = createHost();
    await ok(h, "docker run -d -p 5000:5000 --name reg registry:2");
    await ok(h, "docker tag busybox localhost:5000/t:amd64");
    await ok(h, "docker push localhost:5000/t:amd64");
    expect((await ok(h, "docker manifest create localhost:5000/t:1 localhost:5000/t:amd64")).stdout).toBe("Created manifest list localhost:5000/t:1\n");
    expect((await ok(h, "ls ~/.docker/manifests")).stdout).toBe("localhost%5000#t%1\n");
    expect((await ok(h, "ls ~/.docker/manifests/localhost%5000#t%1")).stdout).toBe("localhost%5000#t%amd64\n");
    const stored = JSON.parse((await ok(h, "cat ~/.docker/manifests/localhost%5000#t%1/localhost%5000#t%amd64")).stdout);
    expect(stored.Ref).toBe("localhost:5000/t:amd64");
    expect(stored.Descriptor.platform).toEqual({ architecture: "amd64", os: "linux" });
    // the local list comes before the registry in inspect, as a list indented with three spaces
    const local = (await ok(h, "docker manifest inspect localhost:5000/t:1")).stdout;
    expect(local.split("\n").slice(0, 2)).toEqual(["{", '   "schemaVersion": 2,']);
    expect(JSON.parse(local).manifests[0].digest).toBe(stored.Descriptor.digest);
    expect(JSON.parse((await ok(h, "docker manifest inspect localhost:5000/t:1 localhost:5000/t:amd64")).stdout).config.digest).toMatch(/^sha256:/);

    const again = await h.run("docker manifest create localhost:5000/t:1 localhost:5000/t:amd64");
    expect([again.exit, again.stderr]).toEqual([1, "refusing to amend an existing manifest list with no --amend flag\n"]);
    const bad = await h.run("docker manifest annotate --os linux --arch nosuch localhost:5000/t:1 localhost:5000/t:amd64");
    expect([bad.exit, bad.stderr]).toEqual([1, "manifest entry for image has unsupported os/arch combination: linux/nosuch\n"]);
    const absent = await h.run("docker manifest annotate localhost:5000/t:1 localhost:5000/t:other");
    expect(absent.stderr).toBe("manifest for image localhost:5000/t:other does not exist in localhost:5000/t:1\n");
    const list = await h.run("docker manifest create localhost:5000/t:2 busybox");
    expect([list.exit, list.stderr]).toEqual([1, "docker.io/library/busybox:latest is a manifest list\n"]);
    await ok(h, "docker manifest rm localhost:5000/t:1");
    expect((await ok(h, "ls ~/.docker/manifests")).stdout).toBe("");
    expect((await h.run("docker manifest rm localhost:5000/t:1")).stderr).toBe("No such manifest: localhost:5000/t:1\n");
  });
});
