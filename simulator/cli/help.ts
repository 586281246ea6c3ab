/**
 * `docker <command> --help` in docker 28's layout (docker/cli's usage template over cobra and
 * pflag's FlagUsagesWrapped at 79 columns, as when stdout is not a terminal).
 *
 *   renderHelp({ path: "docker rm", use: "[OPTIONS] CONTAINER [CONTAINER...]",
 *                short: "Remove one or more containers", aliases: ["docker container rm", ...],
 *                flags: rmFlags })
 *
 * The top-level `docker --help` is printed as recorded (TOP_LEVEL_HELP in help-top.ts).
 */
import type { FlagDef } from "./flags";

export interface HelpCommand {
  path: string;
  use: string;
  short: string;
  long?: string;
  /** Full alias paths as docker 28 lists them: "docker container rm, docker rm". */
  aliases?: string[];
  example?: string;
  flags?: FlagDef[];
  /** For command groups such as `docker network`: subcommand names and descriptions. */
  subcommands?: { name: string; short: string }[];
}

const TYPE_NAMES: Record<string, string> = {
  bool: "",
  int64: "int",
  uint64: "uint",
  stringSlice: "strings",
  stringArray: "stringArray",
};

/** pflag's UnquoteUsage: the `name` in backquotes, or the type name. */
function unquoteUsage(f: FlagDef): { name: string; usage: string } {
  const m = /`([^`]*)`/.exec(f.usage);
  if (m) return { name: m[1], usage: f.usage.replace(m[0], m[1]) };
  const t = f.typeName ?? TYPE_NAMES[f.type] ?? f.type;
  return { name: t, usage: f.usage };
}

function defaultSuffix(f: FlagDef): string {
  let text = f.defaultText;
  if (text === undefined) {
    const d = f.default;
    if (d === undefined || d === null || d === false || d === "" || d === 0) return "";
    if (Array.isArray(d)) {
      if (d.length === 0) return "";
      text = f.type === "stringSlice" || f.type === "stringArray" ? `[${d.join(",")}]` : `[${d.join(" ")}]`;
    } else text = String(d);
  }
  if (["false", "", "0", "<nil>", "0s"].includes(text) && f.type !== "list" && f.type !== "filter") return "";
  if (f.type === "string") return ` (default ${JSON.stringify(text)})`;
  return ` (default ${text})`;
}

function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ""];
  const head = s.slice(0, i);
  const w = Math.max(head.lastIndexOf(" "), head.lastIndexOf("\t"), head.lastIndexOf("\n"));
  if (w <= 0) return [s, ""];
  const nl = head.lastIndexOf("\n");
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag's wrap(i, w, s): first line unindented, the rest indented by i. */
function wrap(i: number, w: number, s: string): string {
  const indentNL = (t: string, n: number) => t.replace(/\n/g, "\n" + " ".repeat(n));
  if (w === 0) return indentNL(s, i);
  let width = w - i;
  let r = "";
  if (width < 24) {
    i = 16;
    width = w - i;
    r += "\n" + " ".repeat(i);
  }
  if (width < 24) return s.replace(/\n/g, r);
  const slop = 5;
  width -= slop;
  let [l, rest] = wrapN(width, slop, s);
  r += indentNL(l, i);
  while (rest !== "") {
    let t: string;
    [t, rest] = wrapN(width, slop, rest);
    r += "\n" + " ".repeat(i) + indentNL(t, i);
  }
  return r;
}

/** pflag's FlagUsagesWrapped(cols): the Options block. */
export function flagUsages(flags: FlagDef[], cols = 79): string {
  const visible = flags.filter((f) => !f.hidden && !f.deprecated).sort((a, b) => (a.long < b.long ? -1 : a.long > b.long ? 1 : 0));
  const lines: string[] = [];
  let maxlen = 0;
  for (const f of visible) {
    let line = f.short ? `  -${f.short}, --${f.long}` : `      --${f.long}`;
    const { name, usage } = unquoteUsage(f);
    if (name) line += " " + name;
    line += "\0";
    if (line.length > maxlen) maxlen = line.length;
    line += usage + defaultSuffix(f);
    lines.push(line);
  }
  let out = "";
  for (const line of lines) {
    const sidx = line.indexOf("\0");
    const spacing = " ".repeat(maxlen - sidx);
    out += line.slice(0, sidx) + " " + spacing + " " + wrap(maxlen + 2, cols, line.slice(sidx + 1)) + "\n";
  }
  return out;
}

/** The help text `docker <command> --help` prints (to stdout, exit status 0). */
export function renderHelp(cmd: HelpCommand, cols = 79): string {
  const flags = (cmd.flags ?? []).filter((f) => !f.hidden && !f.deprecated);
  const hasSub = (cmd.subcommands?.length ?? 0) > 0;
  let s = "Usage:";
  if (!hasSub) s += "  " + (cmd.use ? `${cmd.path} ${cmd.use}` : cmd.path);
  else s += "  " + cmd.path + (flags.length > 0 ? " [OPTIONS]" : "") + " COMMAND";
  s += "\n\n" + (cmd.long ? cmd.long : cmd.short).trim();
  if (cmd.aliases && cmd.aliases.length > 0) s += "\n\nAliases:\n  " + cmd.aliases.join(", ");
  if (cmd.example) s += "\n\nExamples:\n" + cmd.example;
  if (flags.length > 0) s += "\n\nOptions:\n" + flagUsages(flags, cols).replace(/\s+$/, "");
  if (hasSub) {
    const pad = Math.max(11, ...cmd.subcommands!.map((c) => c.name.length));
    s += "\n\nCommands:";
    for (const c of cmd.subcommands!) s += "\n  " + c.name.padEnd(pad) + " " + c.short;
    s += `\n\nRun '${cmd.path} COMMAND --help' for more information on a command.`;
  }
  return s + "\n";
}
