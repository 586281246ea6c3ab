/**
 * The private-registry walkthrough of Docker's "Deploy a registry server" page as seed 000 follows
 * it, end to end in the simulated host: a self-signed certificate from `openssl req`, an htpasswd
 * file from `docker run --entrypoint htpasswd httpd:2 -Bbn ...`, registry:2 with REGISTRY_AUTH*
 * and REGISTRY_HTTP_TLS_* and its storage mounted, each failure before its fix (x509, no basic
 * auth credentials, a wrong password), then login, tag, push and pull; and promoting images from
 * one registry to another by pull, tag and push.
 */
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../../simulator/host/host";
import { rootCred } from "../../simulator/runtime/cred";
import { bcryptVerify } from "../../simulator/distribution/htpasswd";

async function ok(h: Host, line: string, stdin?: string) {
  const r = await h.run(line, { stdin });
  expect(r.exit, `${line}\n${r.stderr}`).toBe(0);
  return r;
}

/** As root on the engine's host (the seed's `sudo` and `cp ... /etc/docker/certs.d/...`). */
async function asRoot(h: Host, line: string) {
  const r = await h.run(line, { cred: rootCred(), cwd: "/home/learner" });
  expect(r.exit, `${line}\n${r.stderr}`).toBe(0);
  return r;
}

const REGISTRY = [
  "docker run -d --restart=always --name registry",
  '-v "$(pwd)"/auth:/auth',
  "-e REGISTRY_AUTH=htpasswd",
  '-e "REGISTRY_AUTH_HTPASSWD_REALM=Registry Realm"',
  "-e REGISTRY_AUTH_HTPASSWD_PATH=/auth/dot_htpasswd",
  '-v "$(pwd)"/certs:/certs',
  "-e REGISTRY_HTTP_ADDR=0.0.0.0:443",
  "-e REGISTRY_HTTP_TLS_CERTIFICATE=/certs/domain.crt",
  "-e REGISTRY_HTTP_TLS_KEY=/certs/domain.key",
  "-p 8443:443",
  '-v "$(pwd)"/registry-data:/var/lib/registry',
  "registry:2",
].join(" ");

const OPENSSL = 'openssl req -newkey rsa:4096 -nodes -sha256 -keyout certs/domain.key -addext "subjectAltName = IP:10.0.2.15" -x509 -days 365 -out certs/domain.crt -subj "/CN=10.0.2.15"';

/** Certificate, htpasswd file and a running registry, as in the walkthrough. */
async function deployed(h: Host) {
  await ok(h, "mkdir -p certs auth registry-data");
  await ok(h, OPENSSL);
  await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user1 secret1 >> auth/dot_htpasswd");
  await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user2 secret2 >> auth/dot_htpasswd");
  await ok(h, REGISTRY);
}

describe("seed 000: a private registry with htpasswd and a self-signed certificate", () => {
  it("openssl req writes a PEM key (0600) and certificate; prompts for the DN without -subj", async () => {
    const h = createHost();
    await ok(h, "mkdir certs");
    const r = await ok(h, OPENSSL);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^[.+*]+\n[.+*]+\n-----\n$/);
    const key = (await ok(h, "cat certs/domain.key")).stdout;
    const crt = (await ok(h, "cat certs/domain.crt")).stdout;
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/);
    expect(crt).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
    // about the sizes OpenSSL 3 writes for rsa:4096 (3268 and ~1840 bytes)
    expect(key.length).toBeGreaterThan(3000);
    expect(crt.length).toBeGreaterThan(1500);
    expect((await ok(h, "stat -c '%a %a' certs/domain.key certs/domain.crt")).stdout).toBe("600 600\n644 644\n");
    expect((await ok(h, "openssl x509 -in certs/domain.crt -noout -subject -ext subjectAltName")).stdout).toBe("subject=CN = 10.0.2.15\nX509v3 Subject Alternative Name: \n    IP Address:10.0.2.15\n");

    const prompted = await ok(h, "openssl req -newkey rsa:2048 -nodes -keyout k.pem -x509 -out c.pem", "JP\nTokyo\n\n.\n\nmyhost\n\n");
    expect(prompted.stderr).toContain("-----\nYou are about to be asked to enter information that will be incorporated\ninto your certificate request.\n");
    expect(prompted.stderr).toMatch(/Country Name \(2 letter code\) \[AU\]:State or Province Name \(full name\) \[Some-State\]:Locality Name \(eg, city\) \[\]:Organization Name \(eg, company\) \[Internet Widgits Pty Ltd\]:Organizational Unit Name \(eg, section\) \[\]:Common Name \(e\.g\. server FQDN or YOUR name\) \[\]:Email Address \[\]:$/);
    expect((await ok(h, "openssl x509 -in c.pem -noout -subject")).stdout).toBe("subject=C = JP, ST = Tokyo, CN = myhost\n");
    const bad = await h.run("openssl req -newkey rsa:2048 -nodes -keyout nodir/k -x509 -out c7 -subj /CN=x");
    expect(bad.exit).toBe(1);
    expect(bad.stderr).toMatch(/-----\nreq: Can't open "nodir\/k" for writing, No such file or directory\n$/);
    expect((await h.run("openssl foo")).stderr).toBe(`Invalid command 'foo'; type "help" for a list.\n`);
  });

  it("htpasswd from httpd:2 prints a bcrypt-shaped record and an empty line; registry:2 has no htpasswd", async () => {
    const h = createHost();
    const r = await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user1 secret1");
    const m = /^user1:(\$2y\$05\$[./A-Za-z0-9]{53})\n\n$/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(bcryptVerify(m![1], "secret1")).toBe(true);
    expect(bcryptVerify(m![1], "secret2")).toBe(false);
    // deterministic: the same line again
    expect((await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user1 secret1")).stdout).toBe(r.stdout);
    expect(r.stderr).toMatch(/^Unable to find image 'httpd:2' locally\n2: Pulling from library\/httpd\n/);
    // without -B: htpasswd's default MD5, which the registry does not accept
    expect((await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -bn user1 secret1")).stdout).toMatch(/^user1:\$apr1\$[./0-9A-Za-z]{8}\$[./0-9A-Za-z]{22}\n\n$/);
    const usage = await h.run("docker run --rm --entrypoint htpasswd httpd:2");
    expect(usage.exit).toBe(2);
    expect(usage.stderr).toContain("Usage:\n\thtpasswd [-cimBdpsDv] [-C cost] passwordfile username\n");
    const none = await h.run("docker run --rm --entrypoint htpasswd registry:2 -Bbn user1 secret1");
    expect(none.exit).toBe(127);
    expect(none.stderr).toContain('exec: "htpasswd": executable file not found in $PATH');
  });

  it("walks through: x509, trust, no basic auth credentials, wrong password, login, push, pull", async () => {
    const h = createHost();
    await deployed(h);
    const logs = (await ok(h, "docker logs registry")).stderr;
    expect(logs).toContain('level=info msg="restricting TLS version to tls1.2 or higher"');
    expect(logs).toContain('level=info msg="listening on [::]:443, tls"');
    expect((await ok(h, "cat auth/dot_htpasswd")).stdout).toMatch(/^user1:\$2y\$05\$\S{53}\n\nuser2:\$2y\$05\$\S{53}\n\n$/);

    // 1. the engine does not trust the self-signed certificate
    const x509 = await h.run("docker login -u user2 -p secret2 10.0.2.15:8443");
    expect(x509.exit).toBe(1);
    expect(x509.stderr).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get "https://10.0.2.15:8443/v2/": x509: certificate signed by unknown authority\n');
    // another certificate in certs.d does not help
    await ok(h, 'openssl req -newkey rsa:2048 -nodes -keyout other.key -x509 -out other.crt -subj /CN=other -addext "subjectAltName = IP:10.0.2.15"');
    await asRoot(h, "mkdir -p /etc/docker/certs.d/10.0.2.15:8443 && cp other.crt /etc/docker/certs.d/10.0.2.15:8443/ca.crt");
    expect((await h.run("docker login -u user2 -p secret2 10.0.2.15:8443")).stderr).toContain("x509: certificate signed by unknown authority");
    // 2. trust the registry's own certificate: without sudo on the host, through a container as
    // root with the host's /etc/docker mounted (which works on a real host too)
    await ok(h, `docker run --rm -v /etc/docker:/etc/docker -v "$PWD"/certs:/certs busybox sh -c 'mkdir -p /etc/docker/certs.d/10.0.2.15:8443 && cp /certs/domain.crt /etc/docker/certs.d/10.0.2.15:8443/ca.crt'`);
    expect((await ok(h, "ls -l /etc/docker/certs.d/10.0.2.15:8443/")).stdout).toMatch(/-rw-r--r-- +1 root +root .* ca\.crt/);

    // 3. without login the registry asks for credentials
    await ok(h, "docker tag busybox 10.0.2.15:8443/tools/bb:1.0");
    const push = await h.run("docker push 10.0.2.15:8443/tools/bb:1.0");
    expect(push).toEqual({ exit: 1, stdout: "The push refers to repository [10.0.2.15:8443/tools/bb]\n37e6eb7fab94: Preparing\n", stderr: "no basic auth credentials\n" });
    const pull = await h.run("docker pull 10.0.2.15:8443/tools/bb:1.0");
    expect(pull).toEqual({ exit: 1, stdout: "", stderr: 'Error response from daemon: Head "https://10.0.2.15:8443/v2/tools/bb/manifests/1.0": no basic auth credentials\n' });

    // 4. a wrong password
    const wrong = await h.run("echo nope | docker login -u user2 --password-stdin 10.0.2.15:8443");
    expect(wrong).toEqual({ exit: 1, stdout: "", stderr: "Error response from daemon: login attempt to https://10.0.2.15:8443/v2/ failed with status: 401 Unauthorized\n" });
    expect((await h.run("cat ~/.docker/config.json")).exit).toBe(1);

    // 5. login, push, pull
    const login = await ok(h, "echo secret2 | docker login -u user2 --password-stdin 10.0.2.15:8443");
    expect(login.stdout).toBe("Login Succeeded\n");
    expect(JSON.parse((await ok(h, "cat ~/.docker/config.json")).stdout)).toEqual({ auths: { "10.0.2.15:8443": { auth: Buffer.from("user2:secret2").toString("base64") } } });
    const pushed = (await ok(h, "docker push 10.0.2.15:8443/tools/bb:1.0")).stdout.split("\n");
    expect(pushed.slice(0, 3)).toEqual(["The push refers to repository [10.0.2.15:8443/tools/bb]", "37e6eb7fab94: Preparing", "37e6eb7fab94: Pushed"]);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed[3])![1];
    await ok(h, "docker rmi 10.0.2.15:8443/tools/bb:1.0");
    const pulled = await ok(h, "docker pull 10.0.2.15:8443/tools/bb:1.0");
    expect(pulled.stdout).toBe(`1.0: Pulling from tools/bb\nDigest: ${digest}\nStatus: Downloaded newer image for 10.0.2.15:8443/tools/bb:1.0\n10.0.2.15:8443/tools/bb:1.0\n`);

    // a user whose password the file does not accept, with credentials stored by hand
    await ok(h, `printf '{"auths":{"10.0.2.15:8443":{"auth":"%s"}}}' ${Buffer.from("user1:bad").toString("base64")} > ~/.docker/config.json`);
    expect((await h.run("docker pull 10.0.2.15:8443/tools/bb:1.0")).stderr).toBe("Error response from daemon: unauthorized: authentication required\n");
    expect((await h.run("docker push 10.0.2.15:8443/tools/bb:1.0")).stderr).toBe("unauthorized: authentication required\n");
    // the registry re-reads the file: a user added now can log in at once
    await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user3 secret3 >> auth/dot_htpasswd");
    expect((await ok(h, "docker login -u user3 -p secret3 10.0.2.15:8443")).stdout).toBe("Login Succeeded\n");
    // the registry keeps its content in registry-data: a new container serves the same image
    await ok(h, "docker rm -f registry");
    await ok(h, REGISTRY);
    expect((await ok(h, `docker pull -q 10.0.2.15:8443/tools/bb@${digest}`)).stdout).toBe(`10.0.2.15:8443/tools/bb@${digest}\n`);
  });

  it("a certificate without the registry's address, and registries that cannot start", async () => {
    const h = createHost();
    await ok(h, "mkdir -p certs auth");
    // the seed's certificate names a DNS name only
    await ok(h, 'openssl req -newkey rsa:4096 -nodes -sha256 -keyout certs/domain.key -addext "subjectAltName = DNS:myhost.mydomain.example.com" -x509 -days 365 -out certs/domain.crt -subj /CN=myhost');
    await ok(h, "docker run --rm --entrypoint htpasswd httpd:2 -Bbn user1 secret1 > auth/dot_htpasswd");
    await ok(h, REGISTRY);
    await asRoot(h, "mkdir -p /etc/docker/certs.d/10.0.2.15:8443 && cp certs/domain.crt /etc/docker/certs.d/10.0.2.15:8443/ca.crt");
    expect((await h.run("docker login -u user1 -p secret1 10.0.2.15:8443")).stderr).toContain(`Error response from daemon: Get "https://10.0.2.15:8443/v2/": x509: cannot validate certificate for 10.0.2.15 because it doesn't contain any IP SANs\n`);
    // loopback names are insecure registries: no certificate check, but the password still counts
    expect((await h.run("docker login -u user1 -p nope localhost:8443")).stderr).toContain("Error response from daemon: login attempt to https://localhost:8443/v2/ failed with status: 401 Unauthorized\n");
    expect((await ok(h, "docker login -u user1 -p secret1 localhost:8443")).stdout).toBe("Login Succeeded\n");

    // htpasswd auth without a realm: the registry panics
    await ok(h, "docker run -d --name norealm -e REGISTRY_AUTH=htpasswd -e REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd registry:2");
    await ok(h, "sleep 1");
    expect((await ok(h, "docker inspect -f '{{.State.ExitCode}}' norealm")).stdout).toBe("2\n");
    expect((await ok(h, "docker logs norealm")).stderr).toContain('panic: unable to configure authorization (htpasswd): "realm" must be set for htpasswd access controller\n');
    // a missing file is made with a user `docker` and a generated password, which the log shows
    await ok(h, 'docker run -d --name nofile -p 5000:5000 -e REGISTRY_AUTH=htpasswd -e "REGISTRY_AUTH_HTPASSWD_REALM=Registry Realm" -e REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd registry:2');
    const log = (await ok(h, "docker logs nofile")).stderr;
    const pass = /level=warning msg="htpasswd is missing, provisioning with default user" password=(\S+) user=docker/.exec(log)?.[1];
    expect(pass).toBeDefined();
    expect((await ok(h, "docker exec nofile cat /auth/htpasswd")).stdout).toMatch(/^docker:\$2y\$10\$\S{53}$/);
    expect((await h.run("docker pull localhost:5000/x")).stderr).toBe('Error response from daemon: Head "http://localhost:5000/v2/x/manifests/latest": no basic auth credentials\n');
    expect((await ok(h, `docker login -u docker -p ${pass} localhost:5000`)).stdout).toBe("Login Succeeded\n");

    // TLS files that do not make a key pair
    await ok(h, "openssl req -newkey rsa:2048 -nodes -keyout certs/other.key -x509 -out certs/other.crt -subj /CN=x");
    await ok(h, 'docker run -d --name mismatch -v "$(pwd)"/certs:/certs -e REGISTRY_HTTP_TLS_CERTIFICATE=/certs/domain.crt -e REGISTRY_HTTP_TLS_KEY=/certs/other.key registry:2');
    await ok(h, "echo not a certificate > certs/junk.crt");
    await ok(h, 'docker run -d --name junk -v "$(pwd)"/certs:/certs -e REGISTRY_HTTP_TLS_CERTIFICATE=/certs/junk.crt -e REGISTRY_HTTP_TLS_KEY=/certs/domain.key registry:2');
    await ok(h, "sleep 1");
    expect((await ok(h, "docker logs mismatch")).stderr).toContain('level=fatal msg="tls: private key does not match public key"');
    expect((await ok(h, "docker logs junk")).stderr).toContain('level=fatal msg="tls: failed to find any PEM data in certificate input"');
  });
});

describe("promotion between registries", () => {
  it("pulls from an internal registry, tags and pushes to an external one, sharing layers", async () => {
    const h = createHost();
    // internal: a plain registry on localhost:5000; external: htpasswd-protected, on localhost:5001
    await ok(h, "docker run -d --name internal -p 5000:5000 registry:2");
    await ok(h, "mkdir auth && docker run --rm --entrypoint htpasswd httpd:2 -Bbn ci ci-pass > auth/htpasswd");
    await ok(h, 'docker run -d --name external -p 5001:5000 -v "$(pwd)"/auth:/auth -e REGISTRY_AUTH=htpasswd -e "REGISTRY_AUTH_HTPASSWD_REALM=Registry Realm" -e REGISTRY_AUTH_HTPASSWD_PATH=/auth/htpasswd registry:2');
    await ok(h, "docker run --name mk busybox sh -c 'echo v1 > /version' && docker commit mk localhost:5000/internal-my-repo1:1.0 && docker rm mk");
    await ok(h, "docker tag busybox localhost:5000/internal-my-repo2:1.0");
    await ok(h, "docker push localhost:5000/internal-my-repo1:1.0 && docker push localhost:5000/internal-my-repo2:1.0");
    await ok(h, "docker rmi localhost:5000/internal-my-repo1:1.0 localhost:5000/internal-my-repo2:1.0");
    await ok(h, "echo ci-pass | docker login -u ci --password-stdin localhost:5001");
    const script = [
      "for pair in internal-my-repo1=external/my-repo1 internal-my-repo2=external/my-repo2; do",
      '  internal="${pair%%=*}"; external="${pair#*=}"',
      '  echo "pull from: $internal"; echo "push to  : $external"',
      '  docker pull -q "localhost:5000/$internal:1.0" >/dev/null || exit 1',
      '  docker tag "localhost:5000/$internal:1.0" "localhost:5001/$external:1.0"',
      '  docker push "localhost:5001/$external:1.0" | tail -n 2 || exit 1',
      "done",
    ].join("\n");
    const r = await ok(h, script);
    const out = r.stdout.split("\n");
    expect(out[0]).toBe("pull from: internal-my-repo1");
    expect(out[1]).toBe("push to  : external/my-repo1");
    expect(out[3]).toMatch(/^1\.0: digest: sha256:[0-9a-f]{64} size: \d+$/);
    // the second repository's only layer is busybox's, which the first push put in the registry
    expect(out[6]).toBe("37e6eb7fab94: Mounted from external/my-repo1");
    // the promoted images have the same digests in both registries
    const digestIn = async (ref: string) => (await ok(h, `docker manifest inspect ${ref} | sha256sum`)).stdout;
    expect(await digestIn("localhost:5001/external/my-repo1:1.0")).toBe(await digestIn("localhost:5000/internal-my-repo1:1.0"));
    // the seed's own script: a bash associative array of internal to external repositories (its
    // `${repos[$key]}` corrected to `${repos[$internal]}`), with the pull, tag and push it leaves out
    await ok(h, "docker rmi localhost:5001/external/my-repo1:1.0 localhost:5001/external/my-repo2:1.0 localhost:5000/internal-my-repo1:1.0 localhost:5000/internal-my-repo2:1.0");
    const seed = [
      "declare -A repos",
      'repos["internal-my-repo1"]="external/my-repo1"',
      'repos["internal-my-repo2"]="external/my-repo2"',
      'for internal in "${!repos[@]}"; do',
      '  external="${repos[$internal]}"',
      '  echo "pull from: $internal"',
      '  echo "push to  : $external"',
      '  docker pull -q "localhost:5000/$internal:1.0" > /dev/null',
      '  docker tag "localhost:5000/$internal:1.0" "localhost:5001/$external:1.1"',
      '  docker push -q "localhost:5001/$external:1.1"',
      "done",
      "",
    ].join("\n");
    await ok(h, `cat > promote.sh <<'EOF'\n${seed}EOF`);
    const promoted = (await ok(h, "bash promote.sh")).stdout.split("\n").filter(Boolean);
    expect(promoted.sort()).toEqual(["localhost:5001/external/my-repo1:1.1", "localhost:5001/external/my-repo2:1.1", "pull from: internal-my-repo1", "pull from: internal-my-repo2", "push to  : external/my-repo1", "push to  : external/my-repo2"]);
    expect(await digestIn("localhost:5001/external/my-repo2:1.1")).toBe(await digestIn("localhost:5000/internal-my-repo2:1.0"));
    await ok(h, "docker logout localhost:5001");
    expect((await h.run("docker manifest inspect localhost:5001/external/my-repo2:1.0")).stderr).toBe('Get "http://localhost:5001/v2/external/my-repo2/manifests/1.0": no basic auth credentials\n');
    expect((await h.run("docker pull localhost:5001/external/my-repo2:1.0")).stderr).toBe('Error response from daemon: Head "http://localhost:5001/v2/external/my-repo2/manifests/1.0": no basic auth credentials\n');
  });
});
