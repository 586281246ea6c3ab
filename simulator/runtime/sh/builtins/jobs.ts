/** wait, jobs, and the job table's lookups and notices. */
import type { Process } from "../../process";
import type { Job, Shell } from "../shell";
import { jobStatus, STRSIGNAL, waitProcs } from "../spawn";
import { number } from "./util";
import { def } from "./table";

/** %N, %%, %+, %- (null when there is no such job). */
export function findJob(sh: Shell, spec: string): Job | null {
  const sorted = sh.jobs;
  if (spec === "%%" || spec === "%+" || spec === "%") return sorted[sorted.length - 1] ?? null;
  if (spec === "%-") return sorted[sorted.length - 2] ?? null;
  const n = Number(spec.replace(/^%/, ""));
  return sorted.find((j) => j.num === n) ?? null;
}

function state(j: Job): string {
  if (j.procs.some((p) => p.alive)) return "Running";
  const last = j.procs[j.procs.length - 1];
  if (last.termSignal !== null) return STRSIGNAL[last.termSignal] ?? `Signal ${last.termSignal}`;
  const st = j.statuses[j.statuses.length - 1] ?? 0;
  return st ? `Done(${st})` : "Done";
}

function line(sh: Shell, j: Job): string {
  const i = sh.jobs.indexOf(j);
  const mark = i === sh.jobs.length - 1 ? "+" : i === sh.jobs.length - 2 ? "-" : " ";
  const head = `[${j.num}]${mark}  ${state(j)}`;
  return head + " ".repeat(Math.max(1, 33 - head.length)) + j.cmd + "\n";
}

/** Before a prompt, an interactive shell reports finished jobs (on stderr) and forgets them. */
export async function reportJobs(sh: Shell): Promise<void> {
  const done = sh.jobs.filter((j) => !j.waited && j.procs.every((p) => !p.alive));
  if (!done.length) return;
  let out = "";
  for (const j of done) out += line(sh, j);
  sh.jobs = sh.jobs.filter((j) => !done.includes(j));
  await sh.err(out);
}

/** Wait for a job (or until a trapped signal arrives: then 128+signal). */
async function waitJob(sh: Shell, job: Job | null, announce: boolean): Promise<number | { signal: number }> {
  const procs: Process[] = job ? job.procs : sh.jobs.flatMap((j) => j.procs);
  for (;;) {
    const pendingSig = sh.proc.pending.find((s) => sh.traps.get(s));
    if (pendingSig !== undefined) return { signal: pendingSig };
    const live = procs.filter((p) => p.alive);
    if (live.length === 0) break;
    await sh.proc.guard(Promise.race([Promise.all(live.map((p) => p.exited)), sh.proc.nextSignal()]));
  }
  if (!job) return 0;
  const st = announce ? await waitProcs(sh, job.procs) : job.statuses.map((s) => s ?? 0);
  job.waited = true;
  sh.jobs = sh.jobs.filter((j) => j !== job);
  return jobStatus(sh, st);
}

def("wait", async (sh, argv) => {
  let args = argv.slice(1);
  let one = false;
  if (args[0] === "-n") {
    one = true;
    args = args.slice(1);
  }
  if (args.length === 0) {
    if (one) {
      const running = sh.jobs.filter((j) => j.procs.some((p) => p.alive));
      if (running.length === 0) return 127;
      await sh.proc.guard(Promise.race([...running.map((j) => Promise.all(j.procs.map((p) => p.exited))), sh.proc.nextSignal()]));
      const sig = sh.proc.pending.find((s) => sh.traps.get(s));
      if (sig !== undefined) return 128 | sig;
      const done = running.find((j) => j.procs.every((p) => !p.alive))!;
      sh.jobs = sh.jobs.filter((j) => j !== done);
      return jobStatus(sh, done.statuses.map((s) => s ?? 0));
    }
    const r = await waitJob(sh, null, false);
    if (typeof r !== "number") return 128 | r.signal;
    sh.jobs = [];
    return 0;
  }
  let ret = 127;
  for (const a of args) {
    let job: Job | null;
    if (a.startsWith("%")) {
      job = findJob(sh, a);
      if (!job) return sh.raise(`${a}: no such job`);
    } else {
      const pid = await number(sh, a);
      job = sh.jobs.find((j) => j.procs[j.procs.length - 1].nsPid === pid) ?? null;
      if (!job) {
        ret = 127;
        continue;
      }
    }
    const r = await waitJob(sh, job, true);
    if (typeof r !== "number") return 128 | r.signal;
    ret = r;
  }
  return ret;
});

def("jobs", async (sh) => {
  let out = "";
  for (const j of sh.jobs) out += line(sh, j);
  await sh.out(out);
  // reported finished jobs are forgotten
  sh.jobs = sh.jobs.filter((j) => j.procs.some((p) => p.alive));
  return 0;
});
