/**
 * Published ports (libnetwork's port mapper): a host port is bound by one container at a time;
 * "-p 80" and -P take a free port from the ephemeral range. Bindings live while the container
 * runs and are released when it stops.
 */
import type { Daemon } from "../daemon";
import { systemError } from "../errdefs";
import type { Container, PortBinding } from "./container";

/** The range Docker picks host ports from (net.ipv4.ip_local_port_range on a default Linux). */
export const EPHEMERAL_FIRST = 32768;
export const EPHEMERAL_LAST = 60999;

interface Bound {
  proto: string;
  ip: string;
  port: number;
  owner: string;
}

/** Every bound host port: those of containers holding bindings (their hostPorts). */
function boundOf(d: Daemon): Bound[] {
  const out: Bound[] = [];
  for (const c of d.containers.values()) {
    for (const [key, bs] of Object.entries(c.hostPorts)) {
      for (const b of bs) out.push({ proto: key.split("/")[1] ?? "tcp", ip: b.HostIp || "0.0.0.0", port: Number(b.HostPort), owner: c.id });
    }
  }
  return out;
}

const clash = (a: { proto: string; ip: string; port: number }, b: Bound) =>
  a.proto === b.proto && a.port === b.port && (a.ip === b.ip || a.ip === "0.0.0.0" || b.ip === "0.0.0.0");

/**
 * Bind every published port of `c` (PortBindings, and exposed ports with -P); all or none.
 * Ports are taken highest container port first, as the engine does; a random host port comes
 * after the last one handed out (libnetwork's port allocator keeps its place, per address and
 * protocol). A port held on the same address is "already allocated"; one held on an overlapping
 * address (0.0.0.0 against 127.0.0.1) makes the userland proxy's bind fail.
 */
export function bindPorts(d: Daemon, c: Container, endpointId: string): void {
  // on the host's own network nothing is published (the engine warned at create)
  if (c.hostConfig.NetworkMode === "host") {
    c.hostPorts = {};
    return;
  }
  const wanted: Record<string, PortBinding[]> = {};
  for (const [p, bs] of Object.entries(c.hostConfig.PortBindings)) wanted[p] = bs.map((b) => ({ ...b }));
  if (c.hostConfig.PublishAllPorts) for (const p of Object.keys(c.config.ExposedPorts ?? {})) wanted[p] ??= [{ HostIp: "", HostPort: "" }];
  const taken = boundOf(d).filter((b) => b.owner !== c.id);
  const cursor = d.networks.portCursor;
  const result: Record<string, PortBinding[]> = {};
  for (const key of Object.keys(wanted)) result[key] = [];
  const order = Object.keys(wanted).sort((a, b) => Number(b.split("/")[0]) - Number(a.split("/")[0]));
  const fail = (why: string): never => {
    throw systemError(`driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): ${why}`);
  };
  for (const key of order) {
    const proto = key.split("/")[1] ?? "tcp";
    for (const b of wanted[key]) {
      const ip = b.HostIp || "0.0.0.0";
      const free = (p: number) => !taken.some((t) => clash({ proto, ip, port: p }, t));
      let port = -1;
      if (b.HostPort === "") {
        const slot = `${proto}/${ip}`;
        const span = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1;
        const start = cursor[slot] ?? EPHEMERAL_FIRST - 1;
        for (let i = 1; i <= span && port < 0; i++) {
          const p = EPHEMERAL_FIRST + ((start - EPHEMERAL_FIRST + i) % span);
          if (free(p)) port = p;
        }
        if (port < 0) fail(`Bind for ${ip}:${b.HostPort} failed: port is already allocated`);
        cursor[slot] = port;
      } else {
        const [lo, hi = lo] = b.HostPort.split("-").map(Number);
        for (let p = lo; p <= hi && port < 0; p++) if (free(p)) port = p;
        if (port < 0) {
          const exact = taken.find((t) => t.proto === proto && t.port === lo && t.ip === ip);
          if (lo !== hi || exact) fail(`Bind for ${ip}:${lo === hi ? lo : b.HostPort} failed: port is already allocated`);
          fail(`Error starting userland proxy: listen ${proto}4 ${ip}:${lo}: bind: address already in use`);
        }
      }
      taken.push({ proto, ip, port, owner: c.id });
      result[key].push({ HostIp: b.HostIp, HostPort: String(port) });
    }
  }
  c.hostPorts = result;
}

export function releasePorts(c: Container): void {
  c.hostPorts = {};
}

/** The container bound to a host port, if any (what a connection to that port reaches). */
export function portOwner(d: Daemon, proto: string, ip: string, port: number): string | null {
  return boundOf(d).find((b) => clash({ proto, ip, port }, b))?.owner ?? null;
}
