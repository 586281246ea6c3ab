/** docker network ls: networks sorted by name, with the engine's filters and --format fields. */
import type { Network } from "../../../daemon/network/store";
import { labelMatches } from "../../../daemon/network/manage";
import { invalidParameter } from "../../../daemon/errdefs";
import { bool, FORMAT_USAGE, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { contextJSON, renderFormat } from "../../template/table";
import { T, typed } from "../../template/index";

const NetworkContext = T.ptr(T.struct("formatter.networkContext", []));
const HEADER = { ID: "NETWORK ID", Name: "NAME", Driver: "DRIVER", Scope: "SCOPE", IPv6: "IPV6", Internal: "INTERNAL", Labels: "LABELS", Label: "LABEL", CreatedAt: "CREATED AT" };
const FILTERS = ["driver", "id", "label", "name", "scope", "type", "dangling"];

/** Go's time.Time String(): "2006-01-02 15:04:05.999999999 +0000 UTC". */
export function goTime(rfc: string): string {
  return rfc.replace("T", " ").replace(/Z$/, " +0000 UTC");
}

export function filterNetworks(nets: Network[], filters: string[], inUse: (n: Network) => boolean): Network[] {
  const by = new Map<string, string[]>();
  for (const f of filters) {
    const i = f.indexOf("=");
    const k = i < 0 ? f : f.slice(0, i);
    if (!FILTERS.includes(k)) throw invalidParameter(`Invalid filter '${k}'`);
    by.set(k, [...(by.get(k) ?? []), i < 0 ? "" : f.slice(i + 1)]);
  }
  const any = (k: string, test: (v: string) => boolean) => !by.has(k) || by.get(k)!.some(test);
  for (const t of by.get("type") ?? []) if (t !== "custom" && t !== "builtin") throw invalidParameter(`invalid filter: 'type'='${t}'`);
  return nets.filter(
    (n) =>
      any("driver", (v) => n.Driver === v) &&
      any("id", (v) => n.Id.startsWith(v)) &&
      any("name", (v) => n.Name.includes(v)) &&
      any("scope", (v) => n.Scope === v) &&
      any("type", (v) => (v === "builtin") === n.builtin) &&
      any("dangling", (v) => (v === "true" || v === "1") === (!n.builtin && !inUse(n))) &&
      (by.get("label") ?? []).every((v) => labelMatches(n.Labels, v)),
  );
}

registerCommand({
  path: "docker network ls",
  use: "[OPTIONS]",
  short: "List networks",
  aliases: ["docker network list"],
  args: { kind: "none" },
  flags: [
    { long: "filter", short: "f", type: "filter", usage: 'Provide filter values (e.g. "driver=bridge")' },
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "no-trunc", type: "bool", usage: "Do not truncate the output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only display network IDs" },
  ],
  async run(env, v) {
    const d = env.daemon;
    const all = [...d.networks.networks.values()].sort((a, b) => a.Name.localeCompare(b.Name));
    const inUse = (n: Network) => [...d.containers.values()].some((c) => c.networks[n.Name]);
    const shown = filterNetworks(all, list(v, "filter"), inUse);
    const trunc = !bool(v, "no-trunc");
    const id = (n: Network) => (trunc ? n.Id.slice(0, 12) : n.Id);
    if (bool(v, "quiet")) {
      await env.out(shown.map((n) => id(n) + "\n").join(""));
      return 0;
    }
    const ctxOf = (n: Network) => ({
      ID: () => id(n),
      Name: () => n.Name,
      Driver: () => n.Driver,
      Scope: () => n.Scope,
      IPv6: () => String(n.EnableIPv6),
      Internal: () => String(n.Internal),
      Labels: () => Object.entries(n.Labels).map(([k, x]) => `${k}=${x}`).join(","),
      Label: (k: string) => n.Labels[k] ?? "",
      CreatedAt: () => goTime(n.Created),
    });
    let format = str(v, "format");
    if (format === "json") {
      await env.out(shown.map((n) => contextJSON(ctxOf(n)) + "\n").join(""));
      return 0;
    }
    if (!format || format === "table") format = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    const r = renderFormat({ format, rows: shown.map((n) => typed(NetworkContext, ctxOf(n))), header: HEADER });
    if (!r.ok) {
      await env.err(`template: ${r.error}\n`);
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
