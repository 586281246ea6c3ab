/** Process credentials: who a process is and which capabilities it holds. */
export interface Cred {
  uid: number;
  gid: number;
  /** Supplementary groups. */
  groups: number[];
  /** Effective capabilities, as Docker names them without the CAP_ prefix ("CHOWN", "NET_RAW", ...). */
  caps: ReadonlySet<string>;
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
