import { describe, expect, it } from "vitest";
import { createHost } from "../../host/host";
import { rootCred } from "../../runtime/cred";

async function host() {
  const h = createHost({ images: ["node:22-alpine"] });
  await h.run("mkdir -p /root/app", { cred: rootCred(), cwd: "/" });
  const run = (line: string) => h.run(line, { cwd: "/root/app", cred: rootCred(), env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root" } });
  const node = (code: string) => run(`docker run --rm node:22-alpine node -e '${code.replace(/'/g, "'\\''")}'`);
  return { h, run, node };
}

describe("node model: the JavaScript subset", () => {
  it("evaluates expressions, functions, closures, destructuring and collections", async () => {
    const { node } = await host();
    const r = await node(`
      const add = (a, b = 1) => a + b;
      function counter() { let n = 0; return { inc: () => ++n, get: () => n }; }
      const c = counter(); c.inc(); c.inc();
      const { x, y: [first, ...rest] } = { x: 1, y: [2, 3, 4] };
      const m = new Map([["a", 1]]); m.set("b", 2);
      let s = ""; for (const [k, v] of m) s += k + v;
      const list = [3, 1, 2].sort((p, q) => p - q).map(n => n * 10).filter(n => n > 10);
      console.log(add(2), c.get(), x, first, rest, s, list, typeof add, \`t=\${1 + 1}\`, null ?? "d", [1, 2].includes(2));
      console.log({ a: 1, nested: { b: [1, "two"] }, f: add });
      console.log(JSON.stringify({ a: [1, { b: true }] }), JSON.parse("{\\"k\\": 5}").k);
    `);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("3 2 1 2 [ 3, 4 ] a1b2 [ 20, 30 ] function t=2 d true\n{ a: 1, nested: { b: [ 1, 'two' ] }, f: [Function: add] }\n{\"a\":[1,{\"b\":true}]} 5\n");
  });

  it("runs async functions, promises and timers in simulated time", async () => {
    const { node } = await host();
    const r = await node(`
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      async function main() { const t = Date.now(); await wait(1500); console.log("waited", Date.now() - t); return 7; }
      main().then((v) => console.log("result", v));
      Promise.reject(new Error("handled")).catch((e) => console.log("caught", e.message));
      try { null.x; } catch (e) { console.log(e instanceof TypeError, e.message); }
    `);
    // (promise callbacks may run between the script's statements: see docs/differences.md)
    expect(r.stdout.split("\n").sort()).toEqual(["", "caught handled", "result 7", "true Cannot read properties of null (reading 'x')", "waited 1500"]);
  });

  it("prints uncaught errors as node does, with the source line", async () => {
    const { run } = await host();
    await run("printf 'const a = 1;\\n  missing(a);\\n' > bad.js");
    const r = await run('docker run --rm -v "$(pwd)":/app -w /app node:22-alpine node bad.js');
    expect(r.exit).toBe(1);
    expect(r.stderr).toBe("/app/bad.js:2\n  missing(a);\n  ^\n\nReferenceError: missing is not defined\n    at Object.<anonymous> (/app/bad.js:2:3)\n\nNode.js v22.23.3\n");
    const syntax = await run("docker run --rm node:22-alpine node -e 'let = ;'");
    expect(syntax.stderr).toContain("SyntaxError: Unexpected token");
    const mod = await run("docker run --rm node:22-alpine node -e 'require(\"express\")'");
    expect(mod.stderr).toContain("Error: Cannot find module 'express'\nRequire stack:\n- [eval]\n");
    expect(mod.stderr).toContain("code: 'MODULE_NOT_FOUND'");
  });

  it("requires local modules and JSON files relative to the script", async () => {
    const { run } = await host();
    await run("echo 'module.exports = { greet: (n) => `hi ${n}` };' > lib.js && echo '{\"name\": \"todo\"}' > conf.json");
    await run("echo 'const { greet } = require(\"./lib\"); const c = require(\"./conf.json\"); console.log(greet(c.name), __dirname);' > main.js");
    expect((await run('docker run --rm -v "$(pwd)":/app -w /app node:22-alpine node main.js')).stdout).toBe("hi todo /app\n");
  });
});

describe("node model: an HTTP app in a container", () => {
  const APP = `const http = require("http");
const fs = require("fs");
const file = "/data/todos.json";
const load = () => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : []);
const server = http.createServer((req, res) => {
  if (req.method === "POST") {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const todos = load();
      todos.push(body.trim());
      fs.writeFileSync(file, JSON.stringify(todos));
      res.writeHead(201, { "Content-Type": "text/plain" });
      res.end("added\\n");
    });
    return;
  }
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(load()) + "\\n");
});
server.listen(3000, () => console.log("Listening on port 3000"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

  it("serves on a published port, keeps state in a volume, and stops at once with a SIGTERM handler", async () => {
    const { run, h } = await host();
    h.machine.rootfs.writeFile(["root", "app", "app.js"], new TextEncoder().encode(APP), { mode: 0o644 });
    await run('docker run -d --name web -p 3000:3000 -v todo-data:/data -v "$(pwd)":/app -w /app node:22-alpine node app.js');
    expect((await run("docker logs web")).stdout).toBe("Listening on port 3000\n");
    expect((await run("wget -qO- localhost:3000")).stdout).toBe("[]\n");
    await run("docker run --rm --network container:web busybox sh -c \"printf 'POST / HTTP/1.0\\r\\nContent-Length: 5\\r\\n\\r\\nmilk\\n' | nc localhost 3000\"");
    expect((await run("wget -qO- localhost:3000")).stdout).toBe('["milk"]\n');
    const before = h.machine.sched.now;
    expect((await run("docker stop web")).exit).toBe(0);
    expect(h.machine.sched.now - before).toBeLessThan(1000);
    expect((await run("docker inspect -f '{{.State.ExitCode}}' web")).stdout).toBe("0\n");
    await run('docker rm web && docker run -d --name web2 -p 3000:3000 -v todo-data:/data -v "$(pwd)":/app -w /app node:22-alpine node app.js');
    expect((await run("wget -qO- localhost:3000")).stdout).toBe('["milk"]\n');
  });

  it("as PID 1 without a handler ignores SIGTERM: docker stop waits 10 s and kills it", async () => {
    const { run, h } = await host();
    await run("docker run -d --name plain node:22-alpine node -e 'setInterval(() => {}, 1000)'");
    const before = h.machine.sched.now;
    await run("docker stop plain");
    expect(h.machine.sched.now - before).toBeGreaterThanOrEqual(10_000);
    expect((await run("docker inspect -f '{{.State.ExitCode}}' plain")).stdout).toBe("137\n");
  });

  it("npm and yarn install what needs no registry and run package scripts", async () => {
    const { run } = await host();
    await run(`echo '{"name":"app","version":"1.0.0","scripts":{"start":"node -e \\"console.log(42)\\""}}' > package.json`);
    const v = '-v "$(pwd)":/app -w /app';
    expect((await run(`docker run --rm ${v} node:22-alpine npm install`)).stdout).toBe("\nup to date, audited 1 package in 180ms\n\nfound 0 vulnerabilities\n");
    expect((await run(`docker run --rm ${v} node:22-alpine npm start`)).stdout).toBe('\n> app@1.0.0 start\n> node -e "console.log(42)"\n\n42\n');
    expect((await run(`docker run --rm ${v} node:22-alpine yarn start`)).stdout).toMatch(/^yarn run v1\.22\.22\n\$ node -e "console\.log\(42\)"\n42\nDone in \d+\.\d\ds\.\n$/);
    const offline = await run(`docker run --rm ${v} node:22-alpine npm install express`);
    expect(offline.exit).toBe(1);
    expect(offline.stderr).toContain("npm error request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org");
  });
});
