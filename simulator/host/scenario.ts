/**
 * Running a transcript scenario (see tests/scenarios/README.md): each step is one terminal line,
 * run by its own shell in the working directory, as root with HOME=/root, LC_ALL=C and TZ=UTC,
 * exactly as the real-Docker recorder runs it.
 */
import { split } from "../fs/path";
import { rootCred } from "../runtime/cred";
import { createHost, type Host, type HostOptions } from "./host";

export const SCENARIO_WORKDIR = "/tmp/dsim/work";
/** Copied files get this mtime so the build cache never depends on checkout time. */
export const SCENARIO_FILE_TIME = Date.UTC(2024, 0, 1);

export interface ScenarioFile {
  /** Path relative to files/. */
  path: string;
  data: Uint8Array;
  mode?: number;
}

export interface TranscriptStep {
  cmd: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** The steps of a steps.sh: non-blank lines that are not comments. */
export function parseSteps(text: string): string[] {
  return text.split("\n").filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
}

export function seedFiles(host: Host, files: ScenarioFile[]): void {
  const fs = host.machine.rootfs;
  const mk = (parts: string[]) => {
    for (let i = 1; i <= parts.length; i++) if (!fs.node(parts.slice(0, i))) fs.mkdir(parts.slice(0, i), { mode: 0o755, mtime: SCENARIO_FILE_TIME });
  };
  const work = split(SCENARIO_WORKDIR);
  mk(work);
  for (const f of files) {
    const p = [...work, ...split(f.path)];
    mk(p.slice(0, -1));
    fs.writeFile(p, f.data, { mode: f.mode ?? 0o644, mtime: SCENARIO_FILE_TIME });
  }
  for (let i = 1; i <= work.length; i++) fs.setattr(work.slice(0, i), { mtime: SCENARIO_FILE_TIME });
}

/**
 * Scenario clocks start here, away from SCENARIO_FILE_TIME: the normaliser keeps that fixed
 * file date, so times the engine takes from its clock must not fall on it.
 */
export const SCENARIO_START = Date.UTC(2025, 5, 2, 9, 30);

export async function runScenario(steps: string[], files: ScenarioFile[], opts: HostOptions = {}): Promise<TranscriptStep[]> {
  const host = createHost({ start: SCENARIO_START, ...opts });
  seedFiles(host, files);
  const env = { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LC_ALL: "C", TZ: "UTC", PWD: SCENARIO_WORKDIR };
  const out: TranscriptStep[] = [];
  for (const cmd of steps) {
    const r = await host.run(cmd, { cwd: SCENARIO_WORKDIR, env, cred: rootCred() });
    out.push({ cmd, exit: r.exit, stdout: r.stdout, stderr: r.stderr });
  }
  return out;
}
