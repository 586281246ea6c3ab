/**
 * nslookup (BusyBox's resolver client): A and AAAA queries (or -type=...) to the first
 * nameserver of /etc/resolv.conf or the one given, printed the way BusyBox prints them; a
 * server that does not answer is retried (2 tries in 5 s) before ";; connection timed out".
 */
import type { ProcessContext } from "../program";
import { text } from "../../util/bytes";
import { defineNetApplet, Fatal, netOf, ShowUsage, xatou } from "./net-applet";
import { decodeDns, encodeDns, RCODE_NAME, TYPE_A, TYPE_AAAA, TYPE_PTR, type DnsMessage } from "./net-dns";
import { isIPv4, NetError } from "./net-socket";
import { nameservers, resolveHost } from "./net-resolve";

const QTYPES: Record<string, number> = { a: TYPE_A, aaaa: TYPE_AAAA, ptr: TYPE_PTR, cname: 5, ns: 2, mx: 15, txt: 16, soa: 6, srv: 33, any: 255 };

interface Query {
  name: string;
  type: number;
  id: number;
  answered: boolean;
}

function printReply(m: DnsMessage, q: Query): string {
  if (m.rcode !== 0) return `** server can't find ${q.name}: ${RCODE_NAME[m.rcode] ?? m.rcode}\n\n`;
  let s = m.aa ? "" : "Non-authoritative answer:\n";
  for (const a of m.answers) {
    if (a.type === TYPE_A || a.type === TYPE_AAAA) s += `Name:\t${a.name}\nAddress: ${a.data}\n`;
    else if (a.type === TYPE_PTR) s += `${a.name}\tname = ${a.data}\n`;
  }
  return s + "\n";
}

defineNetApplet("nslookup", async (ctx: ProcessContext) => {
  const args = ctx.argv.slice(1);
  let types: number[] = [];
  let timeoutS = 5;
  let retry = 2;
  let port = 53;
  while (args[0]?.startsWith("-")) {
    const [k, v = ""] = args.shift()!.slice(1).split("=");
    if (k === "type" || k === "querytype") {
      const t = QTYPES[v.toLowerCase()];
      if (t === undefined) throw new Fatal(`invalid query type "${v}"`);
      types.push(t);
    } else if (k === "port") port = xatou(v, 65535);
    else if (k === "retry") retry = Math.max(1, xatou(v));
    else if (k === "t" || k === "timeout") timeoutS = Math.max(1, xatou(v));
    else if (k !== "debug") throw new ShowUsage();
  }
  if (args.length < 1 || args.length > 2) throw new ShowUsage();
  const host = args[0];
  let servers: Array<{ name: string; ip: string }>;
  if (args[1]) {
    const ip = await resolveHost(ctx, args[1]);
    if (!ip) throw new Fatal(`bad address '${args[1]}'`);
    servers = [{ name: args[1], ip }];
  } else {
    let conf = "";
    try {
      conf = text(ctx.fs.readFile("/etc/resolv.conf"));
    } catch {
      /* none: localhost */
    }
    servers = nameservers(conf).map((ip) => ({ name: ip, ip }));
  }
  let qname = host;
  if (types.length === 0) {
    if (isIPv4(host)) {
      qname = host.split(".").reverse().join(".") + ".in-addr.arpa";
      types = [TYPE_PTR];
    } else types = [TYPE_A, TYPE_AAAA];
  }
  let nextId = 0x4a1b;
  const queries: Query[] = types.map((type) => ({ name: qname, type, id: nextId++, answered: false }));
  const { stack, ns } = netOf(ctx);
  let out = "";
  let failed = false;
  for (const server of servers) {
    let replies = 0;
    const interval = (timeoutS * 1000) / retry;
    for (let attempt = 0; attempt < retry && replies < queries.length; attempt++) {
      let refused = false;
      for (const q of queries.filter((x) => !x.answered)) {
        const msg = encodeDns({ id: q.id, response: false, rd: true, ra: false, aa: false, rcode: 0, qname: q.name, qtype: q.type, answers: [] });
        let reply: Uint8Array | null = null;
        try {
          reply = await ctx.proc.guard(stack.udpRequest(ns, server.ip, port, msg, 0));
        } catch (e) {
          if (!(e instanceof NetError)) throw e;
          if (e.code !== "ECONNREFUSED") throw new Fatal(`write to '${server.name}': ${e.message}`);
          refused = true;
        }
        const m = reply ? decodeDns(reply) : null;
        if (!m || m.id !== q.id) continue;
        if (replies++ === 0) out += `Server:\t\t${server.name}\nAddress:\t${server.ip}:${port}\n\n`;
        q.answered = true;
        if (m.rcode !== 0) failed = true;
        out += printReply(m, q);
      }
      if (refused) await ctx.stderr.write("nslookup: read: Connection refused\n");
      if (replies < queries.length) await ctx.sleep(interval);
    }
    if (replies > 0) break;
  }
  if (!queries.some((q) => q.answered)) {
    await ctx.stdout.write(";; connection timed out; no servers could be reached\n\n");
    return 1;
  }
  const unanswered = queries.filter((q) => !q.answered);
  for (const q of unanswered) out += `*** Can't find ${q.name}: No answer\n`;
  if (unanswered.length) out += "\n";
  await ctx.stdout.write(out);
  return failed ? 1 : 0;
});
