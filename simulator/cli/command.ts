/** What a docker CLI command is: its usage, flag table, argument rule and what it does. */
import type { Daemon } from "../daemon/daemon";
import type { ProcessContext } from "../runtime/program";
import type { ArgsRule, FlagDef, FlagValue } from "./flags";

/** What a running command may use: the process it runs in and the engine it talks to. */
export interface CliEnv {
  ctx: ProcessContext;
  daemon: Daemon;
  out(s: string): Promise<void>;
  err(s: string): Promise<void>;
}

export type Values = Record<string, FlagValue>;

export interface Command {
  /** Full path as docker prints it: "docker run", "docker network ls". */
  path: string;
  use: string;
  short: string;
  /** The longer description `--help` prints instead of `short`, when the command has one. */
  long?: string;
  /** Alias paths, as `--help` lists them ("docker container run, docker run"). */
  aliases?: string[];
  flags: FlagDef[];
  args: ArgsRule;
  /** false for commands that stop parsing flags at the first argument (run, exec). */
  interspersed?: boolean;
  /** The `--help` text, for commands that print their own (docker compose lists its subcommands). */
  help?: () => string;
  /** `changed` lists the flags given on the command line (to tell "-t 0" from no -t). */
  run(env: CliEnv, v: Values, args: string[], changed: string[]): Promise<number>;
}

export const str = (v: Values, k: string): string => (v[k] as string | undefined) ?? "";
export const bool = (v: Values, k: string): boolean => v[k] === true;
export const list = (v: Values, k: string): string[] => (v[k] as string[] | undefined) ?? [];
export const num = (v: Values, k: string): number => (v[k] as number | undefined) ?? 0;

export const FORMAT_USAGE =
  "Format output using a custom template:\n'table':            Print output in table format with column headers (default)\n" +
  "'table TEMPLATE':   Print output in table format using the given Go template\n'json':             Print in JSON format\n" +
  "'TEMPLATE':         Print output using the given Go template.\n" +
  "Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates";
