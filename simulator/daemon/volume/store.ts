/** Volumes: named and anonymous data directories owned by the daemon (the "local" driver). */
import { type Inode, newDir } from "../../fs/inode";
import { rfc3339 } from "../container/state";
import { conflict, invalidParameter, notFound } from "../errdefs";

/** The label current Docker puts on volumes a container made without a name. */
export const ANONYMOUS_LABEL = "com.docker.volume.anonymous";

export interface Volume {
  Name: string;
  Driver: "local";
  Mountpoint: string;
  CreatedAt: string;
  Labels: Record<string, string> | null;
  Scope: "local";
  Options: Record<string, string> | null;
  /** Made by a container (-v /path, VOLUME) rather than by name. */
  anonymous: boolean;
  /** Whether content has been copied in from an image (done once, on first mount). */
  populated: boolean;
  root: Inode;
}

export interface VolumeCreateOptions {
  labels?: Record<string, string> | null;
  anonymous?: boolean;
  driver?: string;
  options?: Record<string, string> | null;
}

const VALID_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** The local driver's name check (its error texts, wrapped as "create <name>: ..."). */
export function validateVolumeName(name: string): void {
  if (name.length === 1) throw invalidParameter(`create ${name}: volume name is too short, names should be at least two alphanumeric characters`);
  if (!VALID_NAME.test(name)) {
    throw invalidParameter(`create ${name}: ${JSON.stringify(name)} includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  }
}

export class VolumeStore {
  readonly volumes = new Map<string, Volume>();
  constructor(private readonly now: () => number) {}

  /** Create a volume, or return the existing one of that name. */
  create(name: string, opts: VolumeCreateOptions = {}): Volume {
    const driver = opts.driver || "local";
    if (driver !== "local") throw notFound(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    const existing = this.volumes.get(name);
    if (existing) return existing;
    validateVolumeName(name);
    const t = this.now();
    const labels = opts.anonymous ? { [ANONYMOUS_LABEL]: "", ...(opts.labels ?? {}) } : opts.labels && Object.keys(opts.labels).length ? { ...opts.labels } : null;
    const v: Volume = {
      Name: name,
      Driver: "local",
      Mountpoint: `/var/lib/docker/volumes/${name}/_data`,
      CreatedAt: rfc3339(t).replace(/\.\d+Z$/, "Z"),
      Labels: labels,
      Scope: "local",
      Options: opts.options && Object.keys(opts.options).length ? { ...opts.options } : null,
      anonymous: !!opts.anonymous,
      populated: false,
      root: newDir(0o755, 0, 0, t),
    };
    this.volumes.set(name, v);
    return v;
  }

  find(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  get(name: string): Volume {
    const v = this.volumes.get(name);
    if (!v) throw notFound(`get ${name}: no such volume`);
    return v;
  }

  /** Remove a volume; `usedBy` are the IDs of containers that still reference it. */
  remove(name: string, usedBy: string[]): void {
    const v = this.get(name);
    if (usedBy.length) throw conflict(`remove ${v.Name}: volume is in use - [${usedBy.join(", ")}]`);
    this.volumes.delete(name);
  }
}
