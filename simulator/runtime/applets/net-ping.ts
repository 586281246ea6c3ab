/**
 * ping: ICMP echo through the namespace's network stack, one request a second, BusyBox's output
 * and statistics. A reply takes a fixed simulated round trip; no reply waits out -W.
 */
import { getopt } from "./lib/sys-getopt";
import { SIGNALS } from "../signals";
import { defineNetApplet, Fatal, netOf, ShowUsage, xatou } from "./net-applet";
import { resolveHost } from "./net-resolve";
import { NetError } from "./net-socket";

/** Round trip in ms: loopback is quicker than a veth and bridge. */
const rttOf = (ip: string) => (ip.startsWith("127.") ? 0.045 : 0.082);

defineNetApplet("ping", async (ctx) => {
  const o = getopt(ctx.argv.slice(1), "46c:s:i:At:I:W:w:qp:");
  if (o.operands.length !== 1) throw new ShowUsage();
  const count = o.has("c") ? xatou(o.get("c")!) : 0;
  const size = o.has("s") ? xatou(o.get("s")!, 65507) : 56;
  const waitMs = (o.has("W") ? xatou(o.get("W")!) : 10) * 1000;
  const deadline = o.has("w") ? xatou(o.get("w")!) * 1000 : 0;
  const intervalMs = o.has("i") ? Math.max(0, Number(o.get("i")) * 1000) : 1000;
  const quiet = o.has("q");
  const host = o.operands[0];
  const ip = await resolveHost(ctx, host);
  if (!ip) throw new Fatal(`bad address '${host}'`);
  const { stack, ns } = netOf(ctx);
  await ctx.stdout.write(`PING ${host} (${ip}): ${size} data bytes\n`);
  // a raw ICMP socket needs CAP_NET_RAW (a container's root has it unless --cap-drop NET_RAW; a
  // USER does not); the host's learner keeps a working ping
  if (ctx.proc.containerId !== null && !ctx.proc.cred.caps.has("NET_RAW")) throw new Fatal("permission denied (are you root?)");
  ctx.proc.handlers.set(SIGNALS.INT, "catch");
  const start = ctx.now();
  const rtts: number[] = [];
  let sent = 0;
  const interrupted = () => ctx.proc.pending.includes(SIGNALS.INT);
  const pause = async (ms: number) => {
    if (ms <= 0 || interrupted()) return;
    await ctx.proc.guard(Promise.race([ctx.kernel.sched.sleep(ms), ctx.proc.nextSignal()]));
  };
  for (;;) {
    if (interrupted() || (deadline && ctx.now() - start >= deadline)) break;
    let ok: boolean;
    try {
      ok = await ctx.proc.guard(stack.ping(ns, ip, 0));
    } catch (e) {
      if (e instanceof NetError) throw new Fatal(`sendto: ${e.message}`);
      throw e;
    }
    sent++;
    if (ok) {
      const t = rttOf(ip);
      rtts.push(t);
      if (!quiet) await ctx.stdout.write(`${size + 8} bytes from ${ip}: seq=${sent - 1} ttl=64 time=${t.toFixed(3)} ms\n`);
    }
    if (count && sent >= count) {
      // after the last request, wait for the outstanding reply (-W) unless every one came back
      if (rtts.length < sent) await pause(deadline ? Math.min(waitMs, deadline - (ctx.now() - start)) : waitMs);
      break;
    }
    await pause(deadline ? Math.min(intervalMs, deadline - (ctx.now() - start)) : intervalMs);
  }
  const recv = rtts.length;
  const loss = sent ? Math.floor(((sent - recv) * 100) / sent) : 0;
  let s = `\n--- ${host} ping statistics ---\n${sent} packets transmitted, ${recv} packets received, ${loss}% packet loss\n`;
  if (recv) {
    const avg = rtts.reduce((a, b) => a + b, 0) / recv;
    s += `round-trip min/avg/max = ${Math.min(...rtts).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...rtts).toFixed(3)} ms\n`;
  }
  await ctx.stdout.write(s);
  return recv ? 0 : 1;
});
