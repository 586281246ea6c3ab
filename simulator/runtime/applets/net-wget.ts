/**
 * wget: HTTP/1.1 GET over the simulated network with BusyBox's messages: "Connecting to ...",
 * the progress line, "bad address", "server returned error", redirects followed silently, and
 * -O/-q/-S/--spider/-P/-U/--header. (-T makes the reference binary crash; so it does here.)
 */
import { concat, utf8 } from "../../util/bytes";
import { Killed } from "../process";
import type { ProcessContext } from "../program";
import { SIGNALS } from "../signals";
import { readLine, type Writable } from "../streams";
import { getopt } from "./lib/sys-getopt";
import { connectOrDie, defineNetApplet, Fatal, ShowUsage } from "./net-applet";
import { resolveHost } from "./net-resolve";
import { NetError, type Socket } from "./net-socket";

interface Url {
  host: string;
  /** host[:port] as written in the URL. */
  hostPort: string;
  port: number;
  path: string;
}

export function parseUrl(url: string): Url {
  let rest = url;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  if (scheme) {
    if (!["http", "https", "ftp"].includes(scheme[1].toLowerCase())) throw new Fatal(`not an http or ftp url: ${url}`);
    rest = url.slice(scheme[0].length);
  }
  const slash = rest.search(/[/?#]/);
  const hostPort = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? "/" : rest.slice(slash);
  if (!path.startsWith("/")) path = "/" + path;
  const at = hostPort.lastIndexOf("@");
  const hp = at >= 0 ? hostPort.slice(at + 1) : hostPort;
  const colon = hp.lastIndexOf(":");
  const dflt = scheme?.[1].toLowerCase() === "https" ? 443 : scheme?.[1].toLowerCase() === "ftp" ? 21 : 80;
  const port = colon >= 0 ? Number(hp.slice(colon + 1)) : dflt;
  return { host: colon >= 0 ? hp.slice(0, colon) : hp, hostPort: hp, port: Number.isFinite(port) ? port : dflt, path };
}

function progressLine(name: string, bytes: number): string {
  const base = name === "-" ? "-" : name.slice(name.lastIndexOf("/") + 1);
  const size = bytes < 100000 ? String(bytes).padStart(5) : `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  return `${base.padEnd(20).slice(0, 20)} 100% |${"*".repeat(32)}| ${size}  0:00:00 ETA\n`;
}

interface Response {
  status: string;
  code: number;
  headers: Map<string, string>;
  rawHeaders: string[];
  sock: Socket;
}

async function request(ctx: ProcessContext, u: Url, headers: string[], quiet: boolean): Promise<Response> {
  const ip = await resolveHost(ctx, u.host);
  if (!ip) throw new Fatal(`bad address '${u.host}'`);
  if (!quiet) await ctx.stderr.write(`Connecting to ${u.hostPort} (${ip}:${u.port})\n`);
  const sock = await connectOrDie(ctx, ip, u.port);
  const req = [`GET ${u.path} HTTP/1.1`, `Host: ${u.hostPort}`, ...headers, "Connection: close", "", ""].join("\r\n");
  try {
    await ctx.proc.guard(sock.output.write(req));
  } catch {
    /* the server hung up; reading the response says how */
  }
  const line = async () => {
    try {
      return await ctx.proc.guard(readLine(sock.input));
    } catch (e) {
      if (e instanceof NetError) throw new Fatal(`error getting response: ${e.message}`);
      throw e;
    }
  };
  const status = await line();
  if (status === null) throw new Fatal("error getting response");
  const m = /^HTTP\/\d\.\d (\d{3})/.exec(status);
  if (!m) throw new Fatal(`server returned error: ${status.replace(/\r$/, "")}`);
  const map = new Map<string, string>();
  const raw = [status.replace(/\r$/, "")];
  for (;;) {
    const h = await line();
    if (h === null) break;
    const t = h.replace(/\r$/, "");
    raw.push(t);
    if (t === "") break;
    const i = t.indexOf(":");
    if (i > 0) map.set(t.slice(0, i).trim().toLowerCase(), t.slice(i + 1).trim());
  }
  return { status: raw[0], code: Number(m[1]), headers: map, rawHeaders: raw, sock };
}

async function body(ctx: ProcessContext, r: Response, out: Writable): Promise<number> {
  const len = r.headers.has("content-length") ? Number(r.headers.get("content-length")) : Infinity;
  let n = 0;
  while (n < len) {
    let d: Uint8Array | null;
    try {
      d = await ctx.proc.guard(r.sock.input.read());
    } catch (e) {
      if (e instanceof NetError) throw new Fatal(`error getting response: ${e.message}`);
      throw e;
    }
    if (!d) break;
    const part = n + d.length > len ? d.subarray(0, len - n) : d;
    n += part.length;
    await out.write(part);
    await ctx.tick();
  }
  return n;
}

defineNetApplet("wget", async (ctx) => {
  const o = getopt(ctx.argv.slice(1), "cqSO:o:P:U:Y:T:t:n", [
    { name: "spider", key: "spider" },
    { name: "header", key: "header", arg: true },
    { name: "post-data", key: "post-data", arg: true },
    { name: "post-file", key: "post-file", arg: true },
    { name: "no-check-certificate", key: "ncc" },
    { name: "quiet", key: "q" },
    { name: "output-document", key: "O", arg: true },
    { name: "user-agent", key: "U", arg: true },
    { name: "timeout", key: "T", arg: true },
  ]);
  // the reference binary dies of SIGSEGV as soon as a timeout is given (Debian 1.35.0)
  if (o.has("T")) throw new Killed(SIGNALS.SEGV);
  if (o.operands.length === 0) throw new ShowUsage();
  const quiet = o.has("q");
  const headers = [`User-Agent: ${o.get("U") ?? "Wget"}`, ...o.all("header")];
  let status = 0;
  for (const url of o.operands) {
    let u = parseUrl(url);
    let r = await request(ctx, u, headers, quiet);
    for (let hops = 0; hops < 20 && [301, 302, 303, 307, 308].includes(r.code) && r.headers.has("location"); hops++) {
      r.sock.close();
      const loc = r.headers.get("location")!;
      u = loc.includes("://") ? parseUrl(loc) : { ...u, path: loc.startsWith("/") ? loc : u.path.replace(/[^/]*$/, "") + loc };
      r = await request(ctx, u, headers, true);
    }
    if (o.has("S")) await ctx.stderr.write(r.rawHeaders.map((h) => `  ${h}\n`).join(""));
    if (r.code < 200 || r.code > 299) {
      r.sock.close();
      throw new Fatal(`server returned error: ${r.status}`);
    }
    if (o.has("spider")) {
      r.sock.close();
      if (!quiet) await ctx.stderr.write("remote file exists\n");
      continue;
    }
    const first = parseUrl(url);
    const named = first.path.split("?")[0].replace(/.*\//, "") || "index.html";
    const target = o.get("O") ?? (o.has("P") ? `${o.get("P")}/${named}` : named);
    const toStdout = target === "-";
    let out: Writable;
    const chunks: Uint8Array[] = [];
    if (toStdout) out = ctx.stdout;
    else {
      try {
        ctx.fs.writeFile(target, new Uint8Array(0), { exclusive: !o.has("O") });
      } catch (e) {
        throw new Fatal(`can't open '${target}': ${e instanceof Error ? e.message : String(e)}`);
      }
      out = { write: async (d) => void chunks.push(typeof d === "string" ? utf8(d) : d), close() {}, dup: () => out };
    }
    if (!quiet) await ctx.stderr.write(toStdout ? "writing to stdout\n" : `saving to '${target}'\n`);
    const n = await body(ctx, r, out);
    r.sock.close();
    if (!toStdout) ctx.fs.writeFile(target, concat(chunks));
    if (!quiet) await ctx.stderr.write(progressLine(target, n) + (toStdout ? "written to stdout\n" : `'${target}' saved\n`));
    status = 0;
  }
  return status;
});
