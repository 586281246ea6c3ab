/**
 * Registries end to end in the simulated host: the simulated Docker Hub (push/pull round trips
 * that share layers, the anonymous pull limit and login, denied pushes, unknown manifests,
 * credentials in ~/.docker/config.json) and a private registry:2 on a published port.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../simulator/host/host";
import { distributionOf } from "../../simulator/distribution/service";

async function ok(h: Host, line: string, stdin?: string) {
  const r = await h.run(line, { stdin });
  expect(r.exit, `${line}\n${r.stderr}`).toBe(0);
  return r;
}

/** An image on busybox with one layer of its own. */
async function appImage(h: Host, tag: string) {
  await ok(h, "docker run --name mk busybox sh -c 'echo hello > /greeting'");
  await ok(h, `docker commit mk ${tag}`);
  await ok(h, "docker rm mk");
}

const lines = (s: string) => s.split("\n").filter(Boolean);

describe("Docker Hub", () => {
  it("push then pull round trip shares the base layer and keeps the image ID and digest", async () => {
    const h = createHost();
    await ok(h, "echo s3cret | docker login -u alice --password-stdin", undefined);
    await appImage(h, "alice/app:v1");
    const id = (await ok(h, "docker image inspect -f '{{.Id}}' alice/app:v1")).stdout;
    const push = await ok(h, "docker push alice/app:v1");
    const p = lines(push.stdout);
    expect(p[0]).toBe("The push refers to repository [docker.io/alice/app]");
    expect(p.filter((l) => l.endsWith(": Preparing"))).toHaveLength(2);
    expect(p.filter((l) => l.endsWith(": Pushed"))).toHaveLength(1);
    expect(p.filter((l) => l.endsWith(": Mounted from library/busybox"))).toHaveLength(1);
    const m = /^v1: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/.exec(p[p.length - 1]);
    expect(m).not.toBeNull();
    const digest = m![1];
    // the same push again: every layer already exists, the digest is the same
    const again = lines((await ok(h, "docker push alice/app:v1")).stdout);
    expect(again.filter((l) => l.endsWith(": Layer already exists"))).toHaveLength(2);
    expect(again[again.length - 1]).toBe(`v1: digest: ${digest} size: ${m![2]}`);
    // -q prints the full reference only
    expect((await ok(h, "docker push -q alice/app:v1")).stdout).toBe("docker.io/alice/app:v1\n");

    await ok(h, "docker rmi alice/app:v1");
    const pull = await ok(h, "docker pull alice/app:v1");
    const q = lines(pull.stdout);
    expect(q[0]).toBe("v1: Pulling from alice/app");
    expect(q.filter((l) => l.endsWith(": Already exists"))).toHaveLength(1);
    expect(q.filter((l) => l.endsWith(": Pull complete"))).toHaveLength(1);
    expect(q.slice(-3)).toEqual([`Digest: ${digest}`, "Status: Downloaded newer image for alice/app:v1", "docker.io/alice/app:v1"]);
    expect((await ok(h, "docker image inspect -f '{{.Id}}' alice/app:v1")).stdout).toBe(id);
    expect((await ok(h, "docker image inspect -f '{{json .RepoDigests}}' alice/app:v1")).stdout).toBe(`["alice/app@${digest}"]\n`);
    expect((await ok(h, "docker images --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}}' alice/app")).stdout).toBe(`alice/app:v1 ${digest}\n`);
    expect((await ok(h, "docker images --format '{{.Digest}}' busybox")).stdout).toBe("<none>\n");
    // a second pull changes nothing
    expect(lines((await ok(h, "docker pull alice/app:v1")).stdout)).toEqual(["v1: Pulling from alice/app", `Digest: ${digest}`, "Status: Image is up to date for alice/app:v1", "docker.io/alice/app:v1"]);
    // by digest, and with -q
    expect((await ok(h, `docker pull -q alice/app@${digest}`)).stdout).toBe(`docker.io/alice/app@${digest}\n`);
    // the registry's manifest: its digest is the sha256 of the bytes the registry holds
    const manifest = JSON.parse((await ok(h, "docker manifest inspect alice/app:v1")).stdout);
    expect(manifest.config.digest).toBe(id.trim());
    expect(manifest.layers).toHaveLength(2);
    expect((await h.run("docker manifest inspect alice/nothing")).stderr).toBe("no such manifest: docker.io/alice/nothing:latest\n");
  });

  it("docker run pulls a missing image from the Hub; --pull never and unknown names still fail", async () => {
    const h = createHost();
    const r = await ok(h, "docker run --rm redis redis-server --version");
    expect(r.stderr).toMatch(/^Unable to find image 'redis:latest' locally\nlatest: Pulling from library\/redis\n/);
    expect(r.stderr).toMatch(/Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for redis:latest\n$/);
    const never = await h.run("docker run --pull never nginx");
    expect(never.exit).toBe(125);
    expect(never.stderr).toContain("No such image: nginx:latest");
    const nosuch = await h.run("docker run nosuch");
    expect(nosuch.exit).toBe(125);
    expect(nosuch.stderr).toBe("Unable to find image 'nosuch:latest' locally\ndocker: Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n");
  });

  it("pull -a fetches every tag; a tag that does not exist is manifest unknown", async () => {
    const h = createHost();
    const r = await ok(h, "docker pull -a registry");
    const tags = lines(r.stdout).filter((l) => l.includes(": Pulling from library/registry")).map((l) => l.split(":")[0]);
    expect(tags).toEqual(["2", "2.8", "2.8.3", "latest"]);
    expect(lines(r.stdout).slice(-2)).toEqual(["Status: Downloaded newer image for registry", "docker.io/library/registry"]);
    expect((await ok(h, "docker images registry --format '{{.Tag}}'")).stdout).toBe("2\n2.8\n2.8.3\nlatest\n");
    const bad = await h.run("docker pull busybox:nosuch");
    expect(bad).toEqual({ exit: 1, stdout: "", stderr: "Error response from daemon: manifest for busybox:nosuch not found: manifest unknown: manifest unknown\n" });
    const tagAll = await h.run("docker pull -a busybox:latest");
    expect(tagAll.stderr).toBe("tag can't be used with --all-tags/-a\n");
  });

  it("the anonymous pull limit, lifted by docker login and back after logout", async () => {
    const h = createHost({ pullLimit: 2 });
    expect(distributionOf(h.daemon).hub.limits).toEqual({ anonymous: 2, authenticated: 200 });
    await ok(h, "docker pull busybox");
    await ok(h, "docker pull busybox");
    const limited = await h.run("docker pull busybox");
    expect(limited).toEqual({ exit: 1, stdout: "Using default tag: latest\n", stderr: "Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limits\n" });
    expect((await h.run("docker run --rm nginx true")).stderr).toContain("toomanyrequests: You have reached your pull rate limit.");
    await ok(h, "docker login -u alice -p pw");
    await ok(h, "docker pull busybox");
    await ok(h, "docker logout");
    expect((await h.run("docker pull busybox")).exit).toBe(1);
  });

  it("denies pushes to repositories the user does not own, and unauthenticated pushes", async () => {
    const h = createHost();
    await ok(h, "docker tag busybox alice/bb");
    await ok(h, "docker tag busybox mybb");
    const anon = await h.run("docker push alice/bb");
    expect(anon.exit).toBe(1);
    expect(anon.stdout).toBe("Using default tag: latest\nThe push refers to repository [docker.io/alice/bb]\n37e6eb7fab94: Preparing\n");
    expect(anon.stderr).toBe("denied: requested access to the resource is denied\n");
    await ok(h, "docker login -u bob -p pw");
    expect((await h.run("docker push alice/bb")).stderr).toBe("denied: requested access to the resource is denied\n");
    expect((await h.run("docker push mybb")).stderr).toBe("denied: requested access to the resource is denied\n");
    const missing = await h.run("docker push bob/nothing:v2");
    expect(missing).toEqual({ exit: 1, stdout: "The push refers to repository [docker.io/bob/nothing]\n", stderr: "An image does not exist locally with the tag: bob/nothing\n" });
    // a wrong password for an existing account
    const wrong = await h.run("docker login -u bob -p nope");
    expect(wrong.exit).toBe(1);
    expect(wrong.stderr).toContain('Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password');
  });

  it("login writes auths to ~/.docker/config.json and logout removes them", async () => {
    const h = createHost();
    const r = await ok(h, "docker login -u alice --password-stdin", "s3cret\n");
    expect(r.stdout).toBe("Login Succeeded\n");
    expect(r.stderr).toBe("\nWARNING! Your credentials are stored unencrypted in '/home/learner/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n");
    const cfg = (await ok(h, "cat ~/.docker/config.json")).stdout;
    expect(JSON.parse(cfg)).toEqual({ auths: { "https://index.docker.io/v1/": { auth: Buffer.from("alice:s3cret").toString("base64") } } });
    expect(cfg).toContain('\n\t"auths": {');
    expect((await ok(h, "stat -c %a ~/.docker/config.json")).stdout).toBe("600\n");
    expect((await ok(h, "docker logout")).stdout).toBe("Removing login credentials for https://index.docker.io/v1/\n");
    expect(JSON.parse((await ok(h, "cat ~/.docker/config.json")).stdout)).toEqual({ auths: {} });
    expect((await h.run("docker login")).stderr).toBe("Error: Cannot perform an interactive login from a non TTY device\n");
    expect((await h.run("docker login --password-stdin")).stderr).toBe("the --password-stdin option requires --username to be set\n");
  });
});

describe("a private registry:2", () => {
  it("is reachable on its published port, transfers only missing layers and keeps content in its volume", async () => {
    const h = createHost();
    await ok(h, "docker tag busybox localhost:5000/bb:v1");
    const refused = await h.run("docker push localhost:5000/bb:v1");
    expect(refused).toEqual({ exit: 1, stdout: "The push refers to repository [localhost:5000/bb]\n", stderr: 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n' });
    await ok(h, "docker run -d -p 5000:5000 --name registry -v regdata:/var/lib/registry registry:2");
    expect((await ok(h, "docker logs registry")).stderr).toContain('msg="listening on [::]:5000"');
    expect(lines((await ok(h, "docker push localhost:5000/bb:v1")).stdout)).toEqual([
      "The push refers to repository [localhost:5000/bb]",
      "37e6eb7fab94: Preparing",
      "37e6eb7fab94: Pushed",
      expect.stringMatching(/^v1: digest: sha256:[0-9a-f]{64} size: 527$/),
    ]);
    await appImage(h, "127.0.0.1:5000/app");
    const push = lines((await ok(h, "docker push 127.0.0.1:5000/app")).stdout);
    expect(push).toContain("37e6eb7fab94: Mounted from bb");
    expect(push.filter((l) => l.endsWith(": Pushed"))).toHaveLength(1);
    await ok(h, "docker rmi 127.0.0.1:5000/app");
    const pull = lines((await ok(h, "docker pull 127.0.0.1:5000/app")).stdout);
    expect(pull.filter((l) => l.endsWith(": Already exists"))).toHaveLength(1);
    expect(pull.filter((l) => l.endsWith(": Pull complete"))).toHaveLength(1);
    const unknown = await h.run("docker pull localhost:5000/nope:v9");
    expect(unknown.stderr).toBe("Error response from daemon: manifest for localhost:5000/nope:v9 not found: manifest unknown: manifest unknown\n");
    // a new registry container on the same volume serves the same images
    await ok(h, "docker rm -f registry");
    await ok(h, "docker run -d -p 5001:5000 --name r2 -v regdata:/var/lib/registry registry:2");
    await ok(h, "docker rmi localhost:5000/bb:v1");
    const again = await ok(h, "docker pull localhost:5001/bb:v1");
    expect(lines(again.stdout)[0]).toBe("v1: Pulling from bb");
    // a registry without its volume starts empty
    await ok(h, "docker run -d -p 5002:5000 registry:2");
    expect((await h.run("docker pull localhost:5002/bb:v1")).stderr).toContain("manifest unknown");
  });
});

describe("a registry with TLS on the host's address", () => {
  it("fails with x509 until the CA is trusted under /etc/docker/certs.d, and an HTTP registry is refused over HTTPS", async () => {
    const h = createHost();
    await ok(h, 'mkdir certs && openssl req -newkey rsa:2048 -nodes -keyout certs/domain.key -x509 -out certs/domain.crt -subj /CN=10.0.2.15 -addext "subjectAltName = IP:10.0.2.15"');
    await ok(h, 'docker run -d --name reg -v "$(pwd)"/certs:/certs -e REGISTRY_HTTP_ADDR=0.0.0.0:443 -e REGISTRY_HTTP_TLS_CERTIFICATE=/certs/domain.crt -e REGISTRY_HTTP_TLS_KEY=/certs/domain.key -p 8443:443 registry:2');
    expect((await ok(h, "docker logs reg")).stderr).toContain('msg="listening on [::]:443, tls"');
    const untrusted = await h.run("docker login -u user2 -p secret2 10.0.2.15:8443");
    expect(untrusted.exit).toBe(1);
    expect(untrusted.stderr).toContain('Error response from daemon: Get "https://10.0.2.15:8443/v2/": x509: certificate signed by unknown authority\n');
    await ok(h, "docker tag busybox 10.0.2.15:8443/bb");
    expect((await h.run("docker push 10.0.2.15:8443/bb")).stderr).toBe('Get "https://10.0.2.15:8443/v2/": x509: certificate signed by unknown authority\n');
    // trust the CA as root does on the engine's host
    h.machine.rootfs.mkdir(["etc", "docker"], { mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    h.machine.rootfs.mkdir(["etc", "docker", "certs.d"], { mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    h.machine.rootfs.mkdir(["etc", "docker", "certs.d", "10.0.2.15:8443"], { mode: 0o755, uid: 0, gid: 0, mtime: 0 });
    h.machine.rootfs.writeFile(["etc", "docker", "certs.d", "10.0.2.15:8443", "ca.crt"], new TextEncoder().encode((await ok(h, "cat certs/domain.crt")).stdout), { mode: 0o644, uid: 0, gid: 0, mtime: 0 });
    expect((await ok(h, "docker login -u user2 -p secret2 10.0.2.15:8443")).stdout).toBe("Login Succeeded\n");
    expect(JSON.parse((await ok(h, "cat ~/.docker/config.json")).stdout).auths["10.0.2.15:8443"]).toEqual({ auth: Buffer.from("user2:secret2").toString("base64") });
    expect((await ok(h, "docker push 10.0.2.15:8443/bb")).stdout).toContain("37e6eb7fab94: Pushed\n");
    // loopback names are insecure registries: the same registry works there without the CA
    expect((await ok(h, "docker pull localhost:8443/bb")).stdout).toContain("Status: Downloaded newer image for localhost:8443/bb:latest\n");

    await ok(h, "docker run -d -p 5000:5000 registry:2");
    expect((await h.run("docker pull 10.0.2.15:5000/bb")).stderr).toBe('Error response from daemon: Get "https://10.0.2.15:5000/v2/": http: server gave HTTP response to HTTPS client\n');
  });

  it("a registry whose certificate file is missing exits", async () => {
    const h = createHost();
    await ok(h, "docker run -d --name reg -e REGISTRY_HTTP_TLS_CERTIFICATE=/certs/domain.crt -p 5000:5000 registry:2");
    await ok(h, "sleep 1");
    expect((await ok(h, "docker ps -a --format '{{.Status}}'")).stdout).toMatch(/^Exited \(1\)/);
    expect((await ok(h, "docker logs reg")).stderr).toContain('level=fatal msg="open /certs/domain.crt: no such file or directory"');
  });
});

describe("on a terminal", () => {
  it("shows each layer's last status only, as Docker's progress display leaves the screen", async () => {
    const h = createHost();
    let screen = "";
    const listeners = new Set<(d: string) => void>();
    const session = h.openSession({
      cols: 120,
      rows: 40,
      write: (d: string) => void (screen += d),
      onData: (l: (d: string) => void) => (listeners.add(l), () => listeners.delete(l)),
    });
    await session.idle();
    session.typeLine("docker pull node:22-alpine");
    await session.idle();
    const out = screen.replace(/\r/g, "");
    expect(out).toMatch(/22-alpine: Pulling from library\/node\n([0-9a-f]{12}: Pull complete\n){4}Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for node:22-alpine\ndocker.io\/library\/node:22-alpine\n/);
    expect(out).not.toContain("Pulling fs layer");
    screen = "";
    session.typeLine("docker pull registry:2");
    await session.idle();
    // registry:2 shares its Alpine layer with node:22-alpine
    expect(screen.replace(/\r/g, "")).toMatch(/2: Pulling from library\/registry\n[0-9a-f]{12}: Already exists\n([0-9a-f]{12}: Pull complete\n){4}Digest/);
    session.dispose();
  });
});

describe("repository digests as references", () => {
  it("run and inspect find an image by name@digest; rmi of the last tag also untags its digests", async () => {
    const h = createHost();
    const pull = lines((await ok(h, "docker pull busybox")).stdout);
    const digest = pull.find((l) => l.startsWith("Digest: "))!.slice("Digest: ".length);
    expect((await ok(h, `docker run --rm busybox@${digest} echo hi`))).toEqual({ exit: 0, stdout: "hi\n", stderr: "" });
    await ok(h, "docker tag busybox bb2");
    expect((await ok(h, "docker rmi busybox")).stdout).toBe(`Untagged: busybox:latest\nUntagged: busybox@${digest}\n`);
    expect((await ok(h, "docker image inspect -f '{{json .RepoDigests}}' bb2")).stdout).toBe("[]\n");
    await ok(h, "docker pull -q busybox");
    expect((await ok(h, `docker rmi busybox@${digest}`)).stdout).toBe(`Untagged: busybox@${digest}\n`);
    expect((await ok(h, "docker images --format '{{.Repository}}:{{.Tag}}'")).stdout).toBe("bb2:latest\nbusybox:latest\n");
  });
});
