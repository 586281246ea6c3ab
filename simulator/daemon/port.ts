/** The published ports of a container as NetworkSettings.Ports reports them (docker port reads this). */
import type { Container } from "./container/container";

export type PortMap = Record<string, Array<{ HostIp: string; HostPort: string }> | null>;

/** While running: each bound port (an unset host IP bound on 0.0.0.0 and ::), exposed-only ports as null. */
export function containerPorts(c: Container): PortMap {
  const ports: PortMap = {};
  if (!c.state.Running) return ports;
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = null;
  for (const [p, bs] of Object.entries(c.hostPorts)) {
    ports[p] = bs.flatMap((b) => (b.HostIp ? [b] : [{ HostIp: "0.0.0.0", HostPort: b.HostPort }, { HostIp: "::", HostPort: b.HostPort }]));
  }
  return ports;
}

/** Go's net.JoinHostPort: IPv6 hosts in brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** sortorder.NaturalLess as a comparator: runs of digits compare by value. */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const n = Number(x) - Number(y);
      if (n !== 0) return n;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}
