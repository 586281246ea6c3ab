/**
 * Shell patterns (fnmatch without flags): * ? [...] with ranges, negation (! or ^) and
 * [:classes:], and backslash escapes. Used by case, ${x#pat} and pathname expansion.
 */

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
};

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
const classEscape = (c: string): string => c.replace(/[\\\]^[-]/g, "\\$&");

/** Parse a bracket expression at p[i] === '['; returns [regex source, next index] or null if unclosed. */
function bracket(p: string, i: number): [string, number] | null {
  let j = i + 1;
  let neg = false;
  if (p[j] === "!" || p[j] === "^") {
    neg = true;
    j++;
  }
  let out = "";
  let first = true;
  for (;;) {
    if (j >= p.length) return null;
    let c = p[j];
    if (c === "]" && !first) {
      j++;
      break;
    }
    first = false;
    if (c === "[" && p[j + 1] === ":") {
      const end = p.indexOf(":]", j + 2);
      if (end > 0) {
        const name = p.slice(j + 2, end);
        out += CLASSES[name] ?? "";
        j = end + 2;
        continue;
      }
    }
    if (c === "\\" && j + 1 < p.length) {
      j++;
      c = p[j];
    }
    j++;
    if (p[j] === "-" && p[j + 1] !== undefined && p[j + 1] !== "]") {
      let d = p[j + 1];
      j += 2;
      if (d === "\\" && j < p.length) d = p[j++];
      if (c <= d) out += classEscape(c) + "-" + classEscape(d);
      continue;
    }
    out += classEscape(c);
  }
  if (out === "") return [neg ? "[\\s\\S]" : "(?!)", j];
  return [(neg ? "[^" : "[") + out + "]", j];
}

const cache = new Map<string, RegExp>();

/** The pattern as an anchored regular expression source (without anchors). */
export function patternSource(p: string): string {
  let re = "";
  for (let i = 0; i < p.length; ) {
    const c = p[i];
    if (c === "\\") {
      re += i + 1 < p.length ? reEscape(p[i + 1]) : "\\\\";
      i += 2;
    } else if (c === "*") {
      re += "[\\s\\S]*";
      i++;
    } else if (c === "?") {
      re += "[\\s\\S]";
      i++;
    } else if (c === "[") {
      const b = bracket(p, i);
      if (b) {
        re += b[0];
        i = b[1];
      } else {
        re += "\\[";
        i++;
      }
    } else {
      re += reEscape(c);
      i++;
    }
  }
  return re;
}

export function compile(p: string): RegExp {
  let r = cache.get(p);
  if (!r) {
    r = new RegExp("^(?:" + patternSource(p) + ")$");
    if (cache.size > 500) cache.clear();
    cache.set(p, r);
  }
  return r;
}

export function matchPattern(p: string, s: string): boolean {
  try {
    return compile(p).test(s);
  } catch {
    return p === s;
  }
}

/** The pattern has an unescaped * ? or a complete [...]. */
export function hasMeta(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?") return true;
    else if (c === "[" && bracket(p, i)) return true;
  }
  return false;
}

/** Remove pattern escapes (a pattern with no metacharacters, used as a literal). */
export function unescapePattern(p: string): string {
  return p.replace(/\\([\s\S])/g, "$1");
}

/** Escape a string so that it matches itself literally. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, "\\$&");
}
