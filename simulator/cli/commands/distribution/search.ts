/**
 * docker search: Docker Hub's repositories whose name or description holds the term, as the
 * CLI's table (NAME, DESCRIPTION, STARS, OFFICIAL; descriptions cut to 45 characters with "…"
 * unless --no-trunc), with --limit (default 25) and the is-official / stars filters.
 */
import { distributionOf } from "../../../distribution/service";
import { bool, list, num, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { alignTable } from "../../template/tabwriter";

registerCommand({
  path: "docker search",
  use: "[OPTIONS] TERM",
  short: "Search Docker Hub for images",
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "filter", short: "f", type: "stringArray", typeName: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: "Pretty-print search using a Go template" },
    { long: "limit", type: "int", usage: "Max number of search results" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
  ],
  async run(env, v, [term]) {
    const hub = distributionOf(env.daemon).hub;
    for (const n of hub.officialNames()) hub.ensure(n);
    const limit = num(v, "limit") || 25;
    if (limit < 1 || limit > 100) throw new Error(`Error response from daemon: limit ${limit} is outside the range of [1, 100]`);
    let official: boolean | null = null;
    let stars = 0;
    for (const f of list(v, "filter")) {
      const [k, val = ""] = f.split("=");
      if (k === "is-official") official = val === "true";
      else if (k === "stars") stars = Number(val) || 0;
      else throw new Error(`Error response from daemon: invalid filter '${k}'`);
    }
    const t = term.toLowerCase();
    const rows = [...hub.repos]
      .filter(([name, r]) => !r.private && (name.includes(t) || (r.description ?? "").toLowerCase().includes(t)))
      .filter(([, r]) => (official === null || !!r.official === official) && (r.stars ?? 0) >= stars)
      .sort(([an, a], [bn, b]) => (b.stars ?? 0) - (a.stars ?? 0) || (an < bn ? -1 : 1))
      .slice(0, limit);
    const trunc = (s: string) => (!bool(v, "no-trunc") && s.length > 45 ? s.slice(0, 44) + "…" : s);
    const fmt = str(v, "format");
    if (fmt) {
      for (const [name, r] of rows) {
        const nm = name.replace(/^library\//, "");
        await env.out(fmt.replace(/\{\{\s*\.Name\s*\}\}/g, nm).replace(/\{\{\s*\.Description\s*\}\}/g, trunc(r.description ?? "")).replace(/\{\{\s*\.StarCount\s*\}\}/g, String(r.stars ?? 0)).replace(/\{\{\s*\.IsOfficial\s*\}\}/g, String(!!r.official)) + "\n");
      }
      return 0;
    }
    const lines = [["NAME", "DESCRIPTION", "STARS", "OFFICIAL"], ...rows.map(([name, r]) => [name.replace(/^library\//, ""), trunc(r.description ?? ""), String(r.stars ?? 0), r.official ? "[OK]" : ""])];
    await env.out(alignTable(lines.map((l) => l.join("\t") + "\n").join("")));
    return 0;
  },
} satisfies Command);
