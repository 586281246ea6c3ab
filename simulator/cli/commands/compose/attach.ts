/**
 * Printing a project's container logs as Compose does: each line prefixed with the container's
 * name without the project ("web-1  | "), padded to the longest name; with `follow`, until the
 * containers stop (or the command is interrupted).
 */
import type { Container, LogEntry } from "../../../daemon/container/container";
import { followLogs } from "../../../daemon/container/logs";
import { logName } from "../../../compose/engine";
import type { CliEnv } from "../../command";
import { rfc3339 } from "../../../daemon/container/state";

export interface LogOptions {
  prefix: boolean;
  timestamps: boolean;
  tail: number | null;
  follow: boolean;
  /** Print "<name> exited with code N" when a followed container stops (up does). */
  exitStatus: boolean;
}

function lines(e: LogEntry): string[] {
  const t = new TextDecoder().decode(e.data);
  const parts = t.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export async function printLogs(env: CliEnv, cs: Container[], o: LogOptions, stopSignal?: Promise<void>): Promise<void> {
  const width = Math.max(0, ...cs.map((c) => logName(c).length)) + 1;
  const prefix = (c: Container) => (o.prefix ? `${logName(c).padEnd(width)} | ` : "");
  const write = async (c: Container, e: LogEntry) => {
    const sink = e.stream === "stderr" ? env.ctx.stderr : env.ctx.stdout;
    for (const l of lines(e)) await sink.write(`${prefix(c)}${o.timestamps ? rfc3339(e.time) + " " : ""}${l}\n`);
  };
  // follow from now on (before printing the past, so that nothing written meanwhile is lost)
  const live = o.follow ? cs.filter((c) => c.state.Running) : [];
  let pending = live.length;
  const queue: Array<{ c: Container; e: LogEntry | null }> = [];
  let wake: (() => void) | null = null;
  const stops = live.map((c) =>
    followLogs(c, (e) => {
      queue.push({ c, e });
      wake?.();
    }),
  );
  // what the containers logged so far, merged by time
  const past: Array<{ c: Container; e: LogEntry; i: number }> = [];
  cs.forEach((c, ci) => {
    let entries = c.logs;
    if (o.tail !== null) entries = o.tail === 0 ? [] : entries.slice(-o.tail);
    entries.forEach((e, i) => past.push({ c, e, i: ci * 1e6 + i }));
  });
  past.sort((a, b) => a.e.time - b.e.time || a.i - b.i);
  const ended = cs.filter((c) => !c.state.Running);
  for (const { c, e } of past) await write(c, e);
  if (!o.follow) return;
  // containers that had already ended report their exit now
  if (o.exitStatus) for (const c of ended) await env.out(`${logName(c)} exited with code ${c.state.ExitCode}\n`);
  if (live.length === 0) return;
  let interrupted = false;
  void stopSignal?.then(() => {
    interrupted = true;
    wake?.();
  });
  try {
    while (pending > 0 && !interrupted) {
      while (queue.length === 0 && !interrupted) await env.ctx.proc.guard(new Promise<void>((r) => (wake = r)));
      const item = queue.shift();
      if (!item) continue;
      if (item.e === null) {
        pending--;
        if (o.exitStatus) await env.out(`${logName(item.c)} exited with code ${item.c.state.ExitCode}\n`);
        continue;
      }
      await write(item.c, item.e);
    }
  } finally {
    for (const s of stops) s();
  }
}

/** Resolves at the first SIGINT or SIGTERM the command's process gets (Ctrl-C). */
export function interrupted(env: CliEnv): Promise<void> {
  const proc = env.ctx.proc;
  for (const s of [2, 15]) proc.handlers.set(s, "catch");
  return (async () => {
    while (proc.pending.length === 0) await proc.nextSignal();
    proc.pending.splice(0);
  })();
}
