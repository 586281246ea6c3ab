/**
 * A container's network namespace (libnetwork's sandbox): the loopback plus one veth end per
 * attached network, named eth0, eth1, ... in the order the endpoints join; the addresses come from
 * the container's endpoints, so connect and disconnect show up at once.
 */
import type { NetInterface, NetNamespace } from "../../runtime/namespaces";
import type { Container } from "../container/container";

let nsSeq = 1000;
/** Host-wide interface numbers: each veth pair takes two (the container end, then the host end). */
let ifSeq = 20;

export const LOOPBACK: NetInterface = { name: "lo", index: 1, mac: "00:00:00:00:00:00", addr: "127.0.0.1/8", mtu: 65536, up: true };

export class Sandbox implements NetNamespace {
  readonly id = ++nsSeq;
  /** The interface each network's endpoint is plugged into, by network name. */
  private readonly links = new Map<string, { name: string; index: number }>();

  constructor(
    private readonly c: Container,
    readonly kind: "container" | "none",
  ) {}

  /** Give the endpoint on `network` an interface: the lowest free ethN. */
  plug(network: string): void {
    if (this.links.has(network)) return;
    const used = new Set([...this.links.values()].map((l) => l.name));
    let n = 0;
    while (used.has(`eth${n}`)) n++;
    ifSeq += 2;
    this.links.set(network, { name: `eth${n}`, index: ifSeq });
  }

  unplug(network: string): void {
    this.links.delete(network);
  }

  interfaceOf(network: string): string | undefined {
    return this.links.get(network)?.name;
  }

  interfaces(): NetInterface[] {
    const list: NetInterface[] = [LOOPBACK];
    for (const [network, link] of this.links) {
      const ep = this.c.networks[network];
      if (!ep?.IPAddress) continue;
      list.push({ name: link.name, index: link.index, mac: ep.MacAddress, addr: `${ep.IPAddress}/${ep.IPPrefixLen}`, mtu: 1500, up: true, peer: link.index + 1 });
    }
    return list.sort((a, b) => a.index - b.index);
  }
}

const SANDBOXES = new WeakMap<Container, NetNamespace>();

/** Record the namespace a starting container's processes will share. */
export function setSandbox(c: Container, ns: NetNamespace): void {
  SANDBOXES.set(c, ns);
}

export function sandboxOf(c: Container): NetNamespace | undefined {
  return SANDBOXES.get(c);
}

export function dropSandbox(c: Container): void {
  SANDBOXES.delete(c);
}
