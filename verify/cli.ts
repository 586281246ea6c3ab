/**
 * npm run --silent verify -- <command>: Layerlab's exercises checked against your own Docker.
 *
 *   list                 exercises that run on a real Docker engine
 *   setup <id>           prepare an exercise (working folder, images, containers)
 *   check <id> [--json]  run its checks: exit 0 pass, 1 fail, 2 error
 *   clean [<id>]         remove what setup created, and only that
 *
 * Exit codes: 0 success (check: pass), 1 check failed, 2 error (no daemon, permission denied,
 * unknown exercise, missing image, a setup step that failed).
 */
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Docker from "dockerode";
import { messageOf, textsOf, type Exercise, type Locale } from "../simulator/check/exercise";
import type { CheckReport } from "../simulator/check/runner";
import { describeEndpoint, dockerOptions, explainConnectionError, resolveEndpoint, SetupError, thisMachine, withTimeout, type Endpoint, type Machine } from "./connect";
import { verifyCommands } from "./commands";
import { CALL_TIMEOUT_MS } from "./docker-engine";
import { checkExercise, cleanExercise, readRecord, setupExercise, workDirOf, type Lab } from "./lab";
import { StepError } from "./steps";

export const EXIT = { ok: 0, fail: 1, error: 2 } as const;

export const USAGE = `Usage: npm run --silent verify -- <command>

Check Layerlab exercises against the Docker engine on this machine.

Commands:
  list                  list the exercises that run on a real Docker engine
  setup <exercise-id>   prepare an exercise: writes its files into a working folder (printed)
                        and creates the images and containers it starts from
  check <exercise-id>   run the exercise's checks against your Docker engine
        [--json]        machine-readable result
  clean [<exercise-id>] remove what setup created (for one exercise, or for all), and only that

Exit codes: 0 pass, 1 a check failed, 2 error.
Everything setup creates carries the label io.layerlab.verify=<exercise-id>; nothing is pulled.
The engine is the one \`docker\` uses: DOCKER_HOST, else the current docker context.
Working folders: ~/.layerlab/verify/<exercise-id>/ (or under $LAYERLAB_VERIFY_DIR).
Exercise texts are in Japanese when LANG (or LC_ALL, LC_MESSAGES) starts with ja, e.g. LANG=ja_JP.UTF-8.
`;

export type Command =
  | { name: "help" }
  | { name: "list" }
  | { name: "setup"; id: string }
  | { name: "check"; id: string; json: boolean }
  | { name: "clean"; id?: string };

/** Reads the command line; a string is a usage error (exit 2). */
export function parseArgs(args: readonly string[]): Command | string {
  const json = args.includes("--json");
  if (args.includes("--help") || args.includes("-h") || args[0] === "help") return { name: "help" };
  const unknown = args.find((a) => a.startsWith("-") && a !== "--json");
  if (unknown) return `unknown option ${unknown}`;
  const words = args.filter((a) => a !== "--json");
  const [name, ...rest] = words;
  if (!name) return "no command given";
  if (json && name !== "check") return "--json goes with check";
  switch (name) {
    case "list":
      return rest.length === 0 ? { name } : `list takes no arguments`;
    case "setup":
    case "check":
      if (rest.length !== 1) return `${name} needs one exercise id (see: npm run --silent verify -- list)`;
      return name === "setup" ? { name, id: rest[0] } : { name, id: rest[0], json };
    case "clean":
      if (rest.length > 1) return "clean takes at most one exercise id";
      return { name, id: rest[0] };
    default:
      return `unknown command ${JSON.stringify(name)}`;
  }
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface Deps {
  io: Io;
  machine: Machine;
  exercises: readonly Exercise[];
  /** Makes the API client for an endpoint (tests pass a fake). */
  connect?: (ep: Endpoint, m: Machine) => Docker;
  dockerCommand?: string;
}

/** Where working folders and setup records live. */
export function verifyRoot(m: Machine): string {
  return m.env.LAYERLAB_VERIFY_DIR || join(m.home, ".layerlab", "verify");
}

function findReal(exercises: readonly Exercise[], id: string): Exercise {
  const ex = exercises.find((e) => e.id === id);
  if (!ex) throw new SetupError(`Unknown exercise ${JSON.stringify(id)}. See the list: npm run --silent verify -- list`);
  if (ex.real !== true) throw new SetupError(`Exercise ${id} runs only in the simulator: ${ex.real.reason}`);
  return ex;
}

/** The language of exercise texts in reports: Japanese when the locale environment asks for it. */
export function reportLocale(env: Record<string, string | undefined>): Locale {
  const chosen = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ja(_|\.|$)/.test(chosen) ? "ja" : "en";
}

export function formatReport(ex: Exercise, report: CheckReport, locale: Locale = "en"): string {
  const texts = textsOf(ex, locale);
  const lines = [`${ex.id}: ${texts.title}`];
  report.results.forEach(({ result }, index) => {
    lines.push(`  ${result.pass ? "PASS" : "FAIL"}  ${texts.checks[index] ?? report.results[index].description}`);
    const message = messageOf(result, locale);
    if (message) lines.push(...message.split("\n").map((l) => `        ${l}`));
  });
  const failed = report.results.filter((r) => !r.result.pass).length;
  const total = report.results.length;
  if (locale === "ja") lines.push(report.pass ? `合格: ${total} 個のチェックすべてがこの Docker エンジンで通りました。` : `まだです: ${total} 個のチェックのうち ${failed} 個が通っていません。`);
  else lines.push(report.pass ? `Passed: all ${total} checks hold on your Docker engine.` : `Not yet: ${failed} of ${total} checks failed.`);
  return lines.join("\n") + "\n";
}

async function connect(deps: Deps): Promise<{ docker: Docker; endpoint: Endpoint }> {
  const m = deps.machine;
  const endpoint = resolveEndpoint(m);
  const docker = deps.connect ? deps.connect(endpoint, m) : new Docker(dockerOptions(endpoint, m, CALL_TIMEOUT_MS));
  try {
    await withTimeout(docker.ping(), 10_000, "ping");
  } catch (e) {
    throw new SetupError(explainConnectionError(e, endpoint, m) ?? `Cannot talk to the Docker daemon at ${describeEndpoint(endpoint)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { docker, endpoint };
}

function lab(deps: Deps, docker: Docker, endpoint: Endpoint, log: (line: string) => void): Lab {
  const env = { ...deps.machine.env };
  // the docker command reaches the same engine: the endpoint found, not a context of its own choosing
  if (endpoint.source !== "DOCKER_HOST" && endpoint.source !== "default") {
    env.DOCKER_HOST = endpoint.host;
    delete env.DOCKER_CONTEXT;
  }
  return { docker, root: verifyRoot(deps.machine), dockerCommand: deps.dockerCommand, env, log };
}

/** The whole command; resolves to the exit code. */
export async function main(args: readonly string[], deps: Deps): Promise<number> {
  const { io } = deps;
  const cmd = parseArgs(args);
  if (typeof cmd === "string") {
    io.err(`verify: ${cmd}\n\n${USAGE}`);
    return EXIT.error;
  }
  const json = cmd.name === "check" && cmd.json;
  try {
    switch (cmd.name) {
      case "help":
        io.out(USAGE);
        return EXIT.ok;
      case "list": {
        const real = deps.exercises.filter((e) => e.real === true);
        if (real.length === 0) io.out("No exercise runs on a real Docker engine yet.\n");
        const width = Math.max(0, ...real.map((e) => e.id.length));
        for (const e of real) io.out(`${e.id.padEnd(width)}  ${e.title}\n`);
        const simOnly = deps.exercises.length - real.length;
        if (simOnly > 0) io.out(`(${simOnly} more ${simOnly === 1 ? "exercise runs" : "exercises run"} only in the simulator)\n`);
        return EXIT.ok;
      }
      case "setup": {
        const ex = findReal(deps.exercises, cmd.id);
        const { docker, endpoint } = await connect(deps);
        io.out(`Setting up ${ex.id} on ${describeEndpoint(endpoint)}\n`);
        const { workDir } = await setupExercise(lab(deps, docker, endpoint, (l) => io.out(l + "\n")), ex);
        const c = verifyCommands(ex.id);
        io.out(`\nWorking folder: ${workDir}\nDo the exercise there (cd ${workDir}), then check your work:\n  ${c.check}\nWhen you are done: ${c.clean}\n`);
        return EXIT.ok;
      }
      case "check": {
        const ex = findReal(deps.exercises, cmd.id);
        const { docker, endpoint } = await connect(deps);
        const l = lab(deps, docker, endpoint, () => {});
        const setupDone = ex.setup.length === 0 || (await readRecord(l.root, ex.id)) !== null;
        const report = await checkExercise(l, ex);
        if (json) {
          const checks = report.results.map(({ description, result }) => ({ description, pass: result.pass, ...(result.message ? { message: result.message } : {}) }));
          io.out(JSON.stringify({ exercise: ex.id, engine: endpoint.host, pass: report.pass, setupDone, checks }, null, 2) + "\n");
        } else {
          if (!setupDone) io.err(`Note: setup has not been run for ${ex.id} on this engine (${verifyCommands(ex.id).setup}).\n`);
          io.out(formatReport(ex, report, reportLocale(deps.machine.env)));
        }
        return report.pass ? EXIT.ok : EXIT.fail;
      }
      case "clean": {
        if (cmd.id !== undefined && !deps.exercises.some((e) => e.id === cmd.id)) findReal(deps.exercises, cmd.id);
        const { docker, endpoint } = await connect(deps);
        const r = await cleanExercise(lab(deps, docker, endpoint, () => {}), cmd.id);
        const what = cmd.id ?? "every exercise";
        if (r.removed.length === 0 && r.kept.length === 0) io.out(`Nothing to remove for ${what}.\n`);
        else if (r.removed.length > 0) io.out(`Removed (${what}):\n${r.removed.map((x) => `  ${x}\n`).join("")}`);
        if (r.kept.length > 0) io.out(`Kept (still in use or referenced; remove what uses them, then clean again):\n${r.kept.map((x) => `  ${x}\n`).join("")}`);
        if (r.unrecorded.length > 0) io.out(`Left alone (they carry the label but setup did not create them, e.g. built from or run from a Layerlab image):\n${r.unrecorded.map((x) => `  ${x}\n`).join("")}`);
        return r.kept.length > 0 ? EXIT.error : EXIT.ok;
      }
    }
  } catch (e) {
    const known = e instanceof SetupError || e instanceof StepError;
    const m = deps.machine;
    let text = e instanceof Error ? e.message : String(e);
    if (!known) {
      // a connection lost midway still gets the explanation
      try {
        text = explainConnectionError(e, resolveEndpoint(m), m) ?? text;
      } catch {
        /* keep the original message */
      }
    }
    if (json) io.out(JSON.stringify({ exercise: cmd.name === "check" ? cmd.id : undefined, error: text }, null, 2) + "\n");
    else io.err(`verify: ${text}\n`);
    return EXIT.error;
  }
}

/** True when this file is the program node runs (not imported by a test). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const { allExercises } = await import("../content/exercises");
  const code = await main(process.argv.slice(2), {
    io: { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
    machine: thisMachine(),
    exercises: allExercises,
  });
  // pending sockets must not keep the process alive past the answer
  process.stdout.write("", () => process.exit(code));
}
