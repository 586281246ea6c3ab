/** docker stats: a table of containers' resource use, once (--no-stream) or every second. */
import type { Container } from "../../../daemon/container/container";
import { checkRef } from "./ref";
import { listContainers } from "../../../daemon/list";
import { containerStats } from "../../../daemon/stats";
import { bool, FORMAT_USAGE, str, type CliEnv, type Command } from "../../command";
import { errorMessage } from "../../errors";
import { bytesSize, humanSizeWithPrecision } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { T, typed } from "../../template/index";
import { contextJSON, renderFormat } from "../../template/table";

const DEFAULT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
const HEADER = { Container: "CONTAINER", ID: "CONTAINER ID", Name: "NAME", CPUPerc: "CPU %", MemUsage: "MEM USAGE / LIMIT", MemPerc: "MEM %", NetIO: "NET I/O", BlockIO: "BLOCK I/O", PIDs: "PIDS" };
const StatsContext = T.ptr(T.struct("container.statsContext", []));

function row(env: CliEnv, c: Container, given: string, trunc: boolean) {
  const s = containerStats(env.daemon, c);
  const pct = (x: number) => `${x.toFixed(2)}%`;
  const io = (a: number, b: number) => `${humanSizeWithPrecision(a, 3)} / ${humanSizeWithPrecision(b, 3)}`;
  const ctx: Record<string, () => string> = {
    Container: () => given,
    ID: () => (trunc ? c.id.slice(0, 12) : c.id),
    Name: () => c.name,
    CPUPerc: () => pct(s.cpuPercent),
    MemUsage: () => `${bytesSize(s.memUsage)} / ${bytesSize(s.memLimit)}`,
    MemPerc: () => pct(s.memLimit ? (s.memUsage / s.memLimit) * 100 : 0),
    NetIO: () => io(s.netRx, s.netTx),
    BlockIO: () => io(s.blockRead, s.blockWrite),
    PIDs: () => String(s.pids),
  };
  Object.defineProperty(ctx, "MarshalJSON", { value: () => contextJSON(ctx), enumerable: false });
  return ctx;
}

async function render(env: CliEnv, targets: Array<{ c: Container; given: string }>, format: string, trunc: boolean): Promise<string | null> {
  const rows = targets.map((t) => row(env, t.c, t.given, trunc));
  if (format === "json") return rows.map((r) => contextJSON(r) + "\n").join("");
  const r = renderFormat({ format, rows: rows.map((x) => typed(StatsContext, x)), header: HEADER });
  if (!r.ok) {
    await env.err(`template parsing error: ${r.error}\n`);
    return null;
  }
  return r.output;
}

registerCommand({
  path: "docker stats",
  use: "[OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  aliases: ["docker container stats"],
  args: { kind: "min", n: 0 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "no-stream", type: "bool", usage: "Disable streaming stats and only pull the first result" },
    { long: "no-trunc", type: "bool", usage: "Do not truncate output" },
  ],
  async run(env, v, args) {
    const d = env.daemon;
    const errors: string[] = [];
    const targets: Array<{ c: Container; given: string }> = [];
    if (args.length) {
      for (const ref of args) {
        try {
          checkRef(ref);
          targets.push({ c: d.mustContainer(ref), given: ref });
        } catch (e) {
          errors.push(errorMessage(e));
        }
      }
    } else for (const c of listContainers(d, { all: bool(v, "all"), limit: 0, filters: [] })) targets.push({ c, given: c.id.slice(0, 12) });
    const format = str(v, "format") || DEFAULT;
    const trunc = !bool(v, "no-trunc");
    for (;;) {
      if (args.length && targets.length === 0) break;
      const out = await render(env, targets, format === "table" ? DEFAULT : format, trunc);
      if (out === null) return 1;
      if (bool(v, "no-stream")) {
        await env.out(out);
        break;
      }
      await env.out((env.ctx.stdout.isTTY ? "\x1b[2J\x1b[H" : "") + out);
      await env.ctx.sleep(1000);
    }
    if (errors.length) await env.err(errors.join("\n") + "\n");
    return errors.length ? 1 : 0;
  },
} satisfies Command);
