/**
 * Multi-platform images end to end in the simulated host: the Hub's official images are manifest
 * lists (linux/amd64 and linux/arm64/v8), a pull takes the host's entry unless --platform names
 * another, an arm64 image runs into exec format error on this x86-64 host, and buildx builds for
 * several platforms and pushes a manifest list that manifest inspect shows and pull resolves.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../simulator/host/host";

async function ok(h: Host, line: string) {
  const r = await h.run(line);
  expect(r.exit, `${line}\n${r.stdout}${r.stderr}`).toBe(0);
  return r;
}

const lines = (s: string) => s.split("\n").filter(Boolean);

describe("manifest lists on the Hub", () => {
  it("manifest inspect shows the list; pull picks linux/amd64, --platform linux/arm64 the arm64 entry", async () => {
    const h = createHost();
    const list = JSON.parse((await ok(h, "docker manifest inspect busybox")).stdout);
    expect(list.schemaVersion).toBe(2);
    expect(list.mediaType).toBe("application/vnd.docker.distribution.manifest.list.v2+json");
    expect(list.manifests.map((m: { platform: unknown }) => m.platform)).toEqual([
      { architecture: "amd64", os: "linux" },
      { architecture: "arm64", os: "linux", variant: "v8" },
    ]);
    // the printed form: a list as docker/distribution writes one (three spaces), an image manifest re-indented with tabs
    expect((await ok(h, "docker manifest inspect busybox")).stdout.split("\n").slice(0, 3)).toEqual(["{", '   "schemaVersion": 2,', '   "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",']);
    expect((await ok(h, `docker manifest inspect busybox@${list.manifests[1].digest}`)).stdout.split("\n").slice(0, 2)).toEqual(["{", '\t"schemaVersion": 2,']);
    // an entry by its digest is the image manifest
    const arm = JSON.parse((await ok(h, `docker manifest inspect busybox@${list.manifests[1].digest}`)).stdout);
    expect(arm.mediaType).toBe("application/vnd.docker.distribution.manifest.v2+json");
    expect(arm.config.digest).toMatch(/^sha256:/);
    const verbose = JSON.parse((await ok(h, "docker manifest inspect --verbose busybox")).stdout);
    expect(verbose.map((v: { Ref: string }) => v.Ref)).toEqual(list.manifests.map((m: { digest: string }) => `docker.io/library/busybox:latest@${m.digest}`));
    expect(verbose[1].Descriptor.platform).toEqual({ architecture: "arm64", os: "linux", variant: "v8" });

    await ok(h, "docker rmi busybox");
    const pull = lines((await ok(h, "docker pull busybox")).stdout);
    const digest = /^Digest: (sha256:[0-9a-f]{64})$/.exec(pull.find((l) => l.startsWith("Digest:"))!)![1];
    expect((await ok(h, "docker image inspect -f '{{.Os}}/{{.Architecture}}' busybox")).stdout).toBe("linux/amd64\n");
    // the repository digest is the list's: the same name and digest on every platform
    expect((await ok(h, "docker image inspect -f '{{json .RepoDigests}}' busybox")).stdout).toBe(`["busybox@${digest}"]\n`);
    const amdId = (await ok(h, "docker image inspect -f '{{.Id}}' busybox")).stdout;

    const arm64 = lines((await ok(h, "docker pull --platform linux/arm64 busybox")).stdout);
    // its layer is another blob: pulled, not "Already exists"
    expect(arm64.filter((l) => l.endsWith(": Pull complete"))).toHaveLength(1);
    expect(arm64.slice(-3)).toEqual([`Digest: ${digest}`, "Status: Downloaded newer image for busybox:latest", "docker.io/library/busybox:latest"]);
    expect((await ok(h, "docker image inspect -f '{{.Os}}/{{.Architecture}} {{.Variant}}' busybox")).stdout).toBe("linux/arm64 v8\n");
    expect((await ok(h, "docker image inspect -f '{{.Id}}' busybox")).stdout).not.toBe(amdId);
    // the amd64 image lost its name to the arm64 one
    expect((await ok(h, "docker images --filter dangling=true -q --no-trunc")).stdout).toBe(amdId);

    const other = await h.run("docker pull --platform linux/s390x busybox");
    expect(other.exit).toBe(1);
    expect(other.stderr).toBe("Error response from daemon: no matching manifest for linux/s390x in the manifest list entries\n");
  });

  it("an arm64 image on this x86-64 host: Docker's platform warning, then exec format error", async () => {
    const h = createHost();
    await ok(h, "docker pull -q --platform linux/arm64 busybox");
    const r = await h.run("docker run --name arm busybox echo hi");
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "WARNING: The requested image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64) and no specific platform was requested\n" +
        "exec /bin/echo: exec format error\n",
    );
    expect(r.exit).toBe(1);
    expect((await ok(h, "docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' arm")).stdout).toBe("1 exited\n");
    expect((await ok(h, "docker logs arm")).stderr).toBe("exec /bin/echo: exec format error\n");
    // asked for by platform: no warning, the same failure
    const asked = await h.run("docker run --rm --platform linux/arm64 busybox");
    expect(asked.stderr).toBe("exec /bin/sh: exec format error\n");
    expect(asked.exit).toBe(1);
    // the arm64 layers are real tar streams of their own: save and load keep the image
    await ok(h, "docker save -o arm.tar busybox");
    await ok(h, "docker rm arm");
    await ok(h, "docker rmi busybox");
    expect((await ok(h, "docker load -i arm.tar")).stdout).toBe("Loaded image: busybox:latest\n");
    expect((await ok(h, "docker image inspect -f '{{.Architecture}} {{.Variant}}' busybox")).stdout).toBe("arm64 v8\n");
    // --platform linux/amd64 pulls the host's entry again and runs it
    const amd = await h.run("docker run --rm --platform linux/amd64 busybox echo hi");
    expect(amd.stdout).toBe("hi\n");
    expect(amd.stderr).toMatch(/^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\n/);
  });
});

describe("docker buildx build --platform linux/amd64,linux/arm64 --push", () => {
  const dockerfile =
    "FROM --platform=$BUILDPLATFORM busybox AS build\nARG TARGETARCH\nRUN echo built for $TARGETARCH > /out\n" +
    "FROM busybox\nCOPY --from=build /out /out\nCMD [\"cat\", \"/out\"]\n";

  it("builds once per platform, pushes a manifest list to a registry:2, and the host pulls its own platform", async () => {
    const h = createHost();
    await ok(h, "docker run -d -p 5000:5000 --name reg registry:2");
    await ok(h, `mkdir app && printf '%s' '${dockerfile}' > app/Dockerfile`);
    await ok(h, "docker buildx create --name multi --driver docker-container --use");
    const b = await ok(h, "docker buildx build --platform linux/amd64,linux/arm64 -t localhost:5000/app:1.0 --push app");
    const out = b.stderr;
    expect(out).toMatch(/^#0 building with "multi" instance using docker-container driver\n\n#1 \[internal\] booting buildkit\n/);
    // each platform's steps carry its label; the compiler stage runs on the build platform for both
    expect(out).toContain("[linux/amd64 build 2/2] RUN echo built for amd64 > /out\n");
    expect(out).toContain("[linux/amd64->arm64 build 2/2] RUN echo built for arm64 > /out\n");
    expect(out).toContain("[linux/arm64 stage-1 2/2] COPY --from=build /out /out\n");
    expect(out).toContain("[linux/arm64 internal] load metadata for docker.io/library/busybox:latest\n");
    const list = /exporting manifest list (sha256:[0-9a-f]{64}) done/.exec(out)![1];
    expect(out).toContain("naming to localhost:5000/app:1.0 done\n");
    expect(out).toContain(`pushing manifest for localhost:5000/app:1.0@${list} 0.0s done\n`);
    // the result stays in the builder: nothing new in the engine's images
    expect((await ok(h, "docker images -q localhost:5000/app")).stdout).toBe("");

    const m = JSON.parse((await ok(h, "docker manifest inspect localhost:5000/app:1.0")).stdout);
    expect(m.mediaType).toBe("application/vnd.docker.distribution.manifest.list.v2+json");
    expect(m.manifests.map((x: { platform: object }) => x.platform)).toEqual([
      { architecture: "amd64", os: "linux" },
      { architecture: "arm64", os: "linux" },
    ]);
    expect(out).toContain(`exporting manifest ${m.manifests[0].digest} done`);
    expect(out).toContain(`exporting manifest ${m.manifests[1].digest} done`);

    const pull = await ok(h, "docker pull localhost:5000/app:1.0");
    expect(pull.stdout).toContain(`Digest: ${list}\n`);
    // the builder kept its layers apart: the engine has busybox's layer, not the one the build made
    expect(pull.stdout.split("\n").filter((l) => l.endsWith(": Already exists"))).toHaveLength(1);
    expect(pull.stdout.split("\n").filter((l) => l.endsWith(": Pull complete"))).toHaveLength(1);
    expect((await ok(h, "docker run --rm localhost:5000/app:1.0")).stdout).toBe("built for amd64\n");
    await ok(h, "docker pull --platform linux/arm64 localhost:5000/app:1.0");
    expect((await ok(h, "docker image inspect -f '{{.Os}}/{{.Architecture}}' localhost:5000/app:1.0")).stdout).toBe("linux/arm64\n");
    const arm = await h.run("docker run --rm localhost:5000/app:1.0");
    expect(arm.stderr).toBe(
      "WARNING: The requested image's platform (linux/arm64) does not match the detected host platform (linux/amd64) and no specific platform was requested\nexec /bin/cat: exec format error\n",
    );
    expect(arm.exit).toBe(1);
    // the arm64 image holds what its compiler stage wrote for it
    await ok(h, "docker create --name armc localhost:5000/app:1.0");
    await ok(h, "docker cp armc:/out out-arm64");
    expect((await ok(h, "cat out-arm64")).stdout).toBe("built for arm64\n");
  });

  it("a RUN for arm64 fails with exec format error (no QEMU on this host); Docker Hub refuses an anonymous push", async () => {
    const h = createHost();
    await ok(h, "mkdir app && printf 'FROM busybox\\nRUN echo hi > /hi\\n' > app/Dockerfile");
    await ok(h, "docker buildx create --use");
    const r = await h.run("docker buildx build --platform linux/amd64,linux/arm64 -t alice/app:1 --push app");
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/#\d+ \[linux\/arm64 2\/2\] RUN echo hi > \/hi\n#\d+ \d+\.\d{3} exec \/bin\/sh: exec format error\n#\d+ ERROR: process "\/bin\/sh -c echo hi > \/hi" did not complete successfully: exit code: 1\n/);
    expect(r.stderr).toMatch(/ERROR: failed to solve: process "\/bin\/sh -c echo hi > \/hi" did not complete successfully: exit code: 1\n$/);
    await ok(h, "printf 'FROM busybox\\nCOPY Dockerfile /\\n' > app/Dockerfile");
    const anon = await h.run("docker buildx build --platform linux/amd64,linux/arm64 -t alice/app:1 --push app");
    expect(anon.exit).toBe(1);
    expect(anon.stderr).toContain(
      "ERROR: failed to build: failed to solve: failed to push docker.io/alice/app:1: push access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n",
    );
    await ok(h, "echo pw | docker login -u alice --password-stdin");
    await ok(h, "docker buildx build --platform linux/amd64,linux/arm64 -t alice/app:1 --push app");
    const hub = JSON.parse((await ok(h, "docker manifest inspect alice/app:1")).stdout);
    expect(hub.manifests).toHaveLength(2);
  });
});

describe("kaniko's way: one image per platform, joined by a manifest list", () => {
  it("per-platform tags, docker manifest create, annotate and push; the host pulls its entry of the list", async () => {
    const h = createHost();
    await ok(h, "docker run -d -p 5000:5000 --name reg registry:2");
    await ok(h, "mkdir app && printf 'FROM busybox\\nCOPY Dockerfile /\\n' > app/Dockerfile");
    await ok(h, "docker buildx create --use");
    await ok(h, "docker buildx build --platform linux/amd64 -t localhost:5000/k:1.0-amd64 --push app");
    await ok(h, "docker buildx build --platform linux/arm64 -t localhost:5000/k:1.0-arm64 --push app");
    // one platform pushes an image manifest, not a list
    expect(JSON.parse((await ok(h, "docker manifest inspect localhost:5000/k:1.0-arm64")).stdout).mediaType).toBe("application/vnd.docker.distribution.manifest.v2+json");
    await ok(h, "docker manifest create localhost:5000/k:1.0 localhost:5000/k:1.0-amd64 localhost:5000/k:1.0-arm64");
    await ok(h, "docker manifest annotate localhost:5000/k:1.0 localhost:5000/k:1.0-arm64 --variant v8");
    const push = (await ok(h, "docker manifest push --purge localhost:5000/k:1.0")).stdout;
    // the members are in the list's repository: only the list's digest is printed
    expect(push).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const m = JSON.parse((await ok(h, "docker manifest inspect localhost:5000/k:1.0")).stdout);
    expect(m.mediaType).toBe("application/vnd.docker.distribution.manifest.list.v2+json");
    expect(m.manifests.map((x: { platform: object }) => x.platform)).toEqual([
      { architecture: "amd64", os: "linux" },
      { architecture: "arm64", os: "linux", variant: "v8" },
    ]);
    expect((await ok(h, "docker pull localhost:5000/k:1.0")).stdout).toContain(`Digest: ${push.trim()}\n`);
    expect((await ok(h, "docker image inspect -f '{{.Architecture}}' localhost:5000/k:1.0")).stdout).toBe("amd64\n");
    // a member from another repository of the registry is put into the list's repository first
    await ok(h, "docker manifest create localhost:5000/other:1 localhost:5000/k:1.0-amd64");
    const cross = (await ok(h, "docker manifest push localhost:5000/other:1")).stdout.split("\n");
    expect(cross[0]).toBe(`Pushed ref localhost:5000/other@${m.manifests[0].digest} with digest: ${m.manifests[0].digest}`);
    const elsewhere = await h.run("docker manifest create docker.io/alice/k:1 localhost:5000/k:1.0-amd64");
    expect(elsewhere.exit).toBe(0);
    const refused = await h.run("docker manifest push alice/k:1");
    expect(refused.stderr).toBe("cannot use source images from a different registry than the target image: localhost:5000 != docker.io\n");
  });
});

