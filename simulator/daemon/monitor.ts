/**
 * What happens when a container's main process exits: state, OOM, network release, restart
 * policies with moby's back-off (100 ms doubling to 1 min, reset after 10 s of running), --rm.
 */
import type { Process } from "../runtime/process";
import type { Container } from "./container/container";
import { notifyStopped } from "./container/logs";
import { detachNetworks } from "./container/network";
import { releasePorts } from "./container/ports";
import { setRestarting, setStopped } from "./container/state";
import type { Daemon } from "./daemon";
import { removeContainerNow } from "./delete";
import { containerStart } from "./start";

const backoff = new WeakMap<Container, number>();
/** Waiters for `docker wait` and `stop`: called with the exit code when the container stops. */
const stopWaiters = new WeakMap<Container, Array<(code: number) => void>>();

export function onStopped(c: Container): Promise<number> {
  return new Promise((r) => {
    const list = stopWaiters.get(c) ?? [];
    list.push(r);
    stopWaiters.set(c, list);
  });
}

function shouldRestart(c: Container, code: number): boolean {
  const p = c.hostConfig.RestartPolicy;
  if (c.manualStop) return false;
  switch (p.Name) {
    case "always":
    case "unless-stopped":
      return true;
    case "on-failure":
      return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

export function monitorExit(d: Daemon, c: Container, proc: Process): void {
  void proc.exited.then(async (status) => {
    if (c.process !== proc) return;
    c.process = null;
    const oom = proc.ns.cgroup.oomKilled;
    const ranFor = d.now() - proc.startTime;
    detachNetworks(d, c);
    releasePorts(c);
    c.execs.clear(); // exec processes die with the container's PID namespace
    d.events.emit({ Type: "container", Action: "die", Actor: { ID: c.id, Attributes: { exitCode: String(status), name: c.name } }, time: d.now() });
    if (shouldRestart(c, status) && d.containers.has(c.id)) {
      let delay = backoff.get(c) ?? 100;
      if (ranFor >= 10_000) delay = 100;
      backoff.set(c, Math.min(delay * 2, 60_000));
      setRestarting(c.state, status, d.now());
      c.state.OOMKilled = oom;
      notifyStopped(c);
      await d.machine.sched.sleep(delay);
      if (!c.state.Restarting || !d.containers.has(c.id)) return;
      c.restartCount++;
      try {
        containerStart(d, c);
      } catch (e) {
        setStopped(c.state, 128, false, d.now());
        c.state.Error = e instanceof Error ? e.message : String(e);
      }
      return;
    }
    setStopped(c.state, status, oom, d.now());
    notifyStopped(c);
    for (const w of stopWaiters.get(c)?.splice(0) ?? []) w(status);
    if (c.hostConfig.AutoRemove) {
      removeContainerNow(d, c, true);
    }
  });
}
