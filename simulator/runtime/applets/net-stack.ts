/**
 * The simulated kernel's network stack: which namespace an address leads to, TCP listeners and
 * connections, UDP request/reply (DNS), and ICMP echo. Namespaces describe themselves through
 * their interfaces (NetNamespace.interfaces()); two namespaces with addresses in one subnet share
 * a link. Traffic that has to be forwarded between two bridges is dropped (Docker's isolation),
 * so it times out; everything else unknown is the outside world, which the simulation cannot
 * reach either. Every host-kind namespace is the one host stack.
 *
 * A program serves on a port from its own namespace, and is reachable by name on its networks
 * and through published ports with no more than this (what httpd and nc -l do):
 *
 *   const l = netStack(ctx.kernel).listen(ctx.proc.ns.net, "0.0.0.0", 6379, ctx.proc);
 *   for (let s; (s = await ctx.proc.guard(l.accept())); ) void handle(s); // s.input / s.output
 *
 * The listener and its connections close when the process exits.
 */
import type { Kernel } from "../kernel";
import type { NetNamespace } from "../namespaces";
import type { Process } from "../process";
import { inSubnet, NetError, type NetErrno, ownedBy, relay, socketPair, type SockAddr, type Socket } from "./net-socket";

export type NsKey = NetNamespace | "host";
export const keyOf = (ns: NetNamespace): NsKey => (ns.kind === "host" ? "host" : ns);

/** Linux gives up on an unanswered SYN after its retries (tcp_syn_retries = 6). */
export const SYN_TIMEOUT_MS = 127_000;
/** An address on the link that nobody answers ARP for. */
export const ARP_TIMEOUT_MS = 3_000;

export type Route = { key: NsKey; ns: NetNamespace; src: string } | { fail: NetErrno; afterMs: number; src: string };

/** Where the engine forwards a connection to a published host port (docker-proxy's job). */
export type PortForwarder = (proto: "tcp" | "udp", ip: string, port: number) => { ns: NetNamespace; ip: string; port: number } | null;

export type UdpHandler = (data: Uint8Array, from: SockAddr) => Promise<Uint8Array | null>;

interface Addr {
  ip: string;
  prefix: number;
}

export class Listener {
  private queue: Socket[] = [];
  private waiters: Array<(s: Socket | null) => void> = [];
  closed = false;
  constructor(
    readonly key: NsKey,
    readonly ip: string,
    readonly port: number,
    private readonly onClose: (l: Listener) => void,
  ) {}

  deliver(s: Socket): void {
    const w = this.waiters.shift();
    if (w) w(s);
    else this.queue.push(s);
  }

  /** The next connection, or null once the listener is closed. */
  accept(): Promise<Socket | null> {
    const s = this.queue.shift();
    if (s || this.closed) return Promise.resolve(s ?? null);
    return new Promise((r) => this.waiters.push(r));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.queue.splice(0)) s.close();
    for (const w of this.waiters.splice(0)) w(null);
    this.onClose(this);
  }
}

interface UdpBinding {
  key: NsKey;
  ip: string;
  port: number;
  handler: UdpHandler;
  close(): void;
}

const isLoopback = (ip: string) => ip.startsWith("127.") || ip === "0.0.0.0";

export class NetStack {
  private listeners: Listener[] = [];
  private udp: UdpBinding[] = [];
  private nextPort = 32768;
  /** The host's namespace as the engine describes it (its bridges' gateway addresses). */
  host: NetNamespace | null = null;
  forwarder: PortForwarder | null = null;

  constructor(private readonly kernel: Kernel) {}

  /** Addresses (not loopback) a namespace holds. */
  addrs(key: NsKey): Addr[] {
    const ns = key === "host" ? this.hostNs() : key;
    if (!ns) return [];
    const out: Addr[] = [];
    for (const i of ns.interfaces()) {
      if (!i.up || !i.addr) continue;
      const [ip, p] = i.addr.split("/");
      if (!isLoopback(ip)) out.push({ ip, prefix: Number(p) });
    }
    return out;
  }

  private hostNs(): NetNamespace | null {
    if (this.host) return this.host;
    for (const p of this.kernel.procs.values()) if (p.ns.net.kind === "host") return p.ns.net;
    return null;
  }

  /** Namespaces that exist now: those of live processes, plus the host. */
  private live(): Map<NsKey, NetNamespace> {
    const out = new Map<NsKey, NetNamespace>();
    const h = this.hostNs();
    if (h) out.set("host", h);
    for (const p of this.kernel.procs.values()) if (!out.has(keyOf(p.ns.net))) out.set(keyOf(p.ns.net), p.ns.net);
    return out;
  }

  /** Where a packet from `src` to `dst` ends up. */
  route(srcNs: NetNamespace, dst: string): Route {
    const src = keyOf(srcNs);
    const self = src === "host" ? (this.hostNs() ?? srcNs) : srcNs;
    if (isLoopback(dst)) return { key: src, ns: self, src: "127.0.0.1" };
    const mine = this.addrs(src);
    const own = mine.find((a) => a.ip === dst);
    if (own) return { key: src, ns: self, src: own.ip };
    const live = this.live();
    const holder = (ip: string): [NsKey, NetNamespace] | null => {
      for (const [k, ns] of live) if (k !== src && this.addrs(k).some((a) => a.ip === ip)) return [k, ns];
      return null;
    };
    const link = mine.find((a) => inSubnet(dst, a.ip, a.prefix));
    if (link) {
      const h = holder(dst);
      if (h && this.addrs(h[0]).some((a) => a.ip === dst && inSubnet(a.ip, link.ip, link.prefix))) return { key: h[0], ns: h[1], src: link.ip };
      return { fail: "EHOSTUNREACH", afterMs: ARP_TIMEOUT_MS, src: link.ip };
    }
    if (mine.length === 0) return { fail: "ENETUNREACH", afterMs: 0, src: "" };
    const out = mine[0].ip;
    if (src !== "host") {
      // through the default gateway: the host answers for its own addresses
      if (this.addrs("host").some((a) => a.ip === dst)) return { key: "host", ns: this.hostNs()!, src: out };
    }
    // forwarded between bridges (dropped by Docker's isolation rules), or out to the world
    return { fail: "ETIMEDOUT", afterMs: SYN_TIMEOUT_MS, src: out };
  }

  private ephemeral(): number {
    const p = this.nextPort;
    this.nextPort = p >= 60999 ? 32768 : p + 1;
    return p;
  }

  /** bind() + listen(). ip "0.0.0.0" listens on every address of the namespace. */
  listen(ns: NetNamespace, ip: string, port: number, owner: Process | null): Listener {
    const key = keyOf(ns);
    if (!isLoopback(ip) && !this.addrs(key).some((a) => a.ip === ip)) throw new NetError("EADDRNOTAVAIL");
    if (port === 0) port = this.ephemeral();
    if (this.listeners.some((l) => l.key === key && l.port === port && (l.ip === ip || l.ip === "0.0.0.0" || ip === "0.0.0.0"))) throw new NetError("EADDRINUSE");
    const l = new Listener(key, ip, port, (x) => (this.listeners = this.listeners.filter((y) => y !== x)));
    this.listeners.push(l);
    return ownedBy(l, owner);
  }

  private listenerFor(key: NsKey, ip: string, port: number): Listener | undefined {
    return this.listeners.find((l) => l.key === key && l.port === port && (l.ip === ip || l.ip === "0.0.0.0"));
  }

  /** Wait out a failing route's delay (bounded by the caller's timeout), then fail. */
  private async fail(r: { fail: NetErrno; afterMs: number }, timeoutMs: number): Promise<never> {
    const wait = Math.min(r.afterMs, timeoutMs);
    if (wait > 0) await this.kernel.sched.sleep(wait);
    throw new NetError(wait < r.afterMs ? "ETIMEDOUT" : r.fail);
  }

  /** connect(): an established connection, or a NetError (after the time Linux would take). */
  async connect(ns: NetNamespace, ip: string, port: number, opts: { timeoutMs?: number; owner?: Process | null } = {}): Promise<Socket> {
    const r = this.route(ns, ip);
    if ("fail" in r) return this.fail(r, opts.timeoutMs ?? SYN_TIMEOUT_MS);
    const from = { ip: r.src, port: this.ephemeral() };
    const l = this.listenerFor(r.key, ip, port);
    if (l) {
      const [c, s] = socketPair(from, { ip, port });
      l.deliver(s);
      return ownedBy(c, opts.owner ?? null);
    }
    const fwd = r.key === "host" ? this.forwarder?.("tcp", ip, port) : null;
    if (!fwd) throw new NetError("ECONNREFUSED");
    // the proxy accepts at once, then connects to the container; if that fails it hangs up
    const [c, proxyEnd] = socketPair(from, { ip, port });
    // docker-proxy connects from the host, so the container sees the bridge gateway as the client
    void this.connect(this.hostNs() ?? fwd.ns, fwd.ip, fwd.port, { timeoutMs: 1000 }).then(
      (back) => {
        void relay(proxyEnd.input, back.output);
        void relay(back.input, proxyEnd.output);
      },
      () => proxyEnd.reset(),
    );
    return ownedBy(c, opts.owner ?? null);
  }

  bindUdp(ns: NetNamespace, ip: string, port: number, handler: UdpHandler, owner: Process | null): { close(): void } {
    const key = keyOf(ns);
    if (this.udp.some((u) => u.key === key && u.port === port && (u.ip === ip || u.ip === "0.0.0.0" || ip === "0.0.0.0"))) throw new NetError("EADDRINUSE");
    const b: UdpBinding = { key, ip, port, handler, close: () => (this.udp = this.udp.filter((x) => x !== b)) };
    this.udp.push(b);
    return ownedBy(b, owner);
  }

  /** Send one datagram and wait for one reply: the reply, null when none comes in time. */
  async udpRequest(ns: NetNamespace, ip: string, port: number, data: Uint8Array, timeoutMs: number): Promise<Uint8Array | null> {
    const r = this.route(ns, ip);
    if ("fail" in r) {
      if (r.fail === "ENETUNREACH") throw new NetError(r.fail);
      await this.kernel.sched.sleep(timeoutMs);
      return null;
    }
    const from = { ip: r.src, port: this.ephemeral() };
    let target: { key: NsKey; ip: string; port: number } = { key: r.key, ip, port };
    if (r.key === "host" && !this.udpFor(r.key, ip, port)) {
      const fwd = this.forwarder?.("udp", ip, port);
      if (fwd) target = { key: keyOf(fwd.ns), ip: fwd.ip, port: fwd.port };
    }
    const b = this.udpFor(target.key, target.ip, target.port);
    if (!b) throw new NetError("ECONNREFUSED");
    const reply = await b.handler(data, from);
    if (reply) return reply;
    await this.kernel.sched.sleep(timeoutMs);
    return null;
  }

  private udpFor(key: NsKey, ip: string, port: number): UdpBinding | undefined {
    return this.udp.find((u) => u.key === key && u.port === port && (u.ip === ip || u.ip === "0.0.0.0"));
  }

  /** ICMP echo: true when a reply comes back within the timeout. */
  async ping(ns: NetNamespace, ip: string, timeoutMs: number): Promise<boolean> {
    const r = this.route(ns, ip);
    if (!("fail" in r)) return true;
    if (r.fail === "ENETUNREACH") throw new NetError(r.fail);
    await this.kernel.sched.sleep(timeoutMs);
    return false;
  }

  /** The source address a connection to `dst` would use ("" when there is no route). */
  sourceFor(ns: NetNamespace, dst: string): string {
    return this.route(ns, dst).src;
  }
}

const STACKS = new WeakMap<Kernel, NetStack>();

/** The network stack of a machine's kernel. */
export function netStack(kernel: Kernel): NetStack {
  let s = STACKS.get(kernel);
  if (!s) {
    s = new NetStack(kernel);
    STACKS.set(kernel, s);
  }
  return s;
}
