/**
 * The networks view's model: the host (its interfaces and the ports it publishes), every network
 * with its bridge, subnet and gateway, and the containers attached to it with their addresses and
 * the names the embedded DNS server answers for them (user-defined networks only: the default
 * bridge has no DNS, only legacy links).
 */
import type { Container } from "../daemon/container/container";
import type { Daemon } from "../daemon/daemon";
import { dnsNames } from "../daemon/network/dns";
import { isUserNetwork, modeOf } from "../daemon/network/endpoints";
import { networkModel } from "../daemon/network/model";
import type { Network } from "../daemon/network/store";

export interface Attachment {
  container: string;
  shortId: string;
  running: boolean;
  /** "" while the container is not running (addresses are given at start, back at stop). */
  ip: string;
  mac: string;
  /** --network-alias names. */
  aliases: string[];
  /** Names other containers on this network can resolve to it (empty on the default bridge). */
  dnsNames: string[];
}

export interface NetworkCard {
  id: string;
  shortId: string;
  name: string;
  driver: Network["Driver"];
  /** The host's interface for a bridge network: "docker0", "br-<id>". */
  bridge: string | null;
  subnet: string | null;
  gateway: string | null;
  internal: boolean;
  builtin: boolean;
  /** Whether containers here get Docker's embedded DNS server (127.0.0.11). */
  dns: boolean;
  attachments: Attachment[];
}

export interface PublishedPort {
  hostIp: string;
  hostPort: string;
  container: string;
  containerPort: string;
  proto: string;
}

export interface NetworksModel {
  host: {
    hostname: string;
    interfaces: Array<{ name: string; addr: string }>;
    published: PublishedPort[];
  };
  networks: NetworkCard[];
  /** Containers that share another's network namespace (--network container:<name>). */
  shared: Array<{ container: string; with: string }>;
}

function attachment(c: Container, network: Network): Attachment {
  const ep = c.networks[network.Name];
  const user = isUserNetwork(network.Name);
  return {
    container: c.name,
    shortId: c.shortId,
    running: c.state.Running,
    ip: ep?.IPAddress ?? "",
    mac: ep?.MacAddress ?? "",
    aliases: ep?.Aliases ?? [],
    dnsNames: user && network.Driver === "bridge" ? dnsNames(c, network.Name) : [],
  };
}

/** User-defined networks first (by name), then the default bridge, host and none. */
const ORDER: Record<string, number> = { bridge: 1, host: 2, none: 3 };

export function networksView(d: Daemon): NetworksModel {
  const containers = [...d.containers.values()].sort((a, b) => a.created - b.created);
  const networks = [...d.networks.networks.values()].sort((a, b) => (ORDER[a.Name] ?? 0) - (ORDER[b.Name] ?? 0) || a.Name.localeCompare(b.Name));
  const cards: NetworkCard[] = networks.map((n) => ({
    id: n.Id,
    shortId: n.Id.slice(0, 12),
    name: n.Name,
    driver: n.Driver,
    bridge: n.Driver === "bridge" ? (n.Name === "bridge" ? "docker0" : `br-${n.Id.slice(0, 12)}`) : null,
    subnet: n.subnet?.cidr ?? null,
    gateway: n.subnet?.gateway ?? null,
    internal: n.Internal,
    builtin: n.builtin,
    dns: n.Driver === "bridge" && isUserNetwork(n.Name),
    attachments: containers
      .filter((c) => {
        const ep = c.networks[n.Name];
        return ep !== undefined && (ep.NetworkID === "" || ep.NetworkID === n.Id);
      })
      .map((c) => attachment(c, n)),
  }));
  const published: PublishedPort[] = [];
  for (const c of containers) {
    for (const [key, bindings] of Object.entries(c.hostPorts)) {
      const [containerPort, proto = "tcp"] = key.split("/");
      for (const b of bindings) published.push({ hostIp: b.HostIp || "0.0.0.0", hostPort: b.HostPort, container: c.name, containerPort, proto });
    }
  }
  published.sort((a, b) => Number(a.hostPort) - Number(b.hostPort) || a.proto.localeCompare(b.proto));
  const shared = containers.filter((c) => modeOf(c).startsWith("container:")).map((c) => {
    const ref = modeOf(c).slice("container:".length);
    let other: Container | null = null;
    try {
      other = d.findContainer(ref);
    } catch {
      /* an ambiguous prefix: show it as given */
    }
    return { container: c.name, with: other?.name ?? ref };
  });
  const interfaces = networkModel(d)
    .hostNs.interfaces()
    .map((i) => ({ name: i.name, addr: i.addr ?? "" }));
  return { host: { hostname: d.machine.hostNs.uts.hostname, interfaces, published }, networks: cards, shared };
}
