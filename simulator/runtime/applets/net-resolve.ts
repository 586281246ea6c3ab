/**
 * The C library's name lookup as the networking applets use it (getaddrinfo for IPv4): the
 * address itself, then /etc/hosts, then the nameservers of /etc/resolv.conf over UDP port 53,
 * with glibc's timing (5 s per try, 2 attempts per server; a refused server is skipped at once).
 */
import type { ProcessContext } from "../program";
import { text } from "../../util/bytes";
import { decodeDns, encodeDns, RCODE, TYPE_A } from "./net-dns";
import { isIPv4, NetError } from "./net-socket";
import { netStack } from "./net-stack";

export const RES_TIMEOUT_MS = 5000;
export const RES_ATTEMPTS = 2;

function readText(ctx: ProcessContext, path: string): string {
  try {
    return text(ctx.fs.readFile(path));
  } catch {
    return "";
  }
}

/** The IPv4 address /etc/hosts gives a name (the first matching line), if any. */
export function hostsLookup(hosts: string, name: string): string | null {
  const want = name.toLowerCase();
  for (const raw of hosts.split("\n")) {
    const f = raw.replace(/#.*/, "").trim().split(/\s+/);
    if (f.length < 2 || !isIPv4(f[0])) continue;
    if (f.slice(1).some((n) => n.toLowerCase() === want)) return f[0];
  }
  return null;
}

/** Nameserver addresses from resolv.conf text (127.0.0.1 when there are none). */
export function nameservers(resolv: string): string[] {
  const out: string[] = [];
  for (const line of resolv.split("\n")) {
    const f = line.trim().split(/\s+/);
    if (f[0] === "nameserver" && f[1] && isIPv4(f[1]) && out.length < 3) out.push(f[1]);
  }
  return out.length ? out : ["127.0.0.1"];
}

let queryId = 0x1234;

/** One A query to one server: the answers, "nx" for a name that does not exist, or null. */
export async function queryA(ctx: ProcessContext, server: string, name: string, timeoutMs: number): Promise<string[] | "nx" | "refused" | null> {
  const id = (queryId = (queryId * 1103515245 + 12345) & 0xffff);
  const q = encodeDns({ id, response: false, rd: true, ra: false, aa: false, rcode: 0, qname: name, qtype: TYPE_A, answers: [] });
  let reply: Uint8Array | null;
  try {
    reply = await ctx.proc.guard(netStack(ctx.kernel).udpRequest(ctx.proc.ns.net, server, 53, q, timeoutMs));
  } catch (e) {
    if (e instanceof NetError) return "refused";
    throw e;
  }
  const m = reply ? decodeDns(reply) : null;
  if (!m || m.id !== id) return null;
  if (m.rcode === RCODE.NXDOMAIN) return "nx";
  if (m.rcode !== RCODE.NOERROR) return null;
  return m.answers.filter((a) => a.type === TYPE_A).map((a) => a.data);
}

/** getaddrinfo(name) for IPv4: an address, or null when the name cannot be resolved. */
export async function resolveHost(ctx: ProcessContext, name: string): Promise<string | null> {
  if (isIPv4(name)) return name;
  if (name === "" || name.length > 253) return null;
  const fromHosts = hostsLookup(readText(ctx, "/etc/hosts"), name);
  if (fromHosts) return fromHosts;
  const servers = nameservers(readText(ctx, "/etc/resolv.conf"));
  for (let attempt = 0; attempt < RES_ATTEMPTS; attempt++) {
    let anyAlive = false;
    for (const s of servers) {
      const r = await queryA(ctx, s, name, RES_TIMEOUT_MS);
      if (r === "nx") return null;
      if (r === "refused") continue;
      anyAlive = true;
      if (r && r.length) return r[0];
      if (r) return null;
    }
    if (!anyAlive) return null;
  }
  return null;
}
