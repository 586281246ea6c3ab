/**
 * The embedded DNS server Docker runs for containers on user-defined networks, at 127.0.0.11:53
 * inside each container's namespace. It answers, for every network the asking container shares
 * with a running container, that container's name, --network-alias names, short ID and hostname
 * (libnetwork's DNSNames), also as "<name>.<network>", plus the asker's own --link aliases.
 * Anything else goes to the host's resolvers, which the simulated world cannot reach: no reply.
 */
import { decodeDns, encodeDns, RCODE, TYPE_A, TYPE_AAAA, TYPE_PTR, type DnsAnswer } from "../../runtime/applets/net-dns";
import type { NetNamespace } from "../../runtime/namespaces";
import type { Container } from "../container/container";
import type { Daemon } from "../daemon";
import { networkModel } from "./model";

export const EMBEDDED_DNS = "127.0.0.11";
const TTL = 600;

/** The names a container answers to on one network, in libnetwork's order. */
export function dnsNames(c: Container, network: string): string[] {
  const names = [c.name, ...(c.networks[network]?.Aliases ?? []), c.shortId, c.config.Hostname].filter(Boolean);
  return [...new Set(names)];
}

/** Links on a user network are aliases the linking container alone can resolve: alias -> target. */
function linkAliases(d: Daemon, c: Container): Map<string, Container> {
  const out = new Map<string, Container>();
  for (const l of c.hostConfig.Links ?? []) {
    const [target, alias] = l.split(":");
    const t = d.findContainer(target.replace(/^\//, ""));
    if (t) out.set((alias ?? target).replace(/^.*\//, "").toLowerCase(), t);
  }
  return out;
}

/** Addresses a name resolves to for `asker` (empty when the embedded server does not know it). */
export function lookup(d: Daemon, asker: Container, name: string): string[] {
  const want = name.toLowerCase().replace(/\.$/, "");
  const ips: string[] = [];
  const links = linkAliases(d, asker);
  for (const [net, ep] of Object.entries(asker.networks)) {
    if (net === "bridge" || !ep.IPAddress) continue;
    const suffix = "." + net.toLowerCase();
    const bare = want.endsWith(suffix) ? want.slice(0, -suffix.length) : want;
    for (const o of d.containers.values()) {
      const oep = o.networks[net];
      if (!o.state.Running || !oep?.IPAddress) continue;
      const linked = links.get(bare) === o || links.get(want) === o;
      if (linked || dnsNames(o, net).some((n) => n.toLowerCase() === want || n.toLowerCase() === bare)) ips.push(oep.IPAddress);
    }
  }
  return [...new Set(ips)];
}

/** The "<name>.<network>" a container address maps back to (PTR), if any. */
function reverse(d: Daemon, asker: Container, qname: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/i.exec(qname);
  if (!m) return null;
  const ip = [m[4], m[3], m[2], m[1]].join(".");
  for (const net of Object.keys(asker.networks)) {
    if (net === "bridge") continue;
    for (const o of d.containers.values()) if (o.state.Running && o.networks[net]?.IPAddress === ip) return `${o.name}.${net}`;
  }
  return null;
}

/** Start answering at 127.0.0.11:53 in the container's namespace. */
export function serveEmbeddedDns(d: Daemon, c: Container, ns: NetNamespace): { close(): void } {
  return networkModel(d).stack.bindUdp(
    ns,
    EMBEDDED_DNS,
    53,
    async (data) => {
      const q = decodeDns(data);
      if (!q || q.response) return null;
      const reply = (rcode: number, answers: DnsAnswer[]) => encodeDns({ ...q, response: true, ra: true, aa: false, rcode, answers });
      if (q.qtype === TYPE_PTR) {
        const name = reverse(d, c, q.qname);
        return name ? reply(RCODE.NOERROR, [{ name: q.qname, type: TYPE_PTR, ttl: TTL, data: name }]) : null;
      }
      const ips = lookup(d, c, q.qname);
      if (ips.length === 0) return null;
      if (q.qtype === TYPE_A) return reply(RCODE.NOERROR, ips.map((ip) => ({ name: q.qname, type: TYPE_A, ttl: TTL, data: ip })));
      if (q.qtype === TYPE_AAAA) return reply(RCODE.NOERROR, []);
      return reply(RCODE.NOERROR, []);
    },
    null,
  );
}
