/**
 * HTTP/1.x on the simulated network stack, for the servers the image models run (nginx, node's
 * http module): reading one request (request line, headers, a Content-Length body) from a
 * connection, and the pieces of a response.
 */
import type { Readable } from "../../runtime/streams";
import { concat, text, utf8 } from "../../util/bytes";

export interface HttpRequest {
  method: string;
  /** The request target as sent ("/index.html?x=1"). */
  target: string;
  /** "HTTP/1.1", "HTTP/1.0", or "" for an HTTP/0.9 request line. */
  version: string;
  /** Header lines in order, names as sent. */
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** The request line as received (for access logs). */
  line: string;
}

export const REASONS: Record<number, string> = {
  200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 400: "Bad Request",
  401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Not Allowed", 408: "Request Time-out", 413: "Request Entity Too Large",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out",
};

export function header(req: HttpRequest, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** Read bytes until "\r\n\r\n" (or "\n\n"); null at end of stream before any byte. */
async function readHead(src: Readable, limit: number): Promise<{ head: string; rest: Uint8Array } | null> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const c = await src.read();
    if (!c) {
      if (n === 0) return null;
      return { head: text(concat(parts)), rest: new Uint8Array(0) };
    }
    parts.push(c);
    n += c.length;
    const all = concat(parts);
    const s = text(all);
    const i = s.search(/\r?\n\r?\n/);
    // an HTTP/0.9 or one-line request ends at its first line
    const firstLine = s.indexOf("\n");
    if (i >= 0 || (firstLine >= 0 && !/HTTP\/\d/.test(s.slice(0, firstLine)))) {
      const end = i >= 0 ? i + (s.slice(i).match(/^\r?\n\r?\n/)![0].length) : firstLine + 1;
      const headBytes = utf8(s.slice(0, end)).length;
      return { head: s.slice(0, end), rest: all.subarray(headBytes) };
    }
    if (n > limit) return { head: s, rest: new Uint8Array(0) };
  }
}

/** One request from a connection; null when the peer closed without sending one. "bad" for a malformed request line. */
export async function readRequest(src: Readable, limit = 64 * 1024): Promise<HttpRequest | "bad" | null> {
  const h = await readHead(src, limit);
  if (!h) return null;
  const lines = h.head.split(/\r?\n/);
  const line = lines[0];
  const m = /^([A-Za-z]+) (\S+)(?: (HTTP\/\d\.\d))?$/.exec(line);
  if (!m) return "bad";
  const headers: Array<[string, string]> = [];
  for (const l of lines.slice(1)) {
    if (l === "") continue;
    const c = l.indexOf(":");
    if (c > 0) headers.push([l.slice(0, c).trim(), l.slice(c + 1).trim()]);
  }
  const req: HttpRequest = { method: m[1], target: m[2], version: m[3] ?? "", headers, body: new Uint8Array(0), line };
  const len = Number(header(req, "content-length") ?? "0");
  let body = h.rest;
  while (body.length < len) {
    const c = await src.read();
    if (!c) break;
    body = concat([body, c]);
  }
  if (body.length > len) {
    src.unshift(body.subarray(len));
    body = body.subarray(0, len);
  }
  req.body = body;
  return req;
}

/** Whether the connection stays open after this request (HTTP/1.1 unless "Connection: close"). */
export function keepAlive(req: HttpRequest): boolean {
  const c = (header(req, "connection") ?? "").toLowerCase();
  if (req.version === "HTTP/1.1") return c !== "close";
  return c === "keep-alive";
}

/** RFC 7231 date ("Mon, 01 Jan 2024 00:00:05 GMT"). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function responseHead(status: number, headers: Array<[string, string | number]>, reason = REASONS[status] ?? ""): string {
  return `HTTP/1.1 ${status} ${reason}\r\n` + headers.map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n";
}

/** Split "http://host:port/path" into its parts (port defaults to 80). */
export function parseHttpUrl(u: string): { host: string; port: number; path: string } | null {
  const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/i.exec(u);
  if (!m) return null;
  return { host: m[1], port: m[2] ? Number(m[2]) : 80, path: m[3] ?? "" };
}
