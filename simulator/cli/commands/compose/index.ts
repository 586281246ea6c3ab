/**
 * `docker compose` (Compose v2, as the CLI plugin docker-compose 2.29): the global options,
 * then one subcommand, each in its own file. Progress events print as with
 * `--progress=plain` (see docs/differences.md).
 */
import { bool, list, str, type Command } from "../../command";
import { argsErrorText, flagErrorText, parseFlags, type FlagDef } from "../../flags";
import { renderHelp } from "../../help";
import { registerCommand } from "../../registry";
import { makeComposeEnv, VERBS } from "./shared";
import "./build";
import "./config";
import "./down";
import "./exec";
import "./logs";
import "./ps";
import "./restart";
import "./run";
import "./start";
import "./stop";
import "./up";
import "./version";

const GLOBAL_FLAGS: FlagDef[] = [
  { long: "all-resources", type: "bool", usage: "Include all resources, even those not used by services" },
  { long: "ansi", type: "string", default: "auto", usage: 'Control when to print ANSI control characters ("never"|"always"|"auto")' },
  { long: "compatibility", type: "bool", usage: "Run compose in backward compatibility mode" },
  { long: "dry-run", type: "bool", usage: "Execute command in dry run mode" },
  { long: "env-file", type: "stringArray", usage: "Specify an alternate environment file" },
  { long: "file", short: "f", type: "stringArray", usage: "Compose configuration files" },
  { long: "parallel", type: "int", default: -1, usage: "Control max parallelism, -1 for unlimited" },
  { long: "profile", type: "stringArray", usage: "Specify a profile to enable" },
  { long: "progress", type: "string", default: "auto", usage: 'Set type of progress output (auto, tty, plain, json, quiet)' },
  { long: "project-directory", type: "string", usage: "Specify an alternate working directory\n(default: the path of the, first specified, Compose file)" },
  { long: "project-name", short: "p", type: "string", usage: "Project name" },
];

function composeHelp(): string {
  const subcommands = [...VERBS.values()].map((v) => ({ name: v.name, short: v.short })).sort((a, b) => (a.name < b.name ? -1 : 1));
  return renderHelp({ path: "docker compose", use: "COMMAND", short: "Define and run multi-container applications with Docker", flags: GLOBAL_FLAGS, subcommands });
}

const COMPOSE: Command = {
  path: "docker compose",
  use: "[OPTIONS] COMMAND",
  short: "Docker Compose",
  interspersed: false,
  args: { kind: "min", n: 0 },
  flags: GLOBAL_FLAGS,
  help: composeHelp,
  async run(env, v, args) {
    if (args.length === 0) {
      await env.out(composeHelp());
      return 0;
    }
    const verb = VERBS.get(args[0]);
    if (!verb) {
      await env.err(`unknown docker command: "compose ${args[0]}"\n`);
      return 1;
    }
    const info = { path: `docker compose ${verb.name}`, use: verb.use };
    const parsed = parseFlags(args.slice(1), verb.flags, { interspersed: verb.interspersed ?? true });
    if (!parsed.ok) {
      const t = flagErrorText(info, parsed.error);
      await env.err(t.stderr);
      return 16;
    }
    if (parsed.help) {
      await env.out(renderHelp({ path: info.path, use: verb.use, short: verb.short, flags: verb.flags }));
      return 0;
    }
    const bad = argsErrorText(info, verb.args, parsed.args.length, parsed.args[0]);
    if (bad) {
      await env.err(bad.stderr);
      return 16;
    }
    const progress = str(v, "progress") || "auto";
    if (!["auto", "tty", "plain", "json", "quiet"].includes(progress)) {
      await env.err(`unsupported --progress value "${progress}"\n`);
      return 16;
    }
    void bool;
    const cx = makeComposeEnv(env, { files: list(v, "file"), projectName: str(v, "project-name"), projectDir: str(v, "project-directory"), envFiles: list(v, "env-file"), progress });
    return verb.run(cx, parsed.values, parsed.args, parsed.changed);
  },
};

registerCommand(COMPOSE);
