/**
 * ip (addr, link, route) and ifconfig: the interfaces of the process's network namespace as
 * BusyBox prints them. Packet counters are not modelled and read 0.
 */
import type { ProcessContext } from "../program";
import type { NetInterface } from "../namespaces";
import { defineNetApplet, Fatal, ShowUsage } from "./net-applet";
import { ipNum, numIp } from "./net-socket";

interface Addr {
  ip: string;
  prefix: number;
}

const addrOf = (i: NetInterface): Addr | null => (i.addr ? { ip: i.addr.split("/")[0], prefix: Number(i.addr.split("/")[1]) } : null);
const isLo = (i: NetInterface) => i.name === "lo";
/** Bridges on the host (docker0, br-*) carry no broadcast address, as Docker sets them up. */
const isBridge = (i: NetInterface) => i.name === "docker0" || i.name.startsWith("br-");

function broadcast(a: Addr): string {
  const size = 2 ** (32 - a.prefix);
  return numIp(Math.floor(ipNum(a.ip) / size) * size + size - 1);
}

function network(a: Addr): string {
  const size = 2 ** (32 - a.prefix);
  return numIp(Math.floor(ipNum(a.ip) / size) * size);
}

function netmask(prefix: number): string {
  return numIp(prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix));
}

function linkHeader(i: NetInterface): string {
  const name = i.peer !== undefined ? `${i.name}@if${i.peer}` : i.name;
  if (isLo(i)) return `${i.index}: ${name}: <LOOPBACK,UP,LOWER_UP> mtu ${i.mtu} qdisc noqueue qlen 1000`;
  const flags = i.peer !== undefined ? "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN" : "BROADCAST,MULTICAST,UP,LOWER_UP";
  return `${i.index}: ${name}: <${flags}> mtu ${i.mtu} qdisc ${isBridge(i) || i.peer !== undefined ? "noqueue" : "pfifo_fast"} ${isBridge(i) || i.peer !== undefined ? "" : "qlen 1000"}`;
}

function linkLine(i: NetInterface): string {
  return isLo(i) ? "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" : `    link/ether ${i.mac} brd ff:ff:ff:ff:ff:ff`;
}

function inetLines(i: NetInterface): string[] {
  const a = addrOf(i);
  if (!a) return [];
  const brd = isLo(i) || isBridge(i) ? "" : ` brd ${broadcast(a)}`;
  return [`    inet ${a.ip}/${a.prefix}${brd} scope ${isLo(i) ? "host" : "global"} ${i.name}`, "       valid_lft forever preferred_lft forever"];
}

function pick(ctx: ProcessContext, dev: string | undefined): NetInterface[] {
  const all = ctx.proc.ns.net.interfaces();
  if (dev === undefined) return all;
  const found = all.filter((i) => i.name === dev);
  if (!found.length) throw new Fatal(`can't find device '${dev}'`);
  return found;
}

function devArg(args: string[]): string | undefined {
  const rest = args[0] === "show" || args[0] === "list" || args[0] === "lst" ? args.slice(1) : args;
  if (rest.length === 0) return undefined;
  if (rest[0] === "dev") return rest[1];
  if (rest.length === 1) return rest[0];
  throw new Fatal(`either "dev" is duplicate, or "${rest[1]}" is garbage`);
}

function routes(ctx: ProcessContext): string[] {
  const ifs = ctx.proc.ns.net.interfaces().filter((i) => !isLo(i) && i.addr);
  const out: string[] = [];
  const first = ifs[0];
  if (first) {
    const a = addrOf(first)!;
    const gw = first.name === "eth0" && ctx.proc.ns.net.kind === "host" ? numIp(ipNum(network(a)) + 2) : numIp(ipNum(network(a)) + 1);
    out.push(`default via ${gw} dev ${first.name} `);
  }
  const nets = ifs.map((i) => ({ i, a: addrOf(i)! })).sort((x, y) => ipNum(network(x.a)) - ipNum(network(y.a)));
  for (const { i, a } of nets) out.push(`${network(a)}/${a.prefix} dev ${i.name} scope link  src ${a.ip} `);
  return out;
}

defineNetApplet("ip", async (ctx) => {
  let args = ctx.argv.slice(1);
  let family = "";
  let oneline = false;
  while (args[0]?.startsWith("-")) {
    const o = args.shift()!;
    if (o === "-4") family = "inet";
    else if (o === "-6") family = "inet6";
    else if (o === "-o" || o === "-oneline") oneline = true;
    else if (o === "-f" || o === "-family") family = args.shift() ?? "";
    else throw new ShowUsage();
  }
  const obj = args.shift();
  if (!obj) throw new ShowUsage();
  const out: string[] = [];
  const join = (lines: string[]) => (oneline ? [lines.join("\\")] : lines);
  if ("address".startsWith(obj) && obj.length >= 1 && obj !== "") {
    if (args[0] && !["show", "list", "lst", "dev"].includes(args[0]) && args.length > 0 && !pickable(ctx, args[0])) throw new Fatal(`invalid argument '${args[0]}' to 'ip'`);
    for (const i of pick(ctx, devArg(args))) {
      if (family === "inet6") continue;
      const inet = inetLines(i);
      if (family === "inet") {
        if (!inet.length) continue;
        out.push(...(oneline ? [`${i.index}: ${i.name}    ${inet[0].trim()}\\${inet[1]}`] : [linkHeader(i), ...inet]));
      } else out.push(...join([linkHeader(i), linkLine(i), ...inet]));
    }
  } else if ("link".startsWith(obj)) {
    for (const i of pick(ctx, devArg(args))) out.push(...join([linkHeader(i), linkLine(i)]));
  } else if ("route".startsWith(obj) || obj === "r") {
    if (args[0] && !["show", "list", "lst"].includes(args[0])) throw new Fatal(`invalid argument '${args[0]}' to 'ip'`);
    if (family !== "inet6") out.push(...routes(ctx));
  } else throw new ShowUsage();
  if (out.length) await ctx.stdout.write(out.join("\n") + "\n");
  return 0;
});

function pickable(ctx: ProcessContext, name: string): boolean {
  return ctx.proc.ns.net.interfaces().some((i) => i.name === name);
}

function ifconfigBlock(i: NetInterface): string {
  const a = addrOf(i);
  const pad = (s: string) => s.padEnd(10);
  const lines: string[] = [];
  if (isLo(i)) lines.push(`${pad(i.name)}Link encap:Local Loopback  `);
  else lines.push(`${pad(i.name)}Link encap:Ethernet  HWaddr ${i.mac.toUpperCase()}  `);
  if (a) {
    if (isLo(i)) lines.push(`          inet addr:${a.ip}  Mask:${netmask(a.prefix)}`);
    else lines.push(`          inet addr:${a.ip}  Bcast:${isBridge(i) ? "0.0.0.0" : broadcast(a)}  Mask:${netmask(a.prefix)}`);
  }
  lines.push(isLo(i) ? `          UP LOOPBACK RUNNING  MTU:${i.mtu}  Metric:1` : `          UP BROADCAST RUNNING MULTICAST  MTU:${i.mtu}  Metric:1`);
  lines.push("          RX packets:0 errors:0 dropped:0 overruns:0 frame:0", "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0");
  lines.push(`          collisions:0 txqueuelen:${isLo(i) ? 1000 : 0} `, "          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)", "");
  return lines.join("\n") + "\n";
}

defineNetApplet("ifconfig", async (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== "-a");
  const all = ctx.proc.ns.net.interfaces();
  if (args.length === 0) {
    const sorted = [...all].sort((x, y) => (isLo(x) ? 1 : isLo(y) ? -1 : x.name.localeCompare(y.name)));
    await ctx.stdout.write(sorted.map(ifconfigBlock).join(""));
    return 0;
  }
  const i = all.find((x) => x.name === args[0]);
  if (!i) throw new Fatal(`${args[0]}: error fetching interface information: Device not found`);
  if (args.length > 1) throw new Fatal("SIOCSIFADDR: Operation not permitted");
  await ctx.stdout.write(ifconfigBlock(i));
  return 0;
});
