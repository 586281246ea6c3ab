/** Container output: every write is kept as a log entry (the json-file driver) and forwarded to attached clients. */
import { toBytes } from "../../util/bytes";
import type { Writable } from "../../runtime/streams";
import type { Container, LogEntry } from "./container";

const followers = new WeakMap<Container, Set<(e: LogEntry | null) => void>>();
/** Bytes currently held in each container's log (kept as a running total). */
const logBytes = new WeakMap<Container, number>();

/** Subscribe to new log entries; null means the container stopped. Returns an unsubscribe function. */
export function followLogs(c: Container, f: (e: LogEntry | null) => void): () => void {
  let set = followers.get(c);
  if (!set) followers.set(c, (set = new Set()));
  set.add(f);
  return () => set!.delete(f);
}

export function notifyStopped(c: Container): void {
  for (const f of followers.get(c) ?? []) f(null);
}

/** Bytes kept per container before the oldest entries are dropped (the simulator's log rotation). */
export const LOG_CAP = 1 << 20;

export function logWriter(c: Container, stream: "stdout" | "stderr", now: () => number, forward?: Writable): Writable {
  const w: Writable = {
    async write(d) {
      const data = toBytes(d);
      const e: LogEntry = { stream, time: now(), data };
      c.logs.push(e);
      let total = (logBytes.get(c) ?? c.logs.reduce((a, x) => a + x.data.length, 0) - data.length) + data.length;
      if (total > LOG_CAP) {
        let drop = 0;
        while (total > LOG_CAP * 0.75 && drop < c.logs.length - 1) total -= c.logs[drop++].data.length;
        c.logs.splice(0, drop);
      }
      logBytes.set(c, total);
      for (const f of followers.get(c) ?? []) f(e);
      if (forward) {
        try {
          await forward.write(data);
        } catch {
          forward = undefined; // the client went away; the container keeps running
        }
      }
    },
    close() {},
    dup: () => w,
    isTTY: c.config.Tty,
  };
  return w;
}
