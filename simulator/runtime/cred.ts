/** Process credentials: who a process is and which capabilities it holds. */
export interface Cred {
  uid: number;
  gid: number;
  /** Supplementary groups. */
  groups: number[];
  /** Effective capabilities, as Docker names them without the CAP_ prefix ("CHOWN", "NET_RAW", ...). */
  caps: ReadonlySet<string>;
  /** The bounding set (a container's capabilities, whoever its user is); every capability when absent. */
  bounding?: ReadonlySet<string>;
}

/** Linux capability numbers (linux/capability.h), for the masks /proc/<pid>/status shows. */
const CAP_BITS: Record<string, number> = {
  CHOWN: 0, DAC_OVERRIDE: 1, DAC_READ_SEARCH: 2, FOWNER: 3, FSETID: 4, KILL: 5, SETGID: 6, SETUID: 7, SETPCAP: 8,
  LINUX_IMMUTABLE: 9, NET_BIND_SERVICE: 10, NET_BROADCAST: 11, NET_ADMIN: 12, NET_RAW: 13, IPC_LOCK: 14, IPC_OWNER: 15,
  SYS_MODULE: 16, SYS_RAWIO: 17, SYS_CHROOT: 18, SYS_PTRACE: 19, SYS_PACCT: 20, SYS_ADMIN: 21, SYS_BOOT: 22, SYS_NICE: 23,
  SYS_RESOURCE: 24, SYS_TIME: 25, SYS_TTY_CONFIG: 26, MKNOD: 27, LEASE: 28, AUDIT_WRITE: 29, AUDIT_CONTROL: 30, SETFCAP: 31,
  MAC_OVERRIDE: 32, MAC_ADMIN: 33, SYSLOG: 34, WAKE_ALARM: 35, BLOCK_SUSPEND: 36, AUDIT_READ: 37, PERFMON: 38, BPF: 39,
  CHECKPOINT_RESTORE: 40,
};

/** A capability set as the 16 hex digits of /proc/<pid>/status ("00000000a80425fb"). */
export function capMask(caps: Iterable<string>): string {
  let m = 0n;
  for (const c of caps) if (c in CAP_BITS) m |= 1n << BigInt(CAP_BITS[c]);
  return m.toString(16).padStart(16, "0");
}

/** Docker's default capability set for containers (moby's oci/caps/defaults.go). */
export const DOCKER_DEFAULT_CAPS: readonly string[] = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FSETID",
  "FOWNER",
  "MKNOD",
  "NET_RAW",
  "SETGID",
  "SETUID",
  "SETFCAP",
  "SETPCAP",
  "NET_BIND_SERVICE",
  "SYS_CHROOT",
  "KILL",
  "AUDIT_WRITE",
];

/** Every capability (what `--privileged` and the host's root hold). */
export const ALL_CAPS: readonly string[] = [
  ...DOCKER_DEFAULT_CAPS,
  "DAC_READ_SEARCH",
  "LINUX_IMMUTABLE",
  "NET_BROADCAST",
  "NET_ADMIN",
  "IPC_LOCK",
  "IPC_OWNER",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_PTRACE",
  "SYS_PACCT",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_NICE",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "LEASE",
  "AUDIT_CONTROL",
  "MAC_OVERRIDE",
  "MAC_ADMIN",
  "SYSLOG",
  "WAKE_ALARM",
  "BLOCK_SUSPEND",
  "AUDIT_READ",
  "PERFMON",
  "BPF",
  "CHECKPOINT_RESTORE",
];

export function hasCap(c: Cred, cap: string): boolean {
  return c.caps.has(cap);
}

export function rootCred(caps: readonly string[] = ALL_CAPS): Cred {
  return { uid: 0, gid: 0, groups: [0], caps: new Set(caps) };
}

/** A non-root user keeps no effective capabilities (no ambient caps, as with Docker's USER). */
export function userCred(uid: number, gid: number, groups: number[] = [gid]): Cred {
  return { uid, gid, groups, caps: uid === 0 ? new Set(ALL_CAPS) : new Set() };
}
