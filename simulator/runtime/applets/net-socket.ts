/**
 * Sockets as the simulated kernel hands them to programs: a TCP connection is two pipes (one per
 * direction) with an address at each end; errors carry Linux's errno names and texts.
 */
import type { Process } from "../process";
import { Pipe, type Readable, type Writable } from "../streams";

export type NetErrno = "ECONNREFUSED" | "ETIMEDOUT" | "ENETUNREACH" | "EHOSTUNREACH" | "EADDRINUSE" | "EADDRNOTAVAIL" | "ECONNRESET" | "EACCES";

export const NET_STRERROR: Record<NetErrno, string> = {
  ECONNREFUSED: "Connection refused",
  ETIMEDOUT: "Connection timed out",
  ENETUNREACH: "Network is unreachable",
  EHOSTUNREACH: "No route to host",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ECONNRESET: "Connection reset by peer",
  EACCES: "Permission denied",
};

export class NetError extends Error {
  constructor(readonly code: NetErrno) {
    super(NET_STRERROR[code]);
    this.name = "NetError";
  }
}

export interface SockAddr {
  ip: string;
  port: number;
}

/** One end of an established TCP connection. */
export interface Socket {
  readonly local: SockAddr;
  readonly remote: SockAddr;
  /** What the peer sends; null at the peer's end of stream. */
  readonly input: Readable;
  /** What this end sends; closing it is shutdown(SHUT_WR). */
  readonly output: Writable;
  /** close(): both directions. */
  close(): void;
  /** Abort the connection: the peer's next read fails with ECONNRESET (a TCP RST). */
  reset(): void;
}

/** A connected pair: [the connecting end, the accepted end]. */
export function socketPair(client: SockAddr, server: SockAddr): [Socket, Socket] {
  const up = new Pipe();
  const down = new Pipe();
  /** Set when the sending side of a direction was reset. */
  const resetUp = { on: false };
  const resetDown = { on: false };
  const reading = (r: Readable, flag: { on: boolean }): Readable => ({
    read: async () => {
      const d = await r.read();
      if (d === null && flag.on) throw new NetError("ECONNRESET");
      return d;
    },
    unshift: (d) => r.unshift(d),
    close: () => r.close(),
    dup: () => reading(r.dup(), flag),
  });
  const end = (local: SockAddr, remote: SockAddr, input: Readable, output: Writable, sent: { on: boolean }): Socket => {
    let closed = false;
    const s: Socket = {
      local,
      remote,
      input,
      output,
      close() {
        if (closed) return;
        closed = true;
        input.close();
        output.close();
      },
      reset() {
        sent.on = true;
        s.close();
      },
    };
    return s;
  };
  return [end(client, server, reading(down.reader, resetDown), up.writer, resetUp), end(server, client, reading(up.reader, resetUp), down.writer, resetDown)];
}

/** Close `s` when `owner` exits (the kernel closes a dead process's descriptors). */
export function ownedBy<T extends { close(): void }>(s: T, owner: Process | null): T {
  if (owner) void owner.exited.then(() => s.close());
  return s;
}

/** Copy one direction of a connection until end of stream, then pass the end on. */
export async function relay(from: Readable, to: Writable): Promise<void> {
  try {
    for (;;) {
      const d = await from.read();
      if (!d) break;
      await to.write(d);
    }
  } catch {
    /* the other side went away */
  }
  to.close();
}

export function isIPv4(s: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  return !!m && m.slice(1).every((o) => Number(o) <= 255 && (o === "0" || !o.startsWith("0")));
}

export function ipNum(ip: string): number {
  return ip.split(".").reduce((a, o) => a * 256 + Number(o), 0);
}

export function numIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join(".");
}

/** Whether `ip` lies in `net`/`prefix`. */
export function inSubnet(ip: string, net: string, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(ipNum(ip) / size) === Math.floor(ipNum(net) / size);
}
