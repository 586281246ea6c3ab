/**
 * What the `docker compose` subcommands share: their definition (one verb per file), the
 * global options (-f, -p, --project-directory, --env-file, --progress), loading the project,
 * the engine operations' I/O, and Compose's way of printing warnings and errors.
 */
import type { ArgsRule, FlagDef } from "../../flags";
import type { CliEnv, Values } from "../../command";
import { loadProject, type Loaded } from "../../../compose/load";
import { type EngineIO, Progress } from "../../../compose/engine";
import { ComposeError } from "../../../compose/types";
import { rfc3339 } from "../../../daemon/container/state";

export interface ComposeGlobals {
  files: string[];
  projectName: string;
  projectDir: string;
  envFiles: string[];
  progress: string;
}

export interface ComposeEnv {
  env: CliEnv;
  globals: ComposeGlobals;
  /** Load the project (throws ComposeError). Warnings are printed on first load. */
  load(): Promise<Loaded>;
  /** The project's name without needing its file when -p is given. */
  projectName(): Promise<string>;
  io(): EngineIO;
  warn(msg: string): Promise<void>;
}

export interface ComposeVerb {
  name: string;
  use: string;
  short: string;
  flags: FlagDef[];
  args: ArgsRule;
  interspersed?: boolean;
  run(cx: ComposeEnv, v: Values, args: string[], changed: string[]): Promise<number>;
}

export const VERBS = new Map<string, ComposeVerb>();

export function registerVerb(v: ComposeVerb): void {
  VERBS.set(v.name, v);
}

/** logrus as Compose configures it: "WARN[0000] msg" on a terminal, key=value otherwise. */
export function warnText(env: CliEnv, msg: string): string {
  if (env.ctx.stderr.isTTY) return msg.split("\n").map((l) => `WARN[0000] ${l}`).join("\n") + "\n";
  return `time="${rfc3339(env.daemon.now()).replace(/\.\d+Z$/, "Z")}" level=warning msg=${JSON.stringify(msg)}\n`;
}

export function makeComposeEnv(env: CliEnv, globals: ComposeGlobals): ComposeEnv {
  let loaded: Loaded | null = null;
  const warn = (msg: string) => env.err(warnText(env, msg));
  const cx: ComposeEnv = {
    env,
    globals,
    warn,
    async load() {
      if (loaded) return loaded;
      loaded = loadProject(env.ctx.fs, {
        cwd: env.ctx.cwd,
        files: globals.files,
        projectName: globals.projectName || undefined,
        projectDir: globals.projectDir || undefined,
        env: env.ctx.env,
        envFiles: globals.envFiles,
      });
      for (const w of loaded.project.warnings) await warn(w);
      return loaded;
    },
    async projectName() {
      if (globals.projectName) return globals.projectName;
      return (await cx.load()).project.name;
    },
    io() {
      const mode = globals.progress === "quiet" ? "quiet" : "plain";
      return { d: env.daemon, fs: env.ctx.fs, progress: new Progress(env.ctx.stderr, mode), stderr: env.ctx.stderr, stdout: env.ctx.stdout, warn };
    },
  };
  return cx;
}

/** Print a Compose error and give its exit status. */
export async function composeFailure(env: CliEnv, e: unknown): Promise<number> {
  if (e instanceof ComposeError) {
    await env.err(e.message + "\n");
    return e.exitCode;
  }
  throw e;
}
