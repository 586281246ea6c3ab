/**
 * The views' change signal: one notification per scheduled frame, however many things changed in
 * it. Sources are a terminal session's finished commands (Session.onCommandDone), the daemon's
 * event stream (a container that dies or restarts on its own, a start in the middle of a long
 * command) and ticks the page sends while something shown changes with time (uptimes).
 */
import type { Daemon } from "../daemon/daemon";

export type ChangeReason = "command" | "engine" | "tick";

export interface CommandSource {
  onCommandDone(listener: (e: { line: string; exitCode: number }) => void): () => void;
}

export class ViewSignal {
  private readonly listeners = new Set<(reasons: ReadonlySet<ChangeReason>) => void>();
  private pending: Set<ChangeReason> | null = null;

  /** `schedule` runs a function later, once per batch (the page passes requestAnimationFrame). */
  constructor(private readonly schedule: (f: () => void) => void) {}

  /** Listen to a host's daemon and (when given) a terminal session. Returns a function that stops. */
  attach(daemon: Daemon, session: CommandSource | null): () => void {
    const offEvents = daemon.events.subscribe(() => this.notify("engine"));
    const offCommands = session?.onCommandDone(() => this.notify("command")) ?? (() => {});
    return () => {
      offEvents();
      offCommands();
    };
  }

  notify(reason: ChangeReason): void {
    if (this.pending) {
      this.pending.add(reason);
      return;
    }
    this.pending = new Set([reason]);
    this.schedule(() => this.flush());
  }

  /** Called once per batch with every reason the batch collected. Returns an unsubscribe function. */
  subscribe(listener: (reasons: ReadonlySet<ChangeReason>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    const reasons = this.pending;
    this.pending = null;
    if (!reasons) return;
    for (const l of this.listeners) l(reasons);
  }
}
