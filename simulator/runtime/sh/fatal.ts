/**
 * The last line of defence of a shell process: conditions that kill the real shell (stack
 * overflow, memory exhaustion) end it the same way here; anything else escaping the
 * interpreter is a bug, reported to `internalErrors` (tests watch it) and ends the shell.
 */
import { ExitRequest, Killed } from "../process";
import { SIGNALS } from "../signals";
import { BrokenPipe } from "../streams";
import { DepthExceeded, Interrupted, OutOfMemory } from "./errors";
import { FdError, type Shell } from "./shell";

/** Observers of unexpected JavaScript errors inside the shell (for tests and fuzzing). */
export const internalErrors: { report: ((e: unknown) => void) | null } = { report: null };

export async function fatal(sh: Shell, e: unknown): Promise<number> {
  if (e instanceof Killed || e instanceof BrokenPipe) throw e;
  if (e instanceof ExitRequest) return e.code;
  if (e instanceof Interrupted) return 128 + SIGNALS.INT;
  if (e instanceof DepthExceeded || (e instanceof RangeError && /call stack/i.test(e.message))) throw new Killed(SIGNALS.SEGV);
  if (e instanceof OutOfMemory || (e instanceof RangeError && /length|memory/i.test(e.message))) {
    await sh.err(`${sh.appletName}: out of memory\n`);
    return 1;
  }
  if (e instanceof FdError) {
    await sh.err(`${sh.appletName}: write error: Bad file descriptor\n`);
    return 1;
  }
  internalErrors.report?.(e);
  throw e;
}
