/** docker logs: what the container wrote, from its log (and, with -f, as it writes more). */
import type { LogEntry } from "../../../daemon/container/container";
import { checkRef } from "./ref";
import { followLogs } from "../../../daemon/container/logs";
import { rfc3339 } from "../../../daemon/container/state";
import { bool, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { parseDuration } from "../../flags";
import { conflict } from "../../../daemon/errdefs";

/** GetTimestamp: a duration before now ("10m"), a Unix time ("1700000000.5"), or an RFC 3339 date or prefix of one. */
export function logTime(value: string, now: number): number | null {
  const dur = parseDuration(value);
  if (value !== "0" && dur.ok) return now - dur.ms;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4}-\d\d-\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d(?:\.\d+)?))?)?)?(Z|[+-]\d\d:\d\d)?$/i.exec(value);
  if (!m) return null;
  const iso = `${m[1]}T${m[2] ?? "00"}:${m[3] ?? "00"}:${m[4] ?? "00"}${(m[5] ?? "Z").toUpperCase()}`;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

registerCommand({
  path: "docker logs",
  use: "[OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  aliases: ["docker container logs"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "details", type: "bool", usage: "Show extra details provided to logs" },
    { long: "follow", short: "f", type: "bool", usage: "Follow log output" },
    { long: "since", type: "string", usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: "tail", short: "n", type: "string", default: "all", usage: 'Number of lines to show from the end of the logs (default "all")', defaultText: "" },
    { long: "timestamps", short: "t", type: "bool", usage: "Show timestamps" },
    { long: "until", type: "string", usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run(env, v, args) {
    checkRef(args[0]);
    const c = env.daemon.mustContainer(args[0]);
    const driver = c.hostConfig.extra?.LogConfig?.Type || "json-file";
    if (!["json-file", "local", "journald"].includes(driver)) throw conflict("configured logging driver does not support reading");
    const ts = bool(v, "timestamps");
    const range: { since?: number; until?: number } = {};
    for (const key of ["since", "until"] as const) {
      if (!str(v, key)) continue;
      const t = logTime(str(v, key), env.daemon.now());
      if (t === null) {
        await env.err(`invalid value for ${JSON.stringify(key)}: failed to parse value as time or duration: ${JSON.stringify(str(v, key))}\n`);
        return 1;
      }
      range[key] = t;
    }
    const inRange = (e: LogEntry) => (range.since === undefined || e.time >= range.since) && (range.until === undefined || e.time <= range.until);
    const write = async (e: LogEntry) => {
      if (!inRange(e)) return;
      const stamp = ts ? rfc3339(e.time).replace(/(\.\d+)?Z$/, (m, f: string | undefined) => (f ?? ".").padEnd(10, "0") + "Z") + " " : "";
      // --details: the entry's attributes (none are kept), then a space
      const prefix = stamp + (bool(v, "details") ? " " : "");
      const sink = e.stream === "stderr" ? env.ctx.stderr : env.ctx.stdout;
      if (prefix) {
        const text = new TextDecoder().decode(e.data);
        await sink.write(text.replace(/^(?=.)/gm, prefix));
      } else await sink.write(e.data);
    };
    let entries = c.logs;
    const tail = str(v, "tail");
    if (tail !== "all" && tail !== "" && /^\d+$/.test(tail)) {
      // --tail counts lines, whichever entries they came in
      const lines: LogEntry[] = [];
      for (const e of entries) {
        const parts = new TextDecoder().decode(e.data).split(/(?<=\n)/);
        for (const p of parts) if (p) lines.push({ ...e, data: new TextEncoder().encode(p) });
      }
      entries = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
    }
    for (const e of entries) await write(e);
    if (!bool(v, "follow") || !c.state.Running) return 0;
    const queue: Array<LogEntry | null> = [];
    let wake: (() => void) | null = null;
    const stop = followLogs(c, (e) => {
      queue.push(e);
      wake?.();
    });
    try {
      for (;;) {
        while (queue.length === 0) await env.ctx.proc.guard(new Promise<void>((r) => (wake = r)));
        const e = queue.shift()!;
        if (e === null) return 0;
        await write(e);
      }
    } finally {
      stop();
    }
  },
} satisfies Command);
