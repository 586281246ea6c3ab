/** IPv4 address management: subnets from Docker's default pools, addresses in order from .2. */
export function ipToInt(ip: string): number {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

export function parseCidr(cidr: string): { base: number; prefix: number } | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) return null;
  const prefix = Number(m[5]);
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ipToInt(m.slice(1, 5).join(".")) / size) * size;
  return { base, prefix };
}

/** Docker's default local pools: 172.17-31.0.0/16, then 192.168.0.0/16 cut into /20s. */
export function* defaultPools(): Generator<string> {
  for (let i = 17; i <= 31; i++) yield `172.${i}.0.0/16`;
  for (let i = 0; i < 256; i += 16) yield `192.168.${i}.0/20`;
}

export function overlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const xe = x.base + 2 ** (32 - x.prefix);
  const ye = y.base + 2 ** (32 - y.prefix);
  return x.base < ye && y.base < xe;
}

export class Subnet {
  readonly base: number;
  readonly prefix: number;
  readonly used = new Set<number>();
  constructor(
    readonly cidr: string,
    readonly gateway: string,
  ) {
    const p = parseCidr(cidr)!;
    this.base = p.base;
    this.prefix = p.prefix;
    this.used.add(ipToInt(gateway));
  }

  /** The next free address after the gateway, in order, as Docker's IPAM hands them out. */
  allocate(): string | null {
    const size = 2 ** (32 - this.prefix);
    for (let i = 1; i < size - 1; i++) {
      const ip = this.base + i;
      if (!this.used.has(ip)) {
        this.used.add(ip);
        return intToIp(ip);
      }
    }
    return null;
  }

  release(ip: string): void {
    this.used.delete(ipToInt(ip));
  }
}
