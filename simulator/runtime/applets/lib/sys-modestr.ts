/** bb_mode_string: "drwxr-xr-x" from a type and permission bits. */
export type ModeType = "file" | "dir" | "symlink" | "chardev" | "blockdev" | "fifo" | "socket" | "hardlink";

const TYPE_CHAR: Record<ModeType, string> = { file: "-", hardlink: "-", dir: "d", symlink: "l", chardev: "c", blockdev: "b", fifo: "p", socket: "s" };

export function modeString(type: ModeType, mode: number): string {
  const rwx = (bits: number, special: boolean, ch: string) =>
    (bits & 4 ? "r" : "-") + (bits & 2 ? "w" : "-") + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? "x" : "-");
  return (
    TYPE_CHAR[type] +
    rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, "s") +
    rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, "s") +
    rwx(mode & 7, (mode & 0o1000) !== 0, "t")
  );
}
