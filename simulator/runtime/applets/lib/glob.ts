/** fnmatch(3): shell wildcard matching (* ? [...] with ! or ^, [:classes:], \ escapes). */

export interface FnmatchOptions {
  /** A "/" in the name is matched only by a "/" in the pattern (FNM_PATHNAME). */
  pathname?: boolean;
  /** A leading "." must be matched explicitly (FNM_PERIOD). */
  period?: boolean;
  casefold?: boolean;
}

const CLASS: Record<string, (c: string) => boolean> = {
  alpha: (c) => /[A-Za-z]/.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[0-9A-Za-z]/.test(c),
  upper: (c) => /[A-Z]/.test(c),
  lower: (c) => /[a-z]/.test(c),
  space: (c) => /[ \t\n\v\f\r]/.test(c),
  blank: (c) => c === " " || c === "\t",
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  print: (c) => c >= " " && c <= "~",
  graph: (c) => c > " " && c <= "~",
  cntrl: (c) => c < " " || c === "\x7f",
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
};

/** Match a bracket expression at p[i] ("[" included) against c; null if it is not a valid bracket. */
function bracket(p: string, i: number, c: string, fold: boolean): { ok: boolean; end: number } | null {
  let j = i + 1;
  let neg = false;
  if (p[j] === "!" || p[j] === "^") {
    neg = true;
    j++;
  }
  let ok = false;
  let first = true;
  const cc = fold ? c.toLowerCase() : c;
  for (;;) {
    if (j >= p.length) return null;
    let ch = p[j];
    if (ch === "]" && !first) break;
    first = false;
    if (ch === "[" && p[j + 1] === ":") {
      const close = p.indexOf(":]", j + 2);
      if (close > 0) {
        const f = CLASS[p.slice(j + 2, close)];
        if (f && f(c)) ok = true;
        j = close + 2;
        continue;
      }
    }
    if (ch === "\\" && j + 1 < p.length) ch = p[++j];
    let lo = ch;
    j++;
    if (p[j] === "-" && p[j + 1] !== undefined && p[j + 1] !== "]") {
      let hi = p[j + 1];
      j += 2;
      if (hi === "\\" && j < p.length) hi = p[j++];
      if (fold) {
        lo = lo.toLowerCase();
        hi = hi.toLowerCase();
      }
      if (cc >= lo && cc <= hi) ok = true;
      if (fold && c >= lo.toUpperCase() && c <= hi.toUpperCase()) ok = true;
      continue;
    }
    if (fold ? lo.toLowerCase() === cc : lo === c) ok = true;
  }
  return { ok: ok !== neg, end: j + 1 };
}

export function fnmatch(pattern: string, name: string, opts: FnmatchOptions = {}): boolean {
  const p = [...pattern].join("");
  const s = name;
  const fold = !!opts.casefold;
  const match = (pi: number, si: number): boolean => {
    while (pi < p.length) {
      const c = p[pi];
      if (c === "*") {
        while (p[pi] === "*") pi++;
        if (opts.period && s[si] === "." && (si === 0 || (opts.pathname && s[si - 1] === "/"))) return false;
        if (pi === p.length) return !opts.pathname || !s.slice(si).includes("/");
        for (let k = si; k <= s.length; k++) {
          if (match(pi, k)) return true;
          if (opts.pathname && s[k] === "/") break;
        }
        return false;
      }
      if (si >= s.length) return false;
      if (opts.pathname && s[si] === "/" && c !== "/") return false;
      if (opts.period && s[si] === "." && (si === 0 || (opts.pathname && s[si - 1] === "/")) && c !== ".") return false;
      if (c === "?") {
        pi++;
        si++;
        continue;
      }
      if (c === "[") {
        const b = bracket(p, pi, s[si], fold);
        if (b) {
          if (!b.ok) return false;
          pi = b.end;
          si++;
          continue;
        }
      }
      let lit = c;
      if (c === "\\" && pi + 1 < p.length) lit = p[++pi];
      if (fold ? lit.toLowerCase() !== s[si].toLowerCase() : lit !== s[si]) return false;
      pi++;
      si++;
    }
    return si === s.length;
  };
  return match(0, 0);
}
