import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";
import { rootCred } from "../../runtime/cred";

async function host() {
  const h = createHost({ images: ["nginx"] });
  await h.run("mkdir -p /root/site", { cred: rootCred(), cwd: "/" });
  const run = (line: string) => h.run(line, { cwd: "/root/site", cred: rootCred(), env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root" } });
  return { h, run };
}

describe("nginx model", () => {
  it("serves the default page on a published port and logs the request in the image's main format", async () => {
    const { run } = await host();
    expect((await run("docker run -d --name web -p 8080:80 nginx")).exit).toBe(0);
    const page = await run("wget -qO- localhost:8080");
    expect(page.stdout).toContain("<h1>Welcome to nginx!</h1>");
    expect(page.stdout.length).toBe(615);
    const logs = await run("docker logs web");
    expect(logs.stdout).toMatch(/\n172\.17\.0\.1 - - \[01\/Jan\/2024:00:00:0\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"\n$/);
    expect(logs.stdout).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    expect(logs.stderr).toContain("[notice] 1#1: nginx/1.31.3\n");
  });

  it("serves a bind-mounted directory to another container by name, and 404s with nginx's page and error log", async () => {
    const { run } = await host();
    await run("echo '<h1>hello</h1>' > index.html");
    await run("docker network create site");
    await run('docker run -d --name web --network site -v "$(pwd)":/usr/share/nginx/html:ro nginx');
    expect((await run("docker run --rm --network site busybox wget -qO- web")).stdout).toBe("<h1>hello</h1>\n");
    const miss = await run("docker run --rm --network site busybox wget -O- web/missing");
    expect(miss.stderr).toContain("wget: server returned error: HTTP/1.1 404 Not Found");
    const logs = await run("docker logs web");
    expect(logs.stderr).toMatch(/\[error\] \d+#\d+: \*\d+ open\(\) "\/usr\/share\/nginx\/html\/missing" failed \(2: No such file or directory\), client: 172\.18\.0\.3, server: localhost, request: "GET \/missing HTTP\/1\.1", host: "web"/);
  });

  it("stops on SIGQUIT (its STOPSIGNAL) at once with status 0", async () => {
    const { run } = await host();
    await run("docker run -d --name web nginx");
    expect((await run("docker stop web")).exit).toBe(0);
    expect((await run("docker inspect -f '{{.State.ExitCode}}' web")).stdout).toBe("0\n");
    expect((await run("docker logs web")).stderr).toContain("signal 3 (SIGQUIT) received, shutting down");
  });

  it("checks its configuration: nginx -t, syntax errors, and an upstream it cannot resolve", async () => {
    const { run } = await host();
    expect((await run("docker run --rm nginx nginx -t")).stderr).toBe("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n");
    await run("printf 'server {\\n  listen 80;\\n  location / {\\n    proxy_pass http://app:3000;\\n  }\\n}\\n' > proxy.conf");
    const r = await run('docker run --name px -v "$(pwd)/proxy.conf":/etc/nginx/conf.d/default.conf nginx');
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('nginx: [emerg] host not found in upstream "app:3000" in /etc/nginx/conf.d/default.conf:4\n');
    await run("printf 'server {\\n  listen 80;\\n' > broken.conf");
    const b = await run('docker run --rm -v "$(pwd)/broken.conf":/etc/nginx/conf.d/default.conf nginx nginx -t');
    expect(b.stderr).toContain('unexpected end of file, expecting "}" in /etc/nginx/conf.d/default.conf:2');
  });

  it("proxies to an upstream by its DNS name on a user network", async () => {
    const { run } = await host();
    await run("docker network create app");
    await run("mkdir www && echo backend > www/index.html");
    await run('docker run -d --name api --network app -v "$(pwd)/www":/www busybox httpd -f -p 3000 -h /www');
    await run("printf 'server {\\n  listen 80;\\n  location / {\\n    proxy_pass http://api:3000;\\n  }\\n}\\n' > proxy.conf");
    await run('docker run -d --name front --network app -p 8081:80 -v "$(pwd)/proxy.conf":/etc/nginx/conf.d/default.conf nginx');
    const r = await run("wget -S -qO- localhost:8081");
    expect(r.stdout).toBe("backend\n");
    expect(r.stderr).toContain("Server: nginx/1.31.3");
  });
});
