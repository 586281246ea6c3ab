/**
 * Go's path.Match (the glob `docker images` reference filters use) and reference.FamiliarMatch:
 * "*" and "?" never match "/", "[...]" classes with ranges and "^" negation, "\" escapes.
 */

/** Whether `name` matches `pattern`; throws on a malformed pattern (path.ErrBadPattern). */
export function pathMatch(pattern: string, name: string): boolean {
  const m = (pi: number, ni: number): boolean => {
    while (pi < pattern.length) {
      const c = pattern[pi];
      if (c === "*") {
        let j = pi;
        while (pattern[j] === "*") j++;
        for (let k = ni; k <= name.length; k++) {
          if (m(j, k)) return true;
          if (name[k] === "/") return false;
        }
        return false;
      }
      if (ni >= name.length) return false;
      if (c === "?") {
        if (name[ni] === "/") return false;
      } else if (c === "[") {
        const end = pattern.indexOf("]", pi + 2);
        if (end < 0) throw new Error("syntax error in pattern");
        let cls = pattern.slice(pi + 1, end);
        const negate = cls.startsWith("^");
        if (negate) cls = cls.slice(1);
        let hit = false;
        for (let i = 0; i < cls.length; i++) {
          const lo = cls[i] === "\\" ? cls[++i] : cls[i];
          let hi = lo;
          if (cls[i + 1] === "-" && i + 2 < cls.length) {
            hi = cls[i + 2] === "\\" ? cls[i + 3] : cls[i + 2];
            i += cls[i + 2] === "\\" ? 3 : 2;
          }
          if (lo <= name[ni] && name[ni] <= hi) hit = true;
        }
        if (hit === negate || name[ni] === "/") return false;
        pi = end;
      } else {
        const lit = c === "\\" ? pattern[++pi] : c;
        if (lit === undefined) throw new Error("syntax error in pattern");
        if (lit !== name[ni]) return false;
      }
      pi++;
      ni++;
    }
    return ni === name.length;
  };
  return m(0, 0);
}

/** reference.FamiliarMatch: the pattern against "name:tag", then against the name alone. */
export function familiarMatch(pattern: string, familiarString: string, familiarName: string): boolean {
  return pathMatch(pattern, familiarString) || pathMatch(pattern, familiarName);
}
