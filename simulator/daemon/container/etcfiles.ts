/** The /etc/hosts and /etc/resolv.conf Docker writes for each container (libnetwork's etchosts/resolvconf). */
import { utf8 } from "../../util/bytes";
import { stashedLinkHosts } from "../network/links";
import type { Container } from "./container";

/** The host's own resolver configuration, which containers on the default bridge inherit. */
export const HOST_RESOLV_CONF = "nameserver 10.0.2.3\n";

export function hostsFile(c: Container): string {
  let s = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";
  for (const h of c.hostConfig.ExtraHosts ?? []) {
    const i = h.indexOf(":");
    s += `${h.slice(i + 1)}\t${h.slice(0, i)}\n`;
  }
  for (const line of stashedLinkHosts(c)) s += line + "\n";
  const ep = Object.values(c.networks).find((e) => e.IPAddress);
  if (ep) s += `${ep.IPAddress}\t${c.config.Hostname}${c.config.Domainname ? "." + c.config.Domainname : ""}\n`;
  return s;
}

export function resolvConf(c: Container, userDefined: boolean): string {
  if (userDefined) return "nameserver 127.0.0.11\noptions ndots:0\n";
  if (c.hostConfig.Dns.length) return c.hostConfig.Dns.map((d) => `nameserver ${d}`).join("\n") + "\n";
  return HOST_RESOLV_CONF;
}

export function writeEtcFiles(c: Container, userDefined: boolean, now: number): void {
  const e = c.etcFiles!;
  e.hosts.data = utf8(hostsFile(c));
  e.hosts.mtime = now;
  e.resolv.data = utf8(resolvConf(c, userDefined));
  e.resolv.mtime = now;
}
