/** A mount namespace: which backend is mounted where, with which options. */
import type { Backend } from "../fs/types";

export interface Mount {
  /** Absolute mount point as components ([] for "/"). */
  at: string[];
  backend: Backend;
  readOnly: boolean;
  /** For `mount` and /proc/mounts: device or source, filesystem type and options text. */
  source: string;
  fstype: string;
  options: string;
}

export class MountTable {
  readonly mounts: Mount[] = [];

  add(m: Mount): void {
    // a later mount on the same point hides the earlier one, as on Linux
    this.mounts.push(m);
  }

  /** The mount that holds the absolute path `p`, and the path below that mount's root. */
  find(p: readonly string[]): { mount: Mount; rel: string[] } {
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if (m.at.length > p.length) continue;
      let ok = true;
      for (let i = 0; i < m.at.length; i++) if (m.at[i] !== p[i]) ok = false;
      if (ok && (!best || m.at.length >= best.at.length)) best = m;
    }
    if (!best) throw new Error("no root mount");
    return { mount: best, rel: p.slice(best.at.length) };
  }

  /** True when `p` is itself a mount point (rmdir/rename give EBUSY). */
  isMountPoint(p: readonly string[]): boolean {
    return this.mounts.some((m) => m.at.length === p.length && m.at.every((c, i) => c === p[i]));
  }
}
