/** Networks: the default bridge, host and none, and user-defined bridges with IPAM. */
import { rfc3339 } from "../container/state";
import { conflict, invalidParameter, notFound } from "../errdefs";
import { defaultPools, intToIp, ipToInt, overlaps, parseCidr, Subnet } from "./ipam";

export interface IpamConfig {
  Subnet: string;
  /** Shown when given with --gateway, or when the subnet came from the default pools. */
  Gateway?: string;
}

export interface Network {
  Name: string;
  Id: string;
  Created: string;
  Scope: "local";
  Driver: "bridge" | "host" | "null";
  EnableIPv6: boolean;
  IPAM: { Driver: "default"; Options: Record<string, string> | null; Config: IpamConfig[] };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Options: Record<string, string>;
  Labels: Record<string, string>;
  subnet: Subnet | null;
  /** Predefined networks (bridge, host, none) cannot be removed. */
  builtin: boolean;
}

export interface CreateOptions {
  subnet?: string;
  gateway?: string;
  driver?: string;
  labels?: Record<string, string>;
  internal?: boolean;
  attachable?: boolean;
  options?: Record<string, string>;
}

export const DEFAULT_BRIDGE_OPTIONS = {
  "com.docker.network.bridge.default_bridge": "true",
  "com.docker.network.bridge.enable_icc": "true",
  "com.docker.network.bridge.enable_ip_masquerade": "true",
  "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
  "com.docker.network.bridge.name": "docker0",
  "com.docker.network.driver.mtu": "1500",
};

export class NetworkStore {
  readonly networks = new Map<string, Network>();
  /** The last host port the port allocator handed out, per "<proto>/<host ip>". */
  portCursor: Record<string, number> = {};
  constructor(
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {
    this.add("bridge", "bridge", { subnet: "172.17.0.0/16", options: DEFAULT_BRIDGE_OPTIONS }, true, false);
    this.add("host", "host", {}, true, false);
    this.add("none", "null", {}, true, false);
  }

  private add(name: string, driver: Network["Driver"], o: CreateOptions, builtin: boolean, showGateway: boolean): Network {
    let subnet: Subnet | null = null;
    const config: IpamConfig[] = [];
    if (o.subnet) {
      const p = parseCidr(o.subnet)!;
      subnet = new Subnet(`${intToIp(p.base)}/${p.prefix}`, o.gateway ?? intToIp(p.base + 1));
      config.push(showGateway || o.gateway ? { Subnet: subnet.cidr, Gateway: subnet.gateway } : { Subnet: subnet.cidr });
    }
    const n: Network = {
      Name: name,
      Id: this.newId(),
      Created: rfc3339(this.now()),
      Scope: "local",
      Driver: driver,
      EnableIPv6: false,
      IPAM: { Driver: "default", Options: builtin ? null : {}, Config: config },
      Internal: !!o.internal,
      Attachable: !!o.attachable,
      Ingress: false,
      ConfigFrom: { Network: "" },
      ConfigOnly: false,
      Options: o.options ?? {},
      Labels: o.labels ?? {},
      subnet,
      builtin,
    };
    this.networks.set(n.Id, n);
    return n;
  }

  /** By full name first, then full ID, then a unique ID prefix (the daemon's FindNetwork). */
  find(ref: string): Network | undefined {
    for (const n of this.networks.values()) if (n.Name === ref) return n;
    const exact = this.networks.get(ref);
    if (exact) return exact;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const matches = [...this.networks.values()].filter((n) => n.Id.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  get(ref: string): Network {
    const n = this.find(ref);
    if (!n) throw notFound(`network ${ref} not found`);
    return n;
  }

  /** A user-defined network: the subnet given (checked against the others), or the next free pool. */
  create(name: string, opts: CreateOptions = {}): Network {
    if (this.find(name)?.Name === name) throw conflict(`network with name ${name} already exists`);
    const driver = opts.driver || "bridge";
    if (driver === "host" || driver === "null") throw conflict(`only one instance of "${driver}" network is allowed`);
    if (driver !== "bridge") throw notFound(`plugin "${driver}" not found`);
    const taken = [...this.networks.values()].flatMap((n) => n.IPAM.Config.map((c) => c.Subnet));
    let cidr = opts.subnet;
    if (cidr) {
      if (!parseCidr(cidr)) throw invalidParameter(`Invalid subnet ${cidr} : invalid CIDR address: ${cidr}`);
      if (taken.some((t) => overlaps(t, cidr!))) throw conflict("Pool overlaps with other one on this address space");
      if (opts.gateway) {
        const p = parseCidr(cidr)!;
        const g = ipToInt(opts.gateway);
        if (g < p.base || g >= p.base + 2 ** (32 - p.prefix)) throw invalidParameter(`no matching subnet for gateway ${opts.gateway}`);
      }
      return this.add(name, "bridge", { ...opts, subnet: cidr }, false, false);
    }
    for (const pool of defaultPools()) {
      if (!taken.some((t) => overlaps(t, pool))) return this.add(name, "bridge", { ...opts, subnet: pool }, false, true);
    }
    throw invalidParameter("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
  }

  remove(n: Network): void {
    this.networks.delete(n.Id);
  }
}
