/**
 * Replaying a commands link: the steps run on a fresh simulated host, in order. A command line
 * runs in a host shell as the learner, in the directory the previous line left (cd carries over;
 * shell variables do not), with simulated time jumping ahead and a time limit per line, so a
 * `sleep 300` costs nothing and a `docker logs -f` cannot hang the page. File steps go through
 * the same filesystem the editor uses. Nothing else runs: a step is a simulator command or a
 * file change on the simulated host.
 */
import type { Host } from "../../simulator/host/host";
import { LearnerFiles } from "../../simulator/host/files";
import type { Step } from "./schema";

/** Simulated time one replayed line may take before it is stopped. */
export const REPLAY_LINE_LIMIT_MS = 10 * 60 * 1000;

const CWD_MARK = "\u0001layerlab-cwd:";

export interface ReplayResult {
  /** Steps that failed (a command's exit status ≠ 0, or a refused file change), 1-based. */
  failed: number[];
}

export async function replaySteps(host: Host, steps: readonly Step[], home = "/home/learner"): Promise<ReplayResult> {
  const files = new LearnerFiles(host);
  let cwd = home;
  const failed: number[] = [];
  for (const [i, step] of steps.entries()) {
    try {
      if ("run" in step) {
        // the line runs as typed; a second line reports where it left the shell
        const r = await host.run(`${step.run}\n__layerlab_status=$?\nprintf '${CWD_MARK}%s' "$PWD" >&2\nexit $__layerlab_status`, { cwd, limitMs: REPLAY_LINE_LIMIT_MS });
        const at = r.stderr.lastIndexOf(CWD_MARK);
        if (at >= 0) cwd = r.stderr.slice(at + CWD_MARK.length);
        if (r.exit !== 0) failed.push(i + 1);
      } else if ("write" in step) files.write(step.write, step.text);
      else if ("create" in step) files.create(step.create, step.kind);
      else if ("rename" in step) files.rename(step.rename, step.to);
      else files.remove(step.remove);
    } catch {
      failed.push(i + 1);
    }
  }
  return { failed };
}

/**
 * Adds a step to a log, merging consecutive writes of one file (the editor saves as the learner
 * types). A null log (steps not known) stays null.
 */
export function appendStep(log: Step[] | null, step: Step, limit = 500): Step[] | null {
  if (!log) return null;
  const last = log[log.length - 1];
  if (last && "write" in last && "write" in step && last.write === step.write) return [...log.slice(0, -1), step];
  if (log.length >= limit) return null;
  return [...log, step];
}
