/** docker ps: containers, newest first, as a table or through --format. */
import { listContainers } from "../../../daemon/list";
import { bool, FORMAT_USAGE, list, num, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { renderFormat } from "../../template/table";
import { PS_HEADER, psContext } from "./ps-context";

const DEFAULT = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

registerCommand({
  path: "docker ps",
  use: "[OPTIONS]",
  short: "List containers",
  aliases: ["docker container ls", "docker container list", "docker container ps"],
  args: { kind: "none" },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all containers (default shows just running)" },
    { long: "filter", short: "f", type: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "last", short: "n", type: "int", default: -1, usage: "Show n last created containers (includes all states)" },
    { long: "latest", short: "l", type: "bool", usage: "Show the latest created container (includes all states)" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display container IDs" },
    { long: "size", short: "s", type: "bool", usage: "Display total file sizes" },
  ],
  async run(env, v) {
    const d = env.daemon;
    const last = bool(v, "latest") ? 1 : num(v, "last");
    const cs = listContainers(d, { all: bool(v, "all"), limit: last, filters: list(v, "filter") });
    const trunc = !bool(v, "no-trunc");
    let format = str(v, "format");
    if (bool(v, "quiet") && !format) format = "{{.ID}}";
    if (!format || format === "table") format = bool(v, "size") ? DEFAULT + "\t{{.Size}}" : DEFAULT;
    // the CLI asks the daemon for sizes when the template uses .Size ({{json .}} does)
    const withSize = bool(v, "size") || /\.Size\b|json \.\s*}}/.test(format);
    const rows = cs.map((c) => psContext(d, c, trunc, withSize));
    if (format === "json") {
      await env.out(rows.map((r) => (r.ctx as unknown as { MarshalJSON(): string }).MarshalJSON() + "\n").join(""));
      return 0;
    }
    const r = renderFormat({ format, rows: rows.map((x) => x.typed), header: PS_HEADER });
    if (!r.ok) {
      await env.err((r.stage === "parse" ? "failed to parse template: " : "failed to execute template: ") + r.error + "\n");
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
