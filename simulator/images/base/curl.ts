/**
 * curl (8.14, as the nginx image installs it), for HTTP over the simulated network:
 * `curl [-sSfiILv] [-o file|-O] [-X method] [-d data] [-H header] [-A agent] [-w fmt] URL`.
 * Responses are read by Content-Length, chunked encoding or connection close; redirects are
 * followed with -L. Errors use curl's numbers and texts ((6) resolve, (7) connect, (22) -f,
 * (28) timeout, (52) empty reply, (56) reset). Without -s, and with its output not on a
 * terminal, curl draws its progress meter on standard error; the model draws the meter's start
 * and end lines. No TLS: an https URL fails its handshake as a plain-HTTP server would make it.
 */
import type { Program } from "../../runtime/program";
import { netStack } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { resolveHost } from "../../runtime/applets/net-resolve";
import { concat, text, utf8 } from "../../util/bytes";

const VERSION = "8.14.1";

class CurlError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

function parseUrl(u: string): Url | null {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(u);
  if (!m) return null;
  const scheme = (m[1] ?? "http").toLowerCase();
  return { scheme, host: m[2], port: m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80, path: m[4] || "/" };
}

function size(n: number): string {
  if (n < 100_000) return String(n);
  if (n < 10 * 1024 * 1024) return Math.round(n / 1024) + "k";
  return Math.round(n / 1024 / 1024) + "M";
}

function meterLine(total: number, got: number, speed: number): string {
  const pct = total > 0 ? Math.floor((got * 100) / total) : got > 0 ? 100 : 0;
  return `${String(pct).padStart(3)} ${size(total).padStart(5)} ${String(pct).padStart(4)} ${size(got).padStart(5)}    0     0 ${size(speed).padStart(6)}      0 --:--:-- --:--:-- --:--:-- ${size(speed).padStart(5)}`;
}

/** Read one HTTP response: status line and headers, then the body as framed. */
async function readResponse(sock: Socket, head: boolean): Promise<{ status: number; rawHead: string; headers: Array<[string, string]>; body: Uint8Array }> {
  let buf: Uint8Array = new Uint8Array(0);
  const more = async () => {
    const c = await sock.input.read();
    if (!c) return false;
    buf = concat([buf, c]);
    return true;
  };
  let end = -1;
  for (;;) {
    const s = text(buf);
    end = s.indexOf("\r\n\r\n");
    if (end >= 0) break;
    if (!(await more())) {
      if (buf.length === 0) throw new CurlError(52, "Empty reply from server");
      throw new CurlError(56, "Recv failure: Connection reset by peer");
    }
  }
  const s = text(buf);
  const rawHead = s.slice(0, end + 4);
  const lines = s.slice(0, end).split("\r\n");
  const status = Number(lines[0].split(" ")[1]);
  const headers: Array<[string, string]> = lines.slice(1).map((l) => {
    const c = l.indexOf(":");
    return [l.slice(0, c).trim(), l.slice(c + 1).trim()];
  });
  let rest: Uint8Array = buf.subarray(utf8(rawHead).length);
  const get = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1];
  if (head || status === 204 || status === 304) return { status, rawHead, headers, body: new Uint8Array(0) };
  const len = get("content-length");
  if (len !== undefined) {
    while (rest.length < Number(len)) {
      const c = await sock.input.read();
      if (!c) break;
      rest = concat([rest, c]);
    }
    return { status, rawHead, headers, body: rest.subarray(0, Number(len)) };
  }
  if ((get("transfer-encoding") ?? "").toLowerCase() === "chunked") {
    const out: Uint8Array[] = [];
    for (;;) {
      let nl = rest.indexOf(10);
      while (nl < 0) {
        const c = await sock.input.read();
        if (!c) return { status, rawHead, headers, body: concat(out) };
        rest = concat([rest, c]);
        nl = rest.indexOf(10);
      }
      const n = parseInt(text(rest.subarray(0, nl)).trim(), 16);
      rest = rest.subarray(nl + 1);
      if (!n) break;
      while (rest.length < n + 2) {
        const c = await sock.input.read();
        if (!c) break;
        rest = concat([rest, c]);
      }
      out.push(rest.subarray(0, n));
      rest = rest.subarray(n + 2);
    }
    return { status, rawHead, headers, body: concat(out) };
  }
  for (;;) {
    const c = await sock.input.read();
    if (!c) break;
    rest = concat([rest, c]);
  }
  return { status, rawHead, headers, body: rest };
}

export const curlProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let silent = false;
  let showError = false;
  let fail = false;
  let include = false;
  let head = false;
  let follow = false;
  let verbose = false;
  let output: string | null = null;
  let remoteName = false;
  let method: string | null = null;
  let data: string | null = null;
  let writeOut: string | null = null;
  let maxTime = 0;
  const extra: string[] = [];
  let agent = `curl/${VERSION}`;
  let url: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--version" || a === "-V") {
      await ctx.stdout.write(`curl ${VERSION} (x86_64-pc-linux-gnu) libcurl/${VERSION} OpenSSL/3.5.1 zlib/1.3.1\nRelease-Date: 2025-06-04\nProtocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp ws wss\nFeatures: alt-svc AsynchDNS HSTS HTTPS-proxy IPv6 Largefile libz NTLM SSL threadsafe TLS-SRP UnixSockets\n`);
      return 0;
    }
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=") ? [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a.slice(2), null];
      const val = () => inline ?? args[++i] ?? "";
      switch (name) {
        case "silent": silent = true; break;
        case "show-error": showError = true; break;
        case "fail": fail = true; break;
        case "include": include = true; break;
        case "head": head = true; break;
        case "location": follow = true; break;
        case "verbose": verbose = true; break;
        case "output": output = val(); break;
        case "remote-name": remoteName = true; break;
        case "request": method = val(); break;
        case "data": case "data-raw": case "data-binary": data = val(); break;
        case "header": extra.push(val()); break;
        case "user-agent": agent = val(); break;
        case "write-out": writeOut = val(); break;
        case "max-time": maxTime = Number(val()); break;
        case "url": url = val(); break;
        default:
          await ctx.stderr.write(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
          return 2;
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const f = a[k];
        const val = () => (k + 1 < a.length ? a.slice(k + 1) : args[++i] ?? "");
        if (f === "s") silent = true;
        else if (f === "S") showError = true;
        else if (f === "f") fail = true;
        else if (f === "i") include = true;
        else if (f === "I") head = true;
        else if (f === "L") follow = true;
        else if (f === "v") verbose = true;
        else if (f === "O") remoteName = true;
        else if ("oXdHAwm".includes(f)) {
          const v = val();
          if (f === "o") output = v;
          else if (f === "X") method = v;
          else if (f === "d") data = v;
          else if (f === "H") extra.push(v);
          else if (f === "A") agent = v;
          else if (f === "w") writeOut = v;
          else maxTime = Number(v);
          break;
        } else {
          await ctx.stderr.write(`curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
          return 2;
        }
      }
      continue;
    }
    url = a;
  }
  if (!url) {
    await ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const verb = method ?? (head ? "HEAD" : data !== null ? "POST" : "GET");
  const meter = !silent && !verbose && !(output === null && !remoteName && ctx.stdout.isTTY);
  const started = ctx.now();
  try {
    let target = parseUrl(url);
    for (let hops = 0; ; hops++) {
      if (!target) throw new CurlError(3, `URL rejected: Bad hostname`);
      const ip = await resolveHost(ctx, target.host);
      if (!ip) throw new CurlError(6, `Could not resolve host: ${target.host}`);
      if (verbose) await ctx.stderr.write(`* Host ${target.host}:${target.port} was resolved.\n* IPv6: (none)\n* IPv4: ${ip}\n*   Trying ${ip}:${target.port}...\n`);
      let sock: Socket;
      try {
        sock = await ctx.proc.guard(netStack(ctx.kernel).connect(ctx.proc.ns.net, ip, target.port, { owner: ctx.proc, timeoutMs: maxTime ? maxTime * 1000 : undefined }));
      } catch (e) {
        if (!(e instanceof NetError)) throw e;
        const ms = ctx.now() - started;
        if (e.code === "ETIMEDOUT") throw new CurlError(28, `Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Timeout was reached`);
        throw new CurlError(7, `Failed to connect to ${target.host} port ${target.port} after ${ms} ms: Could not connect to server`);
      }
      if (verbose) await ctx.stderr.write(`* Connected to ${target.host} (${ip}) port ${target.port}\n* using HTTP/1.x\n`);
      const hostHeader = target.port === (target.scheme === "https" ? 443 : 80) ? target.host : `${target.host}:${target.port}`;
      const reqHeaders = [`Host: ${hostHeader}`, `User-Agent: ${agent}`, "Accept: */*", ...extra];
      if (data !== null) reqHeaders.push(`Content-Length: ${utf8(data).length}`, ...(extra.some((h) => /^content-type:/i.test(h)) ? [] : ["Content-Type: application/x-www-form-urlencoded"]));
      const req = `${verb} ${target.path} HTTP/1.1\r\n${reqHeaders.join("\r\n")}\r\n\r\n`;
      if (verbose) await ctx.stderr.write(req.split("\r\n").slice(0, -1).map((l) => `> ${l}\n`).join(""));
      if (target.scheme === "https") {
        sock.close();
        throw new CurlError(35, "TLS connect error: error:0A00010B:SSL routines::wrong version number");
      }
      await sock.output.write(concat([utf8(req), utf8(data ?? "")]));
      const r = await ctx.proc.guard(readResponse(sock, verb === "HEAD"));
      sock.close();
      if (verbose) await ctx.stderr.write(r.rawHead.split("\r\n").slice(0, -1).map((l) => `< ${l}\n`).join("") + `* Connection #0 to host ${target.host} left intact\n`);
      const location = r.headers.find(([k]) => k.toLowerCase() === "location")?.[1];
      if (follow && location && r.status >= 300 && r.status < 400 && hops < 50) {
        if (include || head) await ctx.stdout.write(r.rawHead);
        target = location.startsWith("/") ? { ...target, path: location } : parseUrl(location);
        continue;
      }
      if (fail && r.status >= 400) throw new CurlError(22, `The requested URL returned error: ${r.status}`);
      const out = concat([include || head ? utf8(r.rawHead) : new Uint8Array(0), r.body]);
      if (meter) {
        const speed = Math.round((r.body.length * 1000) / Math.max(1, ctx.now() - started));
        await ctx.stderr.write(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r${meterLine(0, 0, 0).replace(/^ {2}0/, "  0")}\r${meterLine(r.body.length, r.body.length, speed)}\n`);
      }
      const file = output ?? (remoteName ? target.path.split("/").pop() || "index.html" : null);
      if (file && file !== "-") ctx.fs.writeFile(file.startsWith("/") ? file : `${ctx.cwd}/${file}`, out);
      else await ctx.stdout.write(out);
      if (writeOut !== null) await ctx.stdout.write(writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{size_download\}/g, String(r.body.length)).replace(/\\n/g, "\n"));
      return 0;
    }
  } catch (e) {
    if (!(e instanceof CurlError)) throw e;
    if (!silent || showError) await ctx.stderr.write(`curl: (${e.code}) ${e.message}\n`);
    return e.code;
  }
};
