/** Sizes the way BusyBox's make_human_readable_str prints them (ls -h, du -h, df -h). */

const UNITS = ["", "K", "M", "G", "T", "P", "E", "Z", "Y"];

/**
 * `val` units of `blockSize` bytes as a scaled string. With `displayUnit` set, the byte count is
 * divided by it (rounded). Otherwise the value is scaled by 1024 with a suffix and one decimal
 * ("1.5K", "12.0M"); a `blockSize` of 0 means no decimal ("2K").
 */
export function humanSize(val: number, blockSize = 1, displayUnit = 0): string {
  if (val === 0) return "0";
  if (blockSize > 1) val *= blockSize;
  if (displayUnit) return String(Math.floor((val + Math.floor(displayUnit / 2)) / displayUnit));
  let frac = 0;
  let u = 0;
  while (val >= 1024) {
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (blockSize === 0) {
    if (frac >= 5) val++;
    return `${val}${UNITS[u]}`;
  }
  if (u === 0) return String(val);
  return `${val}.${frac}${UNITS[u]}`;
}
