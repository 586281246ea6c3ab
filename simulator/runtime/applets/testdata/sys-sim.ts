/** Replays a recorded system-applet case on the simulator (the counterpart of sys-record.mts). */
import { Collector } from "../../streams";
import "../index";
import { type StepResult, type SysCase, decodeOutput } from "./sys-case";
import { Lab } from "./sys-lab";

export async function simulate(c: SysCase): Promise<StepResult[]> {
  const lab = new Lab({
    hostname: c.hostname,
    user: c.user,
    capAdd: c.capAdd,
    memory: c.memoryMiB ? c.memoryMiB * 1024 * 1024 : undefined,
    groupAdd: c.groupAdd,
    env: c.env,
    files: c.files,
  });
  // the container's main process, like `docker run -d busybox sleep 1000`
  lab.spawn(["sleep", "1000"], { stdout: new Collector(), stderr: new Collector() });
  const out: StepResult[] = [];
  for (let i = 0; i < c.steps.length; i++) {
    const last = i === c.steps.length - 1;
    const r = await lab.run(c.steps[i], { stdin: last ? (c.stdin ?? "") : "", cwd: c.cwd ?? "/" });
    out.push({ stdout: decodeOutput(r.out), stderr: r.stderr, exit: r.exit });
  }
  return out;
}
