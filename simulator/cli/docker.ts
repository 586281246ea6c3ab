/**
 * The `docker` program on the simulated host: global options, finding the command, parsing its
 * flags the way cobra/pflag do, and printing errors the way the docker CLI does.
 */
import type { Daemon } from "../daemon/daemon";
import type { Program } from "../runtime/program";
import type { CliEnv } from "./command";
import { errorMessage } from "./errors";
import { argsErrorText, flagErrorText, parseFlags, unknownCommandText } from "./flags";
import { renderHelp } from "./help";
import { TOP_LEVEL_HELP } from "./help-top";
import { COMMANDS, GROUPS } from "./registry";
import "./commands/index";

export const CLIENT_VERSION = "Docker version 28.2.2, build e6534b4";

export function dockerProgram(daemon: Daemon): Program {
  return async (ctx) => {
    const env: CliEnv = {
      ctx,
      daemon,
      out: (s) => ctx.stdout.write(s),
      err: (s) => ctx.stderr.write(s),
    };
    const argv = ctx.argv.slice(1);
    if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
      await env.out(TOP_LEVEL_HELP);
      return 0;
    }
    if (argv[0] === "--version" || argv[0] === "-v") {
      await env.out(CLIENT_VERSION + "\n");
      return 0;
    }
    if (argv[0] === "help") return helpCommand(env, argv.slice(1));
    if (argv[0].startsWith("-")) {
      await env.err(`unknown flag: ${argv[0]}\nSee 'docker --help'.\n`);
      return 125;
    }
    let words = 1;
    let key = argv[0];
    if (GROUPS[key] !== undefined && argv.length > 1 && !argv[1].startsWith("-")) {
      const sub = `${key} ${argv[1]}`;
      if (COMMANDS.has(sub)) {
        key = sub;
        words = 2;
      } else {
        await env.err(`docker: unknown command: docker ${sub}\n\nUsage:  docker ${argv[0]}\n\nRun 'docker ${argv[0]} --help' for more information\n`);
        return 1;
      }
    } else if (GROUPS[key] !== undefined && !COMMANDS.has(key)) {
      await env.err(groupHelp(key));
      return 0;
    }
    const cmd = COMMANDS.get(key);
    if (!cmd) {
      const t = unknownCommandText(argv[0]);
      await env.err(t.stderr);
      return t.exitCode;
    }
    const info = { path: cmd.path, use: cmd.use };
    const parsed = parseFlags(argv.slice(words), cmd.flags, { interspersed: cmd.interspersed ?? true });
    if (!parsed.ok) {
      const t = flagErrorText(info, parsed.error);
      await env.err(t.stderr);
      return t.exitCode;
    }
    for (const w of parsed.warnings) await env.out(w + "\n");
    if (parsed.help) {
      await env.out(cmd.help ? cmd.help() : renderHelp({ path: cmd.path, use: cmd.use, short: cmd.short, long: cmd.long, aliases: cmd.aliases ? [...cmd.aliases, cmd.path] : undefined, flags: cmd.flags }));
      return 0;
    }
    const bad = argsErrorText(info, cmd.args, parsed.args.length, parsed.args[0]);
    if (bad) {
      await env.err(bad.stderr);
      return bad.exitCode;
    }
    try {
      return await cmd.run(env, parsed.values, parsed.args, parsed.changed);
    } catch (e) {
      if (e instanceof Error && (e.name === "Killed" || e.name === "ExitRequest" || e.name === "BrokenPipe")) throw e;
      await env.err(errorMessage(e) + "\n");
      return 1;
    }
  };
}

/** A management command's help: its subcommands, one line each under the name docker shows. */
function groupHelp(group: string): string {
  const seen = new Map<string, string>();
  for (const cmd of new Set(COMMANDS.values())) {
    const p = [cmd.path, ...(cmd.aliases ?? [])].find((x) => x.startsWith(`docker ${group} `));
    if (p) seen.set(p.slice(`docker ${group} `.length), cmd.short);
  }
  const subcommands = [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, short]) => ({ name, short }));
  return renderHelp({ path: `docker ${group}`, use: "COMMAND", short: GROUPS[group], subcommands });
}

/** docker help [COMMAND...]: the help of the command those words name. */
async function helpCommand(env: CliEnv, words: string[]): Promise<number> {
  if (words.length === 0) {
    await env.out(TOP_LEVEL_HELP);
    return 0;
  }
  const key = words.slice(0, 2).join(" ");
  const cmd = COMMANDS.get(key) ?? COMMANDS.get(words[0]);
  if (!cmd && GROUPS[words[0]] !== undefined && words.length === 1) {
    await env.out(groupHelp(words[0]));
    return 0;
  }
  if (!cmd) {
    await env.err(`unknown help topic: ${words.join(" ")}\n`);
    return 1;
  }
  const path = COMMANDS.get(key) ? `docker ${key}` : cmd.path;
  await env.out(renderHelp({ path: cmd.path === path ? cmd.path : path, use: cmd.use, short: cmd.short, long: cmd.long, aliases: cmd.aliases ? [...cmd.aliases, cmd.path] : undefined, flags: cmd.flags }));
  return 0;
}
