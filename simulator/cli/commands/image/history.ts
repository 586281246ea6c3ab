/** docker history: the image's history rows in docker's formatter (table, --format, json, -q, -H). */
import { type HistoryItem, imageHistory } from "../../../daemon/images/history";
import { bool, FORMAT_USAGE, str, type Command } from "../../command";
import { humanDuration, humanSizeWithPrecision } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { T, typed } from "../../template/index";
import { contextJSON, renderFormat } from "../../template/table";

const HistoryContext = T.ptr(T.struct("image.historyContext", []));
const HEADER = { ID: "IMAGE", CreatedSince: "CREATED", CreatedAt: "CREATED AT", CreatedBy: "CREATED BY", Size: "SIZE", Comment: "COMMENT" };
const DEFAULT_TABLE = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
const NON_HUMAN_TABLE = "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
/** Dates at or before 2000-01-01 show as N/A (images with zeroed dates). */
const EPOCH_2000 = Date.UTC(2000, 0, 1) / 1000;

/** formatter.Ellipsis for text of single-width characters. */
function ellipsis(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join("") + "…";
}

/** time.Unix(sec).Format(time.RFC3339) in UTC. */
function rfc3339(sec: number): string {
  return new Date(sec * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}

function context(h: HistoryItem, trunc: boolean, human: boolean, now: number) {
  const ctx = {
    ID: () => (trunc ? h.ID.slice(h.ID.indexOf(":") + 1).slice(0, 12) : h.ID),
    CreatedAt: () => rfc3339(h.Created),
    CreatedSince: () => (!human ? rfc3339(h.Created) : h.Created <= EPOCH_2000 ? "N/A" : humanDuration(now - h.Created * 1000) + " ago"),
    CreatedBy: () => (trunc ? ellipsis(h.CreatedBy.replace(/\t/g, " "), 45) : h.CreatedBy.replace(/\t/g, " ")),
    Size: () => (human ? humanSizeWithPrecision(h.Size, 3) : String(h.Size)),
    Comment: () => h.Comment,
  };
  // {{json .}} marshals every exported method's result (formatter.MarshalJSON)
  Object.defineProperty(ctx, "MarshalJSON", { value: () => contextJSON(ctx), enumerable: false });
  return ctx;
}

registerCommand({
  path: "docker history",
  use: "[OPTIONS] IMAGE",
  short: "Show the history of an image",
  aliases: ["docker image history"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "human", short: "H", type: "bool", default: true, usage: "Print sizes and dates in human readable format" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "platform", type: "string", usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")', hidden: true },
    { long: "quiet", short: "q", type: "bool", usage: "Only show image IDs" },
  ],
  async run(env, v, [ref]) {
    const items = imageHistory(env.daemon, ref);
    const human = bool(v, "human");
    let format = str(v, "format") || "table";
    if (format === "table") format = bool(v, "quiet") ? "{{.ID}}" : human ? DEFAULT_TABLE : NON_HUMAN_TABLE;
    const ctxs = items.map((h) => context(h, !bool(v, "no-trunc"), human, env.daemon.now()));
    if (format === "json") {
      await env.out(ctxs.map((c) => contextJSON(c) + "\n").join(""));
      return 0;
    }
    const r = renderFormat({ format, rows: ctxs.map((c) => typed(HistoryContext, c)), header: HEADER });
    if (!r.ok) {
      await env.err(`template parsing error: ${r.error}\n`);
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
