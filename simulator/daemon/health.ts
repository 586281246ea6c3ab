/**
 * Health checks (moby's daemon/health.go): while a container with a HEALTHCHECK (or --health-cmd)
 * runs, its test runs in it like `docker exec` every interval; the result sets State.Health
 * ("starting", then "healthy" or, after Retries failures in a row, "unhealthy") and the last five
 * results are kept. Failures during the start period do not count.
 */
import type { Process } from "../runtime/process";
import { Collector } from "../runtime/streams";
import type { Container } from "./container/container";
import type { Health } from "./container/state";
import { rfc3339 } from "./container/state";
import type { Daemon } from "./daemon";
import { containerExecCreate, containerExecStart } from "./exec";

const NS_MS = 1_000_000;
const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG = 5;
const MAX_OUTPUT = 4096;

/** The test as a command line, or null when the container has no (or a disabled) health check. */
export function healthArgv(test: string[] | undefined): string[] | null {
  if (!test || test.length === 0) return null;
  if (test[0] === "NONE") return null;
  if (test[0] === "CMD-SHELL") return ["/bin/sh", "-c", test.slice(1).join(" ")];
  if (test[0] === "CMD") return test.slice(1);
  return null;
}

/** Start probing `c` (its current PID 1 is `proc`); stops when that process is gone. */
export function startHealthMonitor(d: Daemon, c: Container, proc: Process): void {
  const hc = c.config.Healthcheck;
  const argv = healthArgv(hc?.Test);
  if (!hc || !argv) {
    delete c.state.Health;
    return;
  }
  const interval = hc.Interval ? hc.Interval / NS_MS : DEFAULT_INTERVAL;
  const timeout = hc.Timeout ? hc.Timeout / NS_MS : DEFAULT_TIMEOUT;
  const retries = hc.Retries || DEFAULT_RETRIES;
  const startPeriod = (hc.StartPeriod ?? 0) / NS_MS;
  const started = d.now();
  const health: Health = { Status: "starting", FailingStreak: 0, Log: [] };
  c.state.Health = health;
  const alive = () => c.process === proc && c.state.Running;
  void (async () => {
    for (;;) {
      await d.machine.sched.sleep(interval);
      if (!alive()) return;
      if (c.state.Paused) continue;
      const begin = d.now();
      const out = new Collector();
      let code: number;
      try {
        const { exec } = containerExecCreate(d, c.id, { argv });
        const run = containerExecStart(d, c, exec, { stdout: out, stderr: out });
        const timer = d.machine.sched.sleep(timeout).then(() => null);
        const r = await Promise.race([run, timer]);
        code = r === null ? -1 : r;
        if (r === null) {
          out.write(`Health check exceeded timeout (${timeout / 1000}s)`);
        }
      } catch (e) {
        code = -1;
        await out.write(e instanceof Error ? e.message : String(e));
      }
      if (!alive()) return;
      const output = out.text().slice(0, MAX_OUTPUT);
      health.Log.push({ Start: rfc3339(begin), End: rfc3339(d.now()), ExitCode: code, Output: output });
      if (health.Log.length > MAX_LOG) health.Log.shift();
      const before = health.Status;
      if (code === 0) {
        health.Status = "healthy";
        health.FailingStreak = 0;
      } else if (d.now() - started >= startPeriod || health.Status !== "starting") {
        health.FailingStreak++;
        if (health.FailingStreak >= retries) health.Status = "unhealthy";
      }
      if (health.Status !== before) {
        d.events.emit({ Type: "container", Action: `health_status: ${health.Status}`, Actor: { ID: c.id, Attributes: { name: c.name } }, time: d.now() });
      }
    }
  })();
}
