/** Names in BusyBox's tar: unsafe prefixes stripped, member lists matched by leading components. */
import { fnmatch } from "./sys-fnmatch";

/** strip_unsafe_prefix: leading "/" and everything up to the last "../"; `warn` gets the removed text once. */
export function stripUnsafePrefix(name: string, warn: (removed: string) => void): string {
  let i = 0;
  for (;;) {
    if (name[i] === "/") {
      i++;
      continue;
    }
    if (name.startsWith("../", i)) {
      i += 3;
      continue;
    }
    const j = name.indexOf("/../", i);
    if (j < 0) break;
    i = j + 4;
  }
  if (i > 0) warn(name.slice(0, i));
  return name.slice(i);
}

/** find_list_entry2: the pattern against as many leading components of `name` as it has. */
export function matchesMember(pattern: string, name: string): boolean {
  let slashes = [...pattern].filter((c) => c === "/").length;
  let end = name.length;
  for (let i = 0; i < name.length; i++) {
    if (name[i] !== "/") continue;
    if (slashes === 0) {
      end = i;
      break;
    }
    slashes--;
  }
  return fnmatch(pattern, name.slice(0, end));
}
