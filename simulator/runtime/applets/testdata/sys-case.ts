/** The system applets' recorded cases: one container per case, its steps run one after another. */
import { base64Encode } from "../../../util/bytes";
import type { LabFile } from "./sys-lab";

export interface SysCase {
  /** Unique within its group. */
  name: string;
  /** Each step is a command run with `docker exec` in the same container (no shell). */
  steps: string[][];
  /** Standard input of the last step. */
  stdin?: string;
  /** Files created (as root, dated 2024-01-01) before the steps. */
  files?: LabFile[];
  /** Docker's --user for the steps. */
  user?: string;
  capAdd?: string[];
  /** Memory limit in MiB (--memory and --memory-swap). */
  memoryMiB?: number;
  groupAdd?: number[];
  hostname?: string;
  env?: Record<string, string>;
  /** Working directory of the steps (default /). */
  cwd?: string;
  /** [regex source, replacement] pairs applied to stdout and stderr of both sides (host-specific values). */
  mask?: Array<[string, string]>;
  /** The simulator knowingly differs here; the reason is listed and the case is not compared. */
  differs?: string;
}

export interface StepResult {
  stdout: string;
  stderr: string;
  exit: number;
}

/** Recorded results by case name. */
export type Recording = Record<string, StepResult[]>;

export function applyMask(s: string, mask: SysCase["mask"]): string {
  for (const [re, rep] of mask ?? []) s = s.replace(new RegExp(re, "g"), rep);
  return s;
}

/** Non-text output is kept as "base64:..." so that recordings stay JSON. */
export function decodeOutput(b: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return "base64:" + base64Encode(b);
  }
}
