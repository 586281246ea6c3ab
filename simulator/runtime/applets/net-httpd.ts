/**
 * httpd: BusyBox's web server. Serves files under -h HOME (default "."), index.html for
 * directories ("302 Found" to add the slash), and its own error pages (404, 400, 501, 403).
 * Without -f it goes to the background, as the real one daemonizes.
 */
import { utf8 } from "../../util/bytes";
import type { ProcessContext } from "../program";
import { emptyInput, DISCARD, readLine } from "../streams";
import { getopt } from "./lib/sys-getopt";
import { defineNetApplet, Fatal, netOf, ShowUsage, xatou } from "./net-applet";
import { NetError, type Socket } from "./net-socket";
import type { Listener } from "./net-stack";

const REASONS: Record<number, [string, string | null]> = {
  200: ["OK", null],
  302: ["Found", null],
  400: ["Bad Request", "Unsupported method"],
  403: ["Forbidden", ""],
  404: ["Not Found", "The requested URL was not found"],
  501: ["Not Implemented", "The requested method is not recognized"],
};

const MIME: Array<[string[], string]> = [
  [[".txt", ".h", ".c", ".cc", ".cpp"], "text/plain"],
  [[".htm", ".html"], "text/html"],
  [[".jpg", ".jpeg"], "image/jpeg"],
  [[".gif"], "image/gif"],
  [[".png"], "image/png"],
  [[".svg"], "image/svg+xml"],
  [[".css"], "text/css"],
  [[".js"], "application/javascript"],
  [[".wav"], "audio/wav"],
  [[".mp3"], "audio/mpeg"],
];

export function mimeOf(path: string): string | null {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || path.indexOf("/", dot) >= 0) return null;
  const suffix = path.slice(dot).toLowerCase();
  return MIME.find(([exts]) => exts.includes(suffix))?.[1] ?? null;
}

/** RFC 1123 date as strftime("%a, %d %b %Y %H:%M:%S GMT"). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

function head(code: number, now: number, extra: string[]): string {
  const [reason] = REASONS[code];
  return [`HTTP/1.1 ${code} ${reason}`, `Date: ${httpDate(now)}`, "Connection: close", ...extra, "", ""].join("\r\n");
}

function errorPage(code: number, now: number, extra: string[] = []): string {
  const [reason, info] = REASONS[code];
  let s = head(code, now, ["Content-type: text/html", ...extra]);
  if (info !== null) s += `<HTML><HEAD><TITLE>${code} ${reason}</TITLE></HEAD>\n<BODY><H1>${code} ${reason}</H1>\n${info}\n</BODY></HTML>\n`;
  return s;
}

function decodeUrl(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

/** The response to one request line for files under `home`. */
async function respond(ctx: ProcessContext, home: string, line: string): Promise<Uint8Array | string> {
  const now = ctx.now();
  const m = /^(\S+)\s+(\S+)(?:\s+HTTP\/\d\.\d)?\s*$/.exec(line);
  if (!m) return errorPage(400, now);
  const method = m[1].toUpperCase();
  if (method !== "GET" && method !== "HEAD") return errorPage(method === "POST" ? 501 : 400, now);
  const raw = m[2].split("?")[0];
  const query = m[2].includes("?") ? m[2].slice(m[2].indexOf("?")) : "";
  const url = raw.startsWith("/") ? decodeUrl(raw) : null;
  if (url === null || url.split("/").includes("..")) return errorPage(400, now);
  const fsPath = (home.replace(/\/+$/, "") || "") + url;
  let st;
  try {
    st = ctx.fs.stat(fsPath);
  } catch {
    return errorPage(404, now);
  }
  let file = fsPath;
  if (st.type === "dir") {
    if (!url.endsWith("/")) return head(302, now, ["Content-type: text/html", `Location: ${url}/${query}`]);
    file = fsPath + "index.html";
    try {
      st = ctx.fs.stat(file);
    } catch {
      return errorPage(404, now);
    }
  }
  let data: Uint8Array;
  try {
    data = ctx.fs.readFile(file);
  } catch {
    return errorPage(403, now);
  }
  const mime = mimeOf(file);
  const mtime = Math.floor(st.mtime / 1000);
  const h = head(200, now, [
    ...(mime ? [`Content-type: ${mime}`] : []),
    "Accept-Ranges: bytes",
    `Last-Modified: ${httpDate(st.mtime)}`,
    `ETag: "${mtime.toString(16)}-${data.length.toString(16)}"`,
    `Content-Length: ${data.length}`,
  ]);
  const out = new Uint8Array(utf8(h).length + data.length);
  out.set(utf8(h));
  out.set(data, utf8(h).length);
  return out;
}

async function serve(ctx: ProcessContext, home: string, sock: Socket): Promise<void> {
  try {
    const line = await ctx.proc.guard(readLine(sock.input));
    if (line === null) return;
    for (;;) {
      const h = await ctx.proc.guard(readLine(sock.input));
      if (h === null || h.replace(/\r$/, "") === "") break;
    }
    await ctx.proc.guard(sock.output.write(await respond(ctx, home, line.replace(/\r$/, ""))));
  } catch (e) {
    if (!(e instanceof NetError) && !(e instanceof Error && e.name === "BrokenPipe")) throw e;
  } finally {
    sock.close();
  }
}

async function loop(ctx: ProcessContext, l: Listener, home: string): Promise<number> {
  for (;;) {
    const s = await ctx.proc.guard(l.accept());
    if (!s) return 0;
    void serve(ctx, home, s).catch(() => {});
    await ctx.tick();
  }
}

defineNetApplet("httpd", async (ctx) => {
  const o = getopt(ctx.argv.slice(1), "ifvc:p:u:r:h:m:e:d:");
  if (o.operands.length) throw new ShowUsage();
  if (o.has("e")) {
    await ctx.stdout.write(o.get("e")!.replace(/[^A-Za-z0-9]/g, (c) => `&#${c.charCodeAt(0)};`) + "\n");
    return 0;
  }
  if (o.has("d")) {
    await ctx.stdout.write((decodeUrl(o.get("d")!) ?? o.get("d")!) + "\n");
    return 0;
  }
  const spec = o.get("p") ?? "80";
  const colon = spec.lastIndexOf(":");
  const ip = colon >= 0 ? spec.slice(0, colon) : "0.0.0.0";
  const port = xatou(colon >= 0 ? spec.slice(colon + 1) : spec, 65535);
  let home: string;
  try {
    home = ctx.fs.realpath(o.get("h") ?? ".");
    ctx.fs.stat(home);
  } catch {
    throw new Fatal(`can't change directory to '${o.get("h") ?? "."}': No such file or directory`);
  }
  const { stack, ns } = netOf(ctx);
  if (port < 1024 && ns.kind === "host" && !ctx.proc.cred.caps.has("NET_BIND_SERVICE")) throw new Fatal("bind: Permission denied");
  if (o.has("f")) {
    let l: Listener;
    try {
      l = stack.listen(ns, ip, port, ctx.proc);
    } catch (e) {
      if (e instanceof NetError) throw new Fatal(`bind: ${e.message}`);
      throw e;
    }
    return loop(ctx, l, home);
  }
  // daemonize: bind first (errors show), then serve from a child with its output on /dev/null
  let l: Listener;
  try {
    l = stack.listen(ns, ip, port, null);
  } catch (e) {
    if (e instanceof NetError) throw new Fatal(`bind: ${e.message}`);
    throw e;
  }
  const child = ctx.spawn({ argv: ctx.argv, program: (cctx) => loop(cctx, l, home), stdin: emptyInput(), stdout: DISCARD, stderr: DISCARD });
  void child.exited.then(() => l.close());
  return 0;
});
