// The networking applets on a bare machine (loopback only), checked against the reference BusyBox
// (/bin/busybox) serving and fetching the same files on this machine's 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Machine } from "../machine";
import { split } from "../../fs/path";
import { utf8 } from "../../util/bytes";
import "./index";
import "../sh/index";
import { Collector, DISCARD } from "../streams";
import { decodeDns, encodeDns, TYPE_A } from "./net-dns";
import { parseUrl } from "./net-wget";

const PORT = 18000 + (process.pid % 1000);
const FILES: Record<string, string> = { "index.html": "home\n", "a.txt": "plain\n", "docs/index.html": "doc\n", "img.png": "png" };
const MTIME = Date.UTC(2024, 0, 1) / 1000;

let dir = "";
let server: ReturnType<typeof spawn> | null = null;
const real = (args: string[], input = "") => spawnSync("/bin/busybox", args, { input, encoding: "utf8", cwd: dir });
/** Headers that name the moment of the request are not comparable. */
const stable = (s: string) => s.replace(/^Date: .*\r$/gm, "Date: <now>\r");

/** Start BusyBox httpd in the background of a simulated machine. */
function serve(m: Machine): void {
  m.spawn({ argv: ["httpd", "-f", "-p", `127.0.0.1:${PORT}`, "-h", "/www"], stdout: DISCARD, stderr: DISCARD });
}

function machine() {
  const m = new Machine();
  m.linkApplets();
  m.rootfs.mkdir(["www"], { mode: 0o755 });
  m.rootfs.mkdir(["www", "docs"], { mode: 0o755 });
  m.rootfs.mkdir(["www", "empty"], { mode: 0o755 });
  for (const [p, t] of Object.entries(FILES)) m.rootfs.writeFile(["www", ...split(p)], utf8(t), { mode: 0o644, mtime: MTIME * 1000 });
  return m;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "net-oracle-"));
  mkdirSync(join(dir, "www", "docs"), { recursive: true });
  mkdirSync(join(dir, "www", "empty"), { recursive: true });
  for (const [p, t] of Object.entries(FILES)) {
    writeFileSync(join(dir, "www", p), t);
    utimesSync(join(dir, "www", p), MTIME, MTIME);
  }
  server = spawn("/bin/busybox", ["httpd", "-f", "-p", `127.0.0.1:${PORT}`, "-h", join(dir, "www")]);
  await new Promise((r) => setTimeout(r, 300));
});

afterAll(() => {
  server?.kill();
});

describe("httpd and wget against the reference BusyBox", () => {
  const requests = ["GET / HTTP/1.1", "GET /a.txt HTTP/1.0", "GET /docs HTTP/1.1", "GET /docs/ HTTP/1.1", "GET /empty/ HTTP/1.1", "GET /missing HTTP/1.1", "GET /../x HTTP/1.1", "POST / HTTP/1.0", "junk", "GET /img.png HTTP/1.1", "GET /a.txt?x=1 HTTP/1.1", "GET /docs?q=1 HTTP/1.1"];
  for (const req of requests) {
    it(`answers ${JSON.stringify(req)} as BusyBox httpd does`, async () => {
      const expected = real(["nc", "127.0.0.1", String(PORT)], `${req}\r\nHost: x\r\n\r\n`).stdout;
      const m = machine();
      serve(m);
      const got = await m.run(["sh", "-c", `printf '${req}\\r\\nHost: x\\r\\n\\r\\n' | nc 127.0.0.1 ${PORT}`]);
      expect(stable(got.stdout)).toBe(stable(expected));
    });
  }

  const fetches: string[][] = [["-qO-", "/"], ["-O-", "/a.txt"], ["-O-", "/missing"], ["-qO-", "/docs"], ["-S", "-O", "/dev/null", "/a.txt"], ["--spider", "/a.txt"], ["-qO-", "/empty/"]];
  for (const f of fetches) {
    it(`wget ${f.join(" ")} prints what BusyBox wget prints`, async () => {
      const args = [...f.slice(0, -1), `http://127.0.0.1:${PORT}${f[f.length - 1]}`];
      const r = real(["wget", ...args]);
      const m = machine();
      serve(m);
      const got = await m.run(["wget", ...args], { cwd: "/tmp" });
      expect({ exit: got.exit, stdout: got.stdout, stderr: stable(got.stderr).replace(/^  Date: .*$/m, "  Date") }).toEqual({ exit: r.status, stdout: r.stdout, stderr: stable(r.stderr).replace(/^  Date: .*$/m, "  Date") });
    });
  }

  it("wget reports a refused connection and a bad address like BusyBox", async () => {
    const m = machine();
    for (const args of [["-qO-", `http://127.0.0.1:${PORT + 1}/`], ["-qO-", "foo://x"], []]) {
      const r = real(["wget", ...args]);
      const got = await m.run(["wget", ...args]);
      expect({ exit: got.exit, stderr: got.stderr }).toEqual({ exit: r.status, stderr: r.stderr });
    }
  });

  it("wget saves to a file named after the URL and refuses to overwrite it", async () => {
    const m = machine();
    serve(m);
    const first = await m.run(["wget", `http://127.0.0.1:${PORT}/a.txt`], { cwd: "/tmp" });
    expect(first.stderr).toBe(`Connecting to 127.0.0.1:${PORT} (127.0.0.1:${PORT})\nsaving to 'a.txt'\na.txt                100% |********************************|     6  0:00:00 ETA\n'a.txt' saved\n`);
    expect((await m.run(["cat", "/tmp/a.txt"])).stdout).toBe("plain\n");
    const again = await m.run(["wget", "-q", `http://127.0.0.1:${PORT}/a.txt`], { cwd: "/tmp" });
    expect(again).toEqual({ exit: 1, stdout: "", stderr: "wget: can't open 'a.txt': File exists\n" });
  });
});

describe("nc, ping and ip on the loopback", () => {
  it("nc carries data both ways and exits when the peer closes", async () => {
    const m = machine();
    const out = new Collector();
    const server = m.spawn({ argv: ["sh", "-c", `echo from server | nc -l -p ${PORT}`], stdout: out, stderr: DISCARD });
    const client = await m.run(["sh", "-c", `echo from client | nc 127.0.0.1 ${PORT}`]);
    expect(client).toEqual({ exit: 0, stdout: "from server\n", stderr: "" });
    expect(await m.sched.runUntil(server.exited)).toBe(0);
    expect(out.text()).toBe("from client\n");
  });

  it("nc -w gives up with 'timed out' and a second listener cannot bind", async () => {
    const m = machine();
    m.spawn({ argv: ["nc", "-l", "-p", String(PORT)], stdout: DISCARD, stderr: DISCARD });
    expect(await m.run(["nc", "-l", "-p", String(PORT)])).toEqual({ exit: 1, stdout: "", stderr: "nc: bind: Address already in use\n" });
    expect(await m.run(["nc", "-w", "1", "-l", "-p", String(PORT + 1)])).toEqual({ exit: 1, stdout: "", stderr: "nc: timed out\n" });
    expect(await m.run(["nc", "127.0.0.1", String(PORT + 2)])).toEqual({ exit: 1, stdout: "", stderr: "nc: can't connect to remote host (127.0.0.1): Connection refused\n" });
  });

  it("ping prints BusyBox's lines and statistics", async () => {
    const m = machine();
    const r = await m.run(["ping", "-c", "2", "127.0.0.1"]);
    expect(r.exit).toBe(0);
    expect(r.stdout.replace(/time=[\d.]+/g, "time=T").replace(/= [\d./]+ ms/, "= T ms")).toBe(
      "PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=T ms\n64 bytes from 127.0.0.1: seq=1 ttl=64 time=T ms\n\n--- 127.0.0.1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = T ms\n",
    );
    expect(await m.run(["ping", "-c1", "nosuch.invalid"])).toMatchObject({ exit: 1, stderr: "ping: bad address 'nosuch.invalid'\n" });
  });

  it("ping without -c runs until interrupted, then prints its statistics", async () => {
    const m = machine();
    const out = new Collector();
    const p = m.spawn({ argv: ["ping", "127.0.0.1"], stdout: out, stderr: DISCARD });
    await m.sched.runUntil(m.sched.sleep(2500));
    m.kernel.signal(p, 2);
    expect(await m.sched.runUntil(p.exited)).toBe(0);
    expect(out.text()).toMatch(/seq=2 .*\n\n--- 127\.0\.0\.1 ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss\n/);
  });

  it("ip and ifconfig show the loopback as BusyBox does", async () => {
    const m = machine();
    expect((await m.run(["ip", "addr"])).stdout).toBe("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n");
    expect(await m.run(["ip", "addr", "show", "nosuch"])).toEqual({ exit: 1, stdout: "", stderr: "ip: can't find device 'nosuch'\n" });
    expect((await m.run(["ifconfig", "lo"])).stdout.split("\n").slice(0, 3)).toEqual(["lo        Link encap:Local Loopback  ", "          inet addr:127.0.0.1  Mask:255.0.0.0", "          UP LOOPBACK RUNNING  MTU:65536  Metric:1"]);
    expect(await m.run(["ifconfig", "nosuch"])).toEqual({ exit: 1, stdout: "", stderr: "ifconfig: nosuch: error fetching interface information: Device not found\n" });
  });
});

describe("DNS messages and URLs", () => {
  it("encodes and decodes a query and an answer", () => {
    const q = encodeDns({ id: 7, response: false, rd: true, ra: false, aa: false, rcode: 0, qname: "web.appnet", qtype: TYPE_A, answers: [] });
    expect(decodeDns(q)).toMatchObject({ id: 7, response: false, qname: "web.appnet", qtype: TYPE_A, answers: [] });
    const a = encodeDns({ id: 7, response: true, rd: true, ra: true, aa: false, rcode: 0, qname: "web", qtype: TYPE_A, answers: [{ name: "web", type: TYPE_A, ttl: 600, data: "10.0.0.2" }] });
    expect(decodeDns(a)?.answers).toEqual([{ name: "web", type: TYPE_A, ttl: 600, data: "10.0.0.2" }]);
    expect(decodeDns(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it("splits URLs the way wget reads them", () => {
    expect(parseUrl("http://site:81/a?b")).toEqual({ host: "site", hostPort: "site:81", port: 81, path: "/a?b" });
    expect(parseUrl("notaurl")).toEqual({ host: "notaurl", hostPort: "notaurl", port: 80, path: "/" });
  });
});
