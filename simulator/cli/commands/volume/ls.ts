/** docker volume ls: volumes sorted by name, with filters and --format fields. */
import type { Volume } from "../../../daemon/volume/store";
import { volumeList } from "../../../daemon/volume/manage";
import { bool, FORMAT_USAGE, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { contextJSON, renderFormat } from "../../template/table";
import { T, typed } from "../../template/index";

const VolumeContext = T.ptr(T.struct("formatter.volumeContext", []));
const HEADER = { Name: "VOLUME NAME", Driver: "DRIVER", Scope: "SCOPE", Mountpoint: "MOUNTPOINT", Labels: "LABELS", Label: "LABEL", Links: "LINKS", Size: "SIZE", Group: "GROUP", Availability: "AVAILABILITY", Status: "STATUS" };

registerCommand({
  path: "docker volume ls",
  use: "[OPTIONS]",
  short: "List volumes",
  aliases: ["docker volume list"],
  args: { kind: "none" },
  flags: [
    { long: "cluster", type: "bool", usage: "Display only cluster volumes, and use cluster volume list formatting", hidden: true },
    { long: "filter", short: "f", type: "filter", usage: 'Provide filter values (e.g. "dangling=true")' },
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "quiet", short: "q", type: "bool", usage: "Only display volume names" },
  ],
  async run(env, v) {
    const shown = volumeList(env.daemon, list(v, "filter"));
    if (bool(v, "quiet")) {
      await env.out(shown.map((x) => x.Name + "\n").join(""));
      return 0;
    }
    const ctxOf = (x: Volume) => ({
      Name: () => x.Name,
      Driver: () => x.Driver,
      Scope: () => x.Scope,
      Mountpoint: () => x.Mountpoint,
      Labels: () => Object.entries(x.Labels ?? {}).map(([k, val]) => `${k}=${val}`).sort().join(","),
      Label: (k: string) => x.Labels?.[k] ?? "",
      Links: () => "N/A",
      Size: () => "N/A",
      Group: () => "N/A",
      Availability: () => "N/A",
      Status: () => "N/A",
    });
    let format = str(v, "format");
    if (format === "json") {
      await env.out(shown.map((x) => contextJSON(ctxOf(x)) + "\n").join(""));
      return 0;
    }
    if (!format || format === "table") format = "table {{.Driver}}\t{{.Name}}";
    const r = renderFormat({ format, rows: shown.map((x) => typed(VolumeContext, ctxOf(x))), header: HEADER });
    if (!r.ok) {
      await env.err(`template: ${r.error}\n`);
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
