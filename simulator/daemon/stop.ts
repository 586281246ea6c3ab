/** docker stop / kill / restart / wait / pause: signals and waiting in simulated time. */
import { parseSignal, SIGNALS } from "../runtime/signals";
import type { Container } from "./container/container";
import { setPaused } from "./container/state";
import type { Daemon } from "./daemon";
import { conflict, invalidParameter } from "./errdefs";
import { onStopped } from "./monitor";
import { containerStart } from "./start";

function stopSignal(c: Container): number {
  return parseSignal(c.config.StopSignal ?? "SIGTERM") ?? SIGNALS.TERM;
}

/** Wait until the container is no longer running, or `ms` pass. True if it stopped. */
async function waitStopped(d: Daemon, c: Container, ms: number): Promise<boolean> {
  if (!c.process) return true;
  const stopped = onStopped(c).then(() => true);
  const timeout = d.machine.sched.sleep(ms).then(() => false);
  return Promise.race([stopped, timeout]);
}

export async function containerStop(d: Daemon, c: Container, timeoutSec?: number): Promise<void> {
  if (c.state.Restarting) {
    c.manualStop = true;
    c.state.Restarting = false;
    c.state.Running = false;
    c.state.Status = "exited";
    return;
  }
  if (!c.state.Running || !c.process) return;
  c.manualStop = true;
  const p = c.process;
  if (c.state.Paused) {
    setPaused(c.state, false);
    p.ns.cgroup.frozen = false;
  }
  const t = timeoutSec ?? c.config.StopTimeout ?? 10;
  d.kernel.signal(p, stopSignal(c));
  if (t >= 0 && (await waitStopped(d, c, t * 1000))) return;
  d.kernel.signal(p, SIGNALS.KILL);
  await waitStopped(d, c, 60_000);
}

export function containerKill(d: Daemon, c: Container, sig = "KILL"): void {
  const n = parseSignal(sig);
  if (n === null) throw invalidParameter(`Invalid signal: ${sig}`);
  if (!c.state.Running || !c.process) throw conflict(`Cannot kill container: ${c.name}: Container ${c.id} is not running`);
  if (n === SIGNALS.KILL || n === SIGNALS.TERM || n === SIGNALS.INT) c.manualStop = true;
  d.kernel.signal(c.process, n);
}

export async function containerRestart(d: Daemon, c: Container, timeoutSec?: number): Promise<void> {
  await containerStop(d, c, timeoutSec);
  await d.machine.sched.sleep(0);
  containerStart(d, c);
}

/** docker wait: resolves with the exit code once the container stops. */
export async function containerWait(d: Daemon, c: Container): Promise<number> {
  if (!c.state.Running && !c.state.Restarting) return c.state.ExitCode;
  return onStopped(c);
}

export function containerPause(d: Daemon, c: Container): void {
  if (!c.state.Running || !c.process) throw conflict(`Container ${c.id} is not running`);
  if (c.state.Paused) throw conflict(`Container ${c.id} is already paused`);
  c.process.ns.cgroup.frozen = true;
  setPaused(c.state, true);
  d.events.emit({ Type: "container", Action: "pause", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
}

export function containerUnpause(d: Daemon, c: Container): void {
  if (!c.state.Paused || !c.process) throw conflict(`Container ${c.id} is not paused`);
  c.process.ns.cgroup.frozen = false;
  setPaused(c.state, false);
  d.events.emit({ Type: "container", Action: "unpause", Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
}
