/**
 * Command-line flags as docker parses them (spf13/pflag under cobra), driven by a flag table:
 *
 *   const r = parseFlags(["-dp", "8080:80", "--name=web", "busybox", "sh"], runFlags, { interspersed: false });
 *   r.ok ? (r.values.detach, r.values.publish, r.args) : r.error  // "unknown flag: --foo", ...
 *
 * Supports combined shorthands (-it, -dp 8080:80, -eA=1), --name=x and --name x, -e A=1 -eB=2,
 * repeatable flags, `--` ending the flags, bool flags with =true/false, and stopping at the
 * first positional argument (docker run/exec). Errors are pflag's texts; flagErrorText() and
 * argsErrorText() add what docker prints around them (exit codes 125 and 1).
 */
import { setValue, zeroOf } from "./flag-values";

export { parseDuration } from "./flag-values";

export type FlagType =
  | "bool"
  | "string"
  | "int"
  | "int64"
  | "uint"
  | "uint16"
  | "uint64"
  | "duration"
  | "stringArray"
  | "stringSlice"
  | "list"
  | "map"
  | "bytes"
  | "decimal"
  | "filter";

export type FlagValue = boolean | string | number | string[] | Record<string, string> | null;

export interface FlagDef {
  long: string;
  short?: string;
  type: FlagType;
  /** Default value (bool false, "", 0, [] when omitted). */
  default?: FlagValue;
  usage: string;
  hidden?: boolean;
  /** Deprecation message: pflag prints "Flag --x has been deprecated, <msg>" when used. */
  deprecated?: string;
  /** Type name shown in help when it differs from the type ("list", "bytes", "uint16", ...). */
  typeName?: string;
  /** DefValue as pflag shows it in help ("(default 0)", "(default [])"); computed when omitted. */
  defaultText?: string;
  /** Checks (and may rewrite) one value; returns an error text like docker's option validators. */
  validate?: (value: string) => { ok: true; value?: string } | { ok: false; error: string };
}

export interface ParseOptions {
  /** false: everything from the first positional argument on is an argument (docker run/exec). */
  interspersed?: boolean;
}

export type ParseResult =
  | {
      ok: true;
      values: Record<string, FlagValue>;
      /** Long names of the flags given on the command line, in order of first use. */
      changed: string[];
      args: string[];
      /** Index in args where `--` appeared, or -1. */
      argsLenAtDash: number;
      /** --help/-h was given (true): the caller prints the command's help instead of running it. */
      help: boolean;
      /** Deprecation notices pflag prints (docker shows them on stdout), e.g. for -h. */
      warnings: string[];
    }
  | { ok: false; error: string };

/** docker's persistent --help flag: hidden, and its -h shorthand deprecated ("use --help"). */
const HELP_FLAG: FlagDef = { long: "help", short: "h", type: "bool", usage: "Print usage", hidden: true };

const noOptDefVal = (def: FlagDef) => (def.type === "bool" ? "true" : "");

/** Parses args against a flag table (pflag's parseArgs). */
export function parseFlags(argv: string[], table: FlagDef[], opts: ParseOptions = {}): ParseResult {
  const interspersed = opts.interspersed ?? true;
  const all = table.some((d) => d.long === "help") ? table : [...table, HELP_FLAG];
  const byLong = new Map(all.map((d) => [d.long, d]));
  const byShort = new Map(all.filter((d) => d.short).map((d) => [d.short!, d]));
  const values: Record<string, FlagValue> = {};
  for (const d of all) values[d.long] = zeroOf(d);
  const changed: string[] = [];
  const warnings: string[] = [];
  const positional: string[] = [];
  let argsLenAtDash = -1;

  const apply = (def: FlagDef, value: string): string | null => {
    const err = setValue(def, value, values, changed.includes(def.long));
    if (err !== null) {
      const flagName = def.short ? `-${def.short}, --${def.long}` : `--${def.long}`;
      return `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagName)} flag: ${err}`;
    }
    if (!changed.includes(def.long)) changed.push(def.long);
    if (def.deprecated) warnings.push(`Flag --${def.long} has been deprecated, ${def.deprecated}`);
    return null;
  };

  let args = [...argv];
  while (args.length > 0) {
    const s = args.shift()!;
    if (s.length === 0 || s[0] !== "-" || s.length === 1) {
      if (!interspersed) {
        positional.push(s, ...args);
        break;
      }
      positional.push(s);
      continue;
    }
    if (s[1] === "-") {
      if (s.length === 2) {
        argsLenAtDash = positional.length;
        positional.push(...args);
        break;
      }
      let name = s.slice(2);
      if (name.length === 0 || name[0] === "-" || name[0] === "=") return { ok: false, error: `bad flag syntax: ${s}` };
      const eq = name.indexOf("=");
      const inline = eq >= 0 ? name.slice(eq + 1) : null;
      if (eq >= 0) name = name.slice(0, eq);
      const def = byLong.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let value: string;
      if (inline !== null) value = inline;
      else if (noOptDefVal(def)) value = noOptDefVal(def);
      else if (args.length > 0) value = args.shift()!;
      else return { ok: false, error: `flag needs an argument: ${s}` };
      const err = apply(def, value);
      if (err) return { ok: false, error: err };
      continue;
    }
    // shorthands: each one sees the args as they were before this word (as pflag does)
    let shorthands = s.slice(1);
    const before = args;
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0)!);
      let rest = shorthands.slice(c.length);
      const def = byShort.get(c);
      if (!def) return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` };
      if (def === HELP_FLAG) warnings.push("Flag shorthand -h has been deprecated, use --help");
      let value: string;
      if (shorthands.length > c.length + 1 && rest[0] === "=") {
        value = rest.slice(1);
        rest = "";
      } else if (noOptDefVal(def)) value = noOptDefVal(def);
      else if (rest.length > 0) {
        value = rest;
        rest = "";
      } else if (before.length > 0) {
        value = before[0];
        args = before.slice(1);
      } else return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` };
      const err = apply(def, value);
      if (err) return { ok: false, error: err };
      shorthands = rest;
    }
  }
  const help = values.help === true;
  if (all !== table) delete values.help;
  return { ok: true, values, changed: changed.filter((c) => all === table || c !== "help"), args: positional, argsLenAtDash, help, warnings };
}

/** A command as the error texts and help need it. */
export interface CommandInfo {
  /** Full path, e.g. "docker run" or "docker network ls". */
  path: string;
  /** Use line after the command name, e.g. "[OPTIONS] IMAGE [COMMAND] [ARG...]". */
  use: string;
  hasSubCommands?: boolean;
}

/** cobra's UseLine: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]". */
export function useLine(cmd: CommandInfo): string {
  return cmd.use ? `${cmd.path} ${cmd.use}` : cmd.path;
}

/** What docker prints for a flag error (docker's FlagErrorFunc); exit status 125. */
export function flagErrorText(cmd: CommandInfo, error: string): { stderr: string; exitCode: 125 } {
  return {
    stderr: `${error}\n\nUsage:  ${useLine(cmd)}\n\nRun '${cmd.path} --help' for more information\n`,
    exitCode: 125,
  };
}

export type ArgsRule =
  | { kind: "none" }
  | { kind: "min"; n: number }
  | { kind: "max"; n: number }
  | { kind: "exact"; n: number }
  | { kind: "range"; min: number; max: number };

const plural = (n: number) => (n === 1 ? "argument" : "arguments");

/**
 * docker/cli's positional-argument checks (cli/required.go), or null when args fit. Exit status 1.
 * The texts differ by rule: "See" for at-least, "Run" for the others, and "SRun" (sic) for
 * at-most, exactly as docker 28.2 prints them.
 */
export function argsErrorText(cmd: CommandInfo, rule: ArgsRule, nargs: number, firstArg?: string): { stderr: string; exitCode: 1 } | null {
  const bin = cmd.path.split(" ")[0];
  const p = cmd.path;
  const usage = `\n\nUsage:  ${useLine(cmd)}\n\n`;
  let msg: string | null = null;
  switch (rule.kind) {
    case "none":
      if (nargs === 0) return null;
      msg = cmd.hasSubCommands
        ? `${bin}: unknown command: ${p} ${firstArg ?? ""}${usage}Run '${p} --help' for more information`
        : `${bin}: '${p}' accepts no arguments${usage}Run '${p} --help' for more information`;
      break;
    case "min":
      if (nargs >= rule.n) return null;
      msg = `${bin}: '${p}' requires at least ${rule.n} ${plural(rule.n)}${usage}See '${p} --help' for more information`;
      break;
    case "max":
      if (nargs <= rule.n) return null;
      msg = `${bin}: '${p}' requires at most ${rule.n} ${plural(rule.n)}${usage}SRun '${p} --help' for more information`;
      break;
    case "exact":
      if (nargs === rule.n) return null;
      msg = `${bin}: '${p}' requires ${rule.n} ${plural(rule.n)}${usage}Run '${p} --help' for more information`;
      break;
    case "range":
      if (nargs >= rule.min && nargs <= rule.max) return null;
      msg = `${bin}: '${p}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}${usage}Run '${p} --help' for more information`;
      break;
  }
  return { stderr: msg + "\n", exitCode: 1 };
}

/** `docker foo`: the top-level unknown-command text (exit status 1). */
export function unknownCommandText(name: string): { stderr: string; exitCode: 1 } {
  return { stderr: `docker: unknown command: docker ${name}\n\nRun 'docker --help' for more information\n`, exitCode: 1 };
}
