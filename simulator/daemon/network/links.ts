/**
 * Legacy links (--link name[:alias]), deprecated but still honoured: on the default bridge the
 * linking container gets an /etc/hosts line and <ALIAS>_* environment variables for each running
 * target; on user networks a link is only an extra DNS name (see dns.ts).
 */
import type { Container } from "../container/container";
import type { Daemon } from "../daemon";
import { invalidParameter, systemError } from "../errdefs";
import { isUserNetwork, modeOf } from "./endpoints";

export interface Link {
  name: string;
  alias: string;
  target: Container;
}

/** Parse "name[:alias]" (opts.ParseLink). */
export function parseLink(spec: string): { name: string; alias: string } {
  const [name, alias] = spec.split(":");
  const n = name.replace(/^\//, "");
  return { name: n, alias: (alias ?? n).replace(/^\//, "") };
}

/** The containers the links name; a missing one is an error (registerLinks). */
export function resolveLinks(d: Daemon, c: Container): Link[] {
  return (c.hostConfig.Links ?? []).map((spec) => {
    const { name, alias } = parseLink(spec);
    const target = d.findContainer(name);
    if (!target) throw invalidParameter(`could not get container for ${name}: No such container: ${name}`);
    return { name, alias, target };
  });
}

/** Check the links at start: every target of a legacy link must be running. */
export function linkTargets(d: Daemon, c: Container): Link[] {
  const links = resolveLinks(d, c);
  if (isUserNetwork(modeOf(c))) return links;
  for (const l of links) {
    if (!l.target.state.Running) throw systemError(`Cannot link to a non running container: /${l.target.name} AS /${c.name}/${l.alias}`);
  }
  return links;
}

const bridgeIp = (t: Container) => t.networks.bridge?.IPAddress ?? "";

/** /etc/hosts lines for legacy links: "<ip>\t<alias> <hostname> [<name>]". */
export function linkHostsLines(d: Daemon, c: Container): string[] {
  if (isUserNetwork(modeOf(c))) return [];
  const out: string[] = [];
  for (const l of safeLinks(d, c)) {
    if (!bridgeIp(l.target)) continue;
    let names = `${l.alias} ${l.target.config.Hostname}`;
    if (l.alias !== l.target.name) names += ` ${l.target.name}`;
    out.push(`${bridgeIp(l.target)}\t${names}`);
  }
  return out;
}

function safeLinks(d: Daemon, c: Container): Link[] {
  try {
    return resolveLinks(d, c);
  } catch {
    return [];
  }
}

/** The environment a legacy link adds (links.Link.ToEnv), before the container's own variables. */
export function linkEnv(d: Daemon, c: Container): string[] {
  if (isUserNetwork(modeOf(c))) return [];
  const env: string[] = [];
  for (const l of safeLinks(d, c)) {
    const ip = bridgeIp(l.target);
    if (!ip) continue;
    const alias = l.alias.toUpperCase().replace(/-/g, "_");
    const ports = Object.keys(l.target.config.ExposedPorts ?? {})
      .map((k) => ({ port: Number(k.split("/")[0]), proto: k.split("/")[1] ?? "tcp" }))
      .sort((a, b) => a.port - b.port || (a.proto === "tcp" ? -1 : b.proto === "tcp" ? 1 : 0));
    if (ports.length) env.push(`${alias}_PORT=${ports[0].proto}://${ip}:${ports[0].port}`);
    for (const p of ports) {
      const P = p.proto.toUpperCase();
      env.push(`${alias}_PORT_${p.port}_${P}=${p.proto}://${ip}:${p.port}`, `${alias}_PORT_${p.port}_${P}_ADDR=${ip}`, `${alias}_PORT_${p.port}_${P}_PORT=${p.port}`, `${alias}_PORT_${p.port}_${P}_PROTO=${p.proto}`);
    }
    env.push(`${alias}_NAME=/${c.name}/${l.alias}`);
    for (const v of l.target.config.Env ?? []) {
      const i = v.indexOf("=");
      if (i < 0 || ["HOME", "PATH"].includes(v.slice(0, i))) continue;
      env.push(`${alias}_ENV_${v.slice(0, i)}=${v.slice(i + 1)}`);
    }
  }
  return env;
}

const LINK_HOSTS = new WeakMap<Container, string[]>();

/** Work out the link lines for /etc/hosts at start (the hosts file is written right after). */
export function stashLinkHosts(d: Daemon, c: Container): void {
  LINK_HOSTS.set(c, linkHostsLines(d, c));
}

export function stashedLinkHosts(c: Container): string[] {
  return LINK_HOSTS.get(c) ?? [];
}
