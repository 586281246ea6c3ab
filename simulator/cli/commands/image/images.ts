/** docker images / image ls: one row per repository:tag (or <none>), newest image first. */
import { type ImageSummary, imagesList } from "../../../daemon/images/list";
import { familiar } from "../../../daemon/images/lookup";
import { imageSize, shortId } from "../../../daemon/images/image";
import { bool, FORMAT_USAGE, list, str, type Command } from "../../command";
import { humanDuration, humanSize, humanSizeWithPrecision } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { T, typed } from "../../template/index";
import { contextJSON, renderFormat } from "../../template/table";

const ImageContext = T.ptr(T.struct("formatter.imageContext", []));
const HEADER = { ID: "IMAGE ID", Repository: "REPOSITORY", Tag: "TAG", Digest: "DIGEST", CreatedSince: "CREATED", CreatedAt: "CREATED AT", Size: "SIZE", Containers: "CONTAINERS", VirtualSize: "SIZE", SharedSize: "SHARED SIZE", UniqueSize: "UNIQUE SIZE" };

interface Row {
  repo: string;
  tag: string;
  s: ImageSummary;
}

/** The rows of one image: "<none>" once for an untagged image, else one per tag. */
function rowsOf(s: ImageSummary): Row[] {
  return s.repoTags.map((rt) => {
    const i = rt.lastIndexOf(":");
    return { repo: rt.slice(0, i), tag: rt.slice(i + 1), s };
  });
}

/** Go's time.Time String() in UTC: "2024-01-01 00:00:00 +0000 UTC". */
function goTime(sec: number): string {
  return new Date(sec * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000 UTC");
}

registerCommand({
  path: "docker images",
  use: "[OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  aliases: ["docker image ls", "docker image list"],
  args: { kind: "max", n: 1 },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Show all images (default hides intermediate images)" },
    { long: "digests", type: "bool", usage: "Show digests" },
    { long: "filter", short: "f", type: "filter", usage: "Filter output based on conditions provided" },
    { long: "format", type: "string", usage: FORMAT_USAGE },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
    { long: "quiet", short: "q", type: "bool", usage: "Only show image IDs" },
    { long: "tree", type: "bool", usage: "List multi-platform images as a tree (EXPERIMENTAL)", hidden: true },
  ],
  async run(env, v, args) {
    const d = env.daemon;
    const filters = [...list(v, "filter"), ...(args[0] ? [`reference=${args[0]}`] : [])];
    const rows = imagesList(d, { all: bool(v, "all"), filters }).flatMap(rowsOf);
    const trunc = !bool(v, "no-trunc");
    const ctxOf = (r: Row) => {
      const ctx = {
      ID: () => (trunc ? shortId(r.s.img.id) : r.s.img.id),
      Repository: () => r.repo,
      Tag: () => r.tag,
      // the repository digest (from a pull or push) of this row's repository
      Digest: () => (r.s.img.repoDigests ?? []).map(familiar).find((x) => x.slice(0, x.indexOf("@")) === r.repo)?.slice(r.repo.length + 1) ?? "<none>",
      CreatedSince: () => humanDuration(d.now() - r.s.created * 1000) + " ago",
      CreatedAt: () => goTime(r.s.created),
      Size: () => humanSizeWithPrecision(imageSize(r.s.img), 3),
      Containers: () => "N/A",
      VirtualSize: () => humanSize(imageSize(r.s.img)),
      SharedSize: () => "N/A",
      UniqueSize: () => "N/A",
      };
      // {{json .}} marshals every exported method's result (formatter.MarshalJSON)
      Object.defineProperty(ctx, "MarshalJSON", { value: () => contextJSON(ctx), enumerable: false });
      return ctx;
    };
    let format = str(v, "format");
    if (bool(v, "quiet") && (format === "" || format === "table")) format = "{{.ID}}";
    if (format === "json") {
      await env.out(rows.map((r) => contextJSON(ctxOf(r)) + "\n").join(""));
      return 0;
    }
    if (!format || format === "table") {
      format = bool(v, "digests")
        ? "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
        : "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    }
    const r = renderFormat({ format, rows: rows.map((x) => typed(ImageContext, ctxOf(x))), header: HEADER });
    if (!r.ok) {
      await env.err(`template parsing error: ${r.error}\n`);
      return 1;
    }
    await env.out(r.output);
    return 0;
  },
} satisfies Command);
