/**
 * The engine's side of the network: the host's interfaces (eth0, docker0, one br-<id> per user
 * bridge), the machine's network stack told about them, and published ports handed to the
 * container behind them (what docker-proxy does). Containers' own namespaces are in sandbox.ts.
 */
import type { NetInterface, NetNamespace } from "../../runtime/namespaces";
import { type NetStack, netStack } from "../../runtime/applets/net-stack";
import { portOwner } from "../container/ports";
import type { Daemon } from "../daemon";

/** The host's own uplink, as on a virtual machine with user-mode networking. */
export const HOST_ETH0 = { addr: "10.0.2.15/24", mac: "52:54:00:12:34:56" };

export class NetworkModel {
  readonly stack: NetStack;
  readonly hostNs: NetNamespace;

  constructor(private readonly d: Daemon) {
    this.stack = netStack(d.kernel);
    this.hostNs = { id: 0, kind: "host", interfaces: () => this.hostInterfaces() };
    d.machine.hostNs.net = this.hostNs;
    this.stack.host = this.hostNs;
    this.stack.forwarder = (proto, ip, port) => this.published(proto, ip, port);
  }

  private hostInterfaces(): NetInterface[] {
    const list: NetInterface[] = [
      { name: "lo", index: 1, mac: "00:00:00:00:00:00", addr: "127.0.0.1/8", mtu: 65536, up: true },
      { name: "eth0", index: 2, mac: HOST_ETH0.mac, addr: HOST_ETH0.addr, mtu: 1500, up: true },
    ];
    let index = 3;
    for (const n of this.d.networks.networks.values()) {
      if (n.Driver !== "bridge" || !n.subnet) continue;
      const name = n.Name === "bridge" ? "docker0" : `br-${n.Id.slice(0, 12)}`;
      const prefix = n.subnet.prefix;
      list.push({ name, index: index++, mac: bridgeMac(n.Id), addr: `${n.subnet.gateway}/${prefix}`, mtu: 1500, up: true });
    }
    return list;
  }

  /** The container a published host port leads to, and its address and port there. */
  private published(proto: "tcp" | "udp", ip: string, port: number): { ns: NetNamespace; ip: string; port: number } | null {
    const id = portOwner(this.d, proto, ip, port);
    const c = id ? this.d.containers.get(id) : undefined;
    if (!c?.process) return null;
    for (const [key, bindings] of Object.entries(c.hostPorts)) {
      const [cport, cproto = "tcp"] = key.split("/");
      if (cproto !== proto || !bindings.some((b) => Number(b.HostPort) === port)) continue;
      const ep = Object.values(c.networks).find((e) => e.IPAddress);
      if (!ep) return null;
      return { ns: c.process.ns.net, ip: ep.IPAddress, port: Number(cport) };
    }
    return null;
  }
}

/** A stable locally administered MAC for a bridge, from its network ID. */
function bridgeMac(id: string): string {
  return ["02", "42", id.slice(0, 2), id.slice(2, 4), id.slice(4, 6), id.slice(6, 8)].join(":");
}

const MODELS = new WeakMap<Daemon, NetworkModel>();

/** The daemon's network model (made on first use; it installs the host's interfaces). */
export function networkModel(d: Daemon): NetworkModel {
  let m = MODELS.get(d);
  if (!m) {
    m = new NetworkModel(d);
    MODELS.set(d, m);
  }
  return m;
}
