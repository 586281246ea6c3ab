/** fnmatch(3) with flags 0: `*`, `?`, `[...]` and `\` escapes; `/` and leading dots are ordinary. */
export function fnmatch(pattern: string, name: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (p: number, n: number): boolean => {
    const key = p + "," + n;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let r: boolean;
    if (p === pattern.length) r = n === name.length;
    else {
      const c = pattern[p];
      if (c === "*") r = go(p + 1, n) || (n < name.length && go(p, n + 1));
      else if (n === name.length) r = false;
      else if (c === "?") r = go(p + 1, n + 1);
      else if (c === "[") {
        const end = pattern.indexOf("]", p + 2);
        if (end < 0) r = name[n] === "[" && go(p + 1, n + 1);
        else {
          let set = pattern.slice(p + 1, end);
          const neg = set[0] === "!" || set[0] === "^";
          if (neg) set = set.slice(1);
          let ok = false;
          for (let i = 0; i < set.length; i++) {
            if (set[i + 1] === "-" && i + 2 < set.length) {
              if (name[n] >= set[i] && name[n] <= set[i + 2]) ok = true;
              i += 2;
            } else if (set[i] === name[n]) ok = true;
          }
          r = ok !== neg && go(end + 1, n + 1);
        }
      } else if (c === "\\" && p + 1 < pattern.length) r = pattern[p + 1] === name[n] && go(p + 2, n + 1);
      else r = c === name[n] && go(p + 1, n + 1);
    }
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
