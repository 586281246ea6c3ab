/**
 * statfs(2) for the simulator's mounts: fixed, plausible sizes for a 62 GiB ext4 disk (and the
 * overlays on it), tmpfs sized by its size= option, and empty pseudo filesystems (proc, sysfs,
 * cgroup, devpts, mqueue), which df leaves out.
 */
import type { Mount } from "../../mounts";

export interface StatFs {
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  namelen: number;
  fsid: bigint;
}

const MAGIC: Record<string, number> = {
  ext4: 0xef53,
  ext3: 0xef53,
  ext2: 0xef53,
  overlay: 0x794c7630,
  tmpfs: 0x01021994,
  proc: 0x9fa0,
  sysfs: 0x62656572,
  devpts: 0x1cd1,
  cgroup: 0x27e0eb,
  cgroup2: 0x63677270,
  mqueue: 0x19800202,
  squashfs: 0x73717368,
};

/** Names stat -f prints for f_type (BusyBox's table; overlay is not in it). */
export const FS_NAMES: Record<number, string> = {
  0xef53: "ext2/ext3",
  0x01021994: "tmpfs",
  0x9fa0: "proc",
  0x62656572: "sysfs",
  0x1cd1: "devpts",
  0x73717368: "squashfs",
};

const DISK = { blocks: 16_252_928, bfree: 12_058_624, bavail: 11_235_328, files: 4_063_232, ffree: 3_998_765 };

function hash(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const c of s) h = BigInt.asUintN(64, (h ^ BigInt(c.codePointAt(0)!)) * 0x100000001b3n);
  return h;
}

export function statfs(m: Mount): StatFs {
  const type = MAGIC[m.fstype] ?? 0;
  const base = { type, bsize: 4096, namelen: 255, fsid: hash(m.source + ":" + m.fstype) };
  if (m.fstype === "tmpfs" || m.fstype === "ramfs") {
    const size = /(?:^|,)size=(\d+)([kmg]?)/.exec(m.options);
    const kib = size ? +size[1] * ({ "": 1 / 1024, k: 1, m: 1024, g: 1048576 } as Record<string, number>)[size[2]] : 2_017_392;
    const blocks = Math.floor(kib / 4);
    return { ...base, blocks, bfree: blocks, bavail: blocks, files: 504_348, ffree: 504_340 };
  }
  if (type === 0xef53 || m.fstype === "overlay") return { ...base, ...DISK };
  return { ...base, blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 };
}
