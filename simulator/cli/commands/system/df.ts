/** docker system df: disk usage per kind (images, containers, local volumes, build cache), or -v tables. */
import { diskUsage, type DiskUsage } from "../../../daemon/system/disk-usage";
import { bool, FORMAT_USAGE, str, type Command } from "../../command";
import { humanAgo, humanSize, humanSizeWithPrecision } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { contextJSON, renderFormat } from "../../template/table";
import { dockerTableWriter } from "../../template/tabwriter";
import { T, typed } from "../../template/index";
import { imageShown, psContext } from "../container/ps-context";
import { familiar } from "../../../daemon/images/lookup";

const SummaryContext = T.ptr(T.struct("formatter.diskUsageContext", []));
const HEADER = { Type: "TYPE", TotalCount: "TOTAL", Active: "ACTIVE", Size: "SIZE", Reclaimable: "RECLAIMABLE" };
const DEFAULT = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";

/** "1.983MB (90%)": the CLI adds the share of the total when the total is not zero. */
const withPercent = (part: number, total: number) => (total > 0 ? `${humanSize(part)} (${Math.floor((part * 100) / total)}%)` : humanSize(part));

function summary(u: DiskUsage) {
  const used = u.images.filter((i) => i.containers > 0).reduce((n, i) => n + i.size - i.shared, 0);
  const active = (s: string) => s === "running" || s === "paused" || s === "restarting";
  const rwTotal = u.containers.reduce((n, c) => n + c.sizeRw, 0);
  const rwFree = u.containers.filter((c) => !active(c.container.state.Status)).reduce((n, c) => n + c.sizeRw, 0);
  const volTotal = u.volumes.reduce((n, v) => n + v.size, 0);
  const volFree = u.volumes.filter((v) => v.links === 0).reduce((n, v) => n + v.size, 0);
  const cacheOwn = u.cache.filter((c) => !c.shared).reduce((n, c) => n + c.record.size, 0);
  return [
    { Type: "Images", TotalCount: u.images.length, Active: u.images.filter((i) => i.containers > 0).length, Size: humanSize(u.layersSize), Reclaimable: withPercent(u.layersSize - used, u.layersSize) },
    { Type: "Containers", TotalCount: u.containers.length, Active: u.containers.filter((c) => active(c.container.state.Status)).length, Size: humanSize(rwTotal), Reclaimable: withPercent(rwFree, rwTotal) },
    { Type: "Local Volumes", TotalCount: u.volumes.length, Active: u.volumes.filter((v) => v.links > 0).length, Size: humanSize(volTotal), Reclaimable: withPercent(volFree, volTotal) },
    { Type: "Build Cache", TotalCount: u.cache.length, Active: 0, Size: humanSize(cacheOwn), Reclaimable: humanSize(cacheOwn) },
  ];
}

/** The CLI's table writer (min width 10, padding 3) over tab-separated cells. */
function table(rows: string[][]): string {
  const w = dockerTableWriter();
  w.write(rows.map((r) => r.join("\t") + "\n").join(""));
  return w.flush();
}

function verbose(env: Parameters<Command["run"]>[0], u: DiskUsage): string {
  const d = env.daemon;
  const now = d.now();
  const created = (ms: number) => humanAgo(ms, now);
  let out = "Images space usage:\n\n";
  const imageRows = [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"]];
  for (const i of [...u.images].sort((a, b) => Date.parse(b.image.config.created) - Date.parse(a.image.config.created))) {
    const tags = d.images.tagsOf(i.image.id);
    const names = tags.length ? tags.map(familiar) : ["<none>:<none>"];
    for (const n of names) {
      const at = n.lastIndexOf(":");
      imageRows.push([n.slice(0, at), n.slice(at + 1), i.image.id.replace(/^sha256:/, "").slice(0, 12), created(Date.parse(i.image.config.created)), humanSizeWithPrecision(i.size, 3), humanSize(i.shared), humanSize(i.size - i.shared), String(i.containers)]);
    }
  }
  out += table(imageRows) + "\nContainers space usage:\n\n";
  const cRows = [["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS", "NAMES"]];
  for (const { container: c, sizeRw } of [...u.containers].sort((a, b) => b.container.created - a.container.created)) {
    const ps = psContext(d, c, true, false);
    const vols = c.mounts.filter((m) => m.Type === "volume").length;
    cRows.push([c.id.slice(0, 12), imageShown(d, c), ps.ctx.Command(), String(vols), humanSize(sizeRw), created(c.created), ps.ctx.Status(), c.name]);
  }
  out += table(cRows) + "\nLocal Volumes space usage:\n\n";
  const vRows = [["VOLUME NAME", "LINKS", "SIZE"], ...u.volumes.map((v) => [v.volume.Name, String(v.links), humanSize(v.size)])];
  out += table(vRows) + `\nBuild cache usage: ${humanSize(u.cache.filter((c) => !c.shared).reduce((n, c) => n + c.record.size, 0))}\n\n`;
  const bRows = [["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"]];
  for (const { record: r, shared } of [...u.cache].sort((a, b) => b.record.size - a.record.size || a.record.created - b.record.created)) {
    bRows.push([r.id.slice(0, 12), r.type ?? "regular", humanSizeWithPrecision(r.size, 3), created(r.created), created(r.lastUsed), String(r.usageCount), String(shared)]);
  }
  return out + table(bRows);
}

registerCommand({
  path: "docker system df",
  use: "[OPTIONS]",
  short: "Show docker disk usage",
  args: { kind: "none" },
  flags: [
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "verbose", short: "v", type: "bool", usage: "Show detailed information on space usage" },
  ],
  async run(env, v) {
    const u = diskUsage(env.daemon);
    if (bool(v, "verbose") && !str(v, "format")) {
      await env.out(verbose(env, u));
      return 0;
    }
    const rows = summary(u).map((r) => {
      const ctx = { Type: () => r.Type, TotalCount: () => String(r.TotalCount), Active: () => String(r.Active), Size: () => r.Size, Reclaimable: () => r.Reclaimable };
      return { ...ctx, MarshalJSON: () => contextJSON(ctx) };
    });
    let format = str(v, "format");
    if (format === "json") {
      await env.out(rows.map((r) => r.MarshalJSON() + "\n").join(""));
      return 0;
    }
    if (!format || format === "table") format = DEFAULT;
    const r = renderFormat({ format, rows: rows.map((x) => typed(SummaryContext, x)), header: HEADER });
    if (!r.ok) {
      await env.err(`template: ${r.error}\n`);
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
