import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../../host/host";

async function ok(h: Host, line: string) {
  const r = await h.run(line);
  expect(r.exit, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

describe("docker buildx builders", () => {
  it("version, ls, create --use, inspect --bootstrap, use, rm: instances kept in ~/.docker/buildx", async () => {
    const h = createHost();
    expect((await ok(h, "docker buildx version")).stdout).toBe("github.com/docker/buildx v0.24.0 d0e5e86c8b88ae4865040bc96917c338f4dd673c\n");
    expect((await ok(h, "docker buildx ls")).stdout).toBe(
      "NAME/NODE     DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS\n" +
        "default*      docker\n" +
        " \\_ default    \\_ default       running              linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386\n",
    );
    expect((await ok(h, "docker buildx create --name multi --driver docker-container --use")).stdout).toBe("multi\n");
    expect((await ok(h, "cat ~/.docker/buildx/current")).stdout).toBe('{"Key":"unix:///var/run/docker.sock","Name":"multi","Global":false}');
    expect(JSON.parse((await ok(h, "cat ~/.docker/buildx/instances/multi")).stdout)).toMatchObject({ Name: "multi", Driver: "docker-container", Nodes: [{ Name: "multi0", Endpoint: "unix:///var/run/docker.sock" }] });
    const ls = (await ok(h, "docker buildx ls")).stdout.split("\n");
    expect(ls.slice(1, 3)).toEqual(["multi*        docker-container", " \\_ multi0     \\_ unix:///var/run/docker.sock   inactive"]);
    // inspect before booting: inactive, no platforms
    expect((await ok(h, "docker buildx inspect")).stdout).toBe("Name:          multi\nDriver:        docker-container\n\nNodes:\nName:                  multi0\nEndpoint:              unix:///var/run/docker.sock\nStatus:                inactive\n");
    const boot = await ok(h, "docker buildx inspect --bootstrap");
    expect(boot.stderr).toMatch(/^#1 \[internal\] booting buildkit\n#1 pulling image moby\/buildkit:buildx-stable-1\n/);
    expect(boot.stderr).toContain("#1 creating container buildx_buildkit_multi0\n");
    expect(boot.stdout).toContain("Status:                running\n");
    expect(boot.stdout).toContain("Platforms:             linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386\n");
    expect(boot.stdout).toMatch(/^Name: {10}multi\nDriver: {8}docker-container\nLast Activity: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\n\nNodes:\n/);
    // a booted builder does not boot again
    expect((await ok(h, "docker buildx inspect --bootstrap")).stderr).toBe("");
    await ok(h, "docker buildx use default");
    expect((await ok(h, "docker buildx ls")).stdout.split("\n")[1]).toBe("multi         docker-container");
    const missing = await h.run("docker buildx use nosuch");
    expect(missing.exit).toBe(1);
    expect(missing.stderr).toBe("ERROR: run `docker buildx create --name nosuch` to create a builder\n");
    const dup = await h.run("docker buildx create --name multi");
    expect(dup.exit).toBe(1);
    expect((await h.run("docker buildx rm default")).stderr).toBe("ERROR: context builder cannot be removed, run `docker context rm default` to remove this context\n");
    expect((await ok(h, "docker buildx rm multi")).stderr).toBe("multi removed\n");
    expect((await ok(h, "docker buildx ls")).stdout.split("\n")).toHaveLength(4);
    // without --name buildx makes one up
    expect((await ok(h, "docker buildx create")).stdout).toMatch(/^[a-z]+_[a-z]+\n$/);
  });

  it("the docker driver refuses several platforms; --load refuses a manifest list", async () => {
    const h = createHost();
    await ok(h, "mkdir app && echo 'FROM busybox' > app/Dockerfile");
    const multi = await h.run("docker buildx build --platform linux/amd64,linux/arm64 -t app app");
    expect(multi.exit).toBe(1);
    expect(multi.stderr).toBe(
      "ERROR: failed to build: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-multi-platform/\n",
    );
    // one platform, the host's: docker build on the engine's BuildKit
    const one = await ok(h, "docker buildx build -t app app");
    expect(one.stderr).toMatch(/^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n/);
    expect(one.stderr).toContain("naming to docker.io/library/app:latest done");
    await ok(h, "docker buildx create --use --name c");
    const load = await h.run("docker buildx build --load --platform linux/amd64,linux/arm64 app");
    expect(load.exit).toBe(1);
    expect(load.stderr).toContain("ERROR: failed to build: docker exporter does not currently support exporting manifest lists\n");
    // busybox has no linux/arm/v7 image in the simulated Hub
    const v7 = await h.run("docker buildx build --platform linux/arm/v7 app");
    expect(v7.exit).toBe(1);
    expect(v7.stderr).toContain(
      "ERROR: failed to solve: busybox: failed to resolve source metadata for docker.io/library/busybox:latest: no match for platform in manifest: not found\n",
    );
    const none = await ok(h, "docker buildx build app");
    expect(none.stderr.split("\n")[0]).toBe(
      "WARNING: No output specified with docker-container driver. Build result will only remain in the build cache. To push result image into registry use --push or to load image into docker use --load",
    );
  });

  it("the docker driver builds one other platform into the engine's images", async () => {
    const h = createHost();
    await ok(h, "mkdir app && printf 'FROM busybox\\nCOPY Dockerfile /\\n' > app/Dockerfile");
    const r = await ok(h, "docker buildx build --platform linux/arm64 -t w app");
    expect(r.stderr).toContain("naming to docker.io/library/w:latest done");
    expect((await ok(h, "docker image inspect -f '{{.Os}}/{{.Architecture}}' w")).stdout).toBe("linux/arm64\n");
    // busybox itself is still the host's image
    expect((await ok(h, "docker image inspect -f '{{.Architecture}}' busybox")).stdout).toBe("amd64\n");
  });
});
