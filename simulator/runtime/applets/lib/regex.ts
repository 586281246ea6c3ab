/**
 * POSIX regular expressions (basic and extended, with the GNU extensions glibc accepts) turned
 * into JavaScript RegExp sources: bracket expressions with [:classes:], BRE's \( \) \{ \} \| \+ \?,
 * context-dependent ^ $ *, \< \> word boundaries, and back-references. Capture groups keep their
 * POSIX numbers. (Matching is leftmost-first, as JavaScript does, not POSIX leftmost-longest.)
 */

export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegexError";
  }
}

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\v\\f\\r",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
  word: "0-9A-Za-z_",
};

function escClassChar(c: string): string {
  return "\\]^-[".includes(c) ? "\\" + c : c;
}

/** Translate a bracket expression starting after "[" at i; returns the JS class and the index after "]". */
function bracket(p: string, i: number): { src: string; end: number } {
  let out = "[";
  if (p[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  for (;;) {
    if (i >= p.length) throw new RegexError("Unmatched [, [^, [:, [., or [=");
    const c = p[i];
    if (c === "]" && !first) return { src: out + "]", end: i + 1 };
    first = false;
    if (c === "[" && (p[i + 1] === ":" || p[i + 1] === "=" || p[i + 1] === ".")) {
      const kind = p[i + 1];
      const close = p.indexOf(kind + "]", i + 2);
      if (close < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      const name = p.slice(i + 2, close);
      if (kind === ":") {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexError("Invalid character class name");
        out += cls;
      } else out += escClassChar(name);
      i = close + 2;
      continue;
    }
    if (c === "-" && out.length > 1 && p[i + 1] !== "]" && !out.endsWith("[^")) {
      out += "-";
      i++;
      continue;
    }
    out += escClassChar(c);
    i++;
  }
}

export interface RegexOptions {
  extended?: boolean;
  icase?: boolean;
  /** GNU regex syntax (grep): an operator with nothing to repeat applies to the empty string. */
  gnu?: boolean;
  /** REG_NOTBOL: "^" never matches (searching the rest of a line after a match). */
  notbol?: boolean;
}

/** The JavaScript source for a POSIX regular expression. */
export function posixToJs(p: string, opts: RegexOptions = {}): string {
  const ere = !!opts.extended;
  const bol = opts.notbol ? "(?!)" : "^";
  const gnu = !!opts.gnu;
  let out = "";
  let i = 0;
  let groups = 0;
  const open: number[] = [];
  // true where an anchor/star at this point is "at the start" of a (sub)expression
  let atStart = true;
  let lastWasAtom = false;
  const atom = (s: string) => {
    out += s;
    atStart = false;
    lastWasAtom = true;
  };
  const quant = (q: string) => {
    if (!lastWasAtom) {
      if (ere && gnu) return;
      if (ere) throw new RegexError("Invalid preceding regular expression");
      atom("\\" + q);
      return;
    }
    out += q;
    atStart = false;
  };
  const interval = (body: string): string | null => {
    const m = /^(\d*)(,?)(\d*)$/.exec(body);
    if (!m || (m[1] === "" && m[2] === "")) return null;
    const lo = m[1] === "" ? "0" : m[1];
    if (m[3] !== "" && +m[3] < +lo) throw new RegexError("Invalid content of \\{\\}");
    return `{${lo}${m[2]}${m[3]}}`;
  };
  while (i < p.length) {
    const c = p[i];
    if (c === "\\") {
      const d = p[i + 1];
      i += 2;
      if (d === undefined) throw new RegexError("Trailing backslash");
      if (!ere && d === "(") {
        out += "(";
        open.push(++groups);
        atStart = true;
        lastWasAtom = false;
      } else if (!ere && d === ")") {
        if (!open.length) throw new RegexError("Unmatched ) or \\)");
        open.pop();
        atom(")");
      } else if (!ere && d === "|") {
        out += "|";
        atStart = true;
        lastWasAtom = false;
      } else if (!ere && d === "{") {
        const close = p.indexOf("\\}", i);
        if (close < 0) throw new RegexError("Unmatched \\{");
        const q = interval(p.slice(i, close));
        if (q === null) throw new RegexError("Invalid content of \\{\\}");
        i = close + 2;
        quant(q);
      } else if (!ere && (d === "+" || d === "?")) {
        quant(d);
      } else if (d >= "1" && d <= "9") {
        if (+d > groups) throw new RegexError("Invalid back reference");
        atom("\\" + d);
      } else if (d === "<") {
        out += "\\b(?=\\w)";
        atStart = false;
      } else if (d === ">") {
        out += "\\b(?<=\\w)";
        atStart = false;
      } else if ("bBwWsS".includes(d)) {
        if (d === "b" || d === "B") out += "\\" + d;
        else atom("\\" + d);
      } else if (d === "`") out += bol;
      else if (d === "'") out += "$";
      else if (d === "n") atom("\\n");
      else if (d === "t") atom("\\t");
      else atom(/[A-Za-z0-9_ ]/.test(d) ? d : "\\" + d);
      continue;
    }
    if (c === "[") {
      const b = bracket(p, i + 1);
      i = b.end;
      atom(b.src);
      continue;
    }
    if (c === "^") {
      if (ere || atStart) {
        out += bol;
        // after ^, a * is literal in a BRE
        lastWasAtom = false;
      } else atom("\\^");
      i++;
      continue;
    }
    if (c === "$") {
      const rest = p.slice(i + 1);
      const atEnd = rest === "" || (!ere && (rest.startsWith("\\)") || rest.startsWith("\\|")));
      if (ere || atEnd) {
        out += "$";
        lastWasAtom = false;
        atStart = false;
      } else atom("\\$");
      i++;
      continue;
    }
    if (c === "*") {
      i++;
      if (!lastWasAtom) {
        if (ere) {
          if (gnu) continue;
          throw new RegexError("Invalid preceding regular expression");
        }
        atom("\\*");
      } else quant("*");
      continue;
    }
    if (ere) {
      if (c === "(") {
        out += "(";
        open.push(++groups);
        atStart = true;
        lastWasAtom = false;
        i++;
        continue;
      }
      if (c === ")") {
        if (!open.length) {
          atom("\\)");
          i++;
          continue;
        }
        open.pop();
        atom(")");
        i++;
        continue;
      }
      if (c === "|") {
        out += "|";
        atStart = true;
        lastWasAtom = false;
        i++;
        continue;
      }
      if (c === "+" || c === "?") {
        i++;
        quant(c);
        continue;
      }
      if (c === "{") {
        const close = p.indexOf("}", i);
        const q = close < 0 ? null : interval(p.slice(i + 1, close));
        if (q === null) {
          atom("\\{");
          i++;
          continue;
        }
        i = close + 1;
        quant(q);
        continue;
      }
    }
    if (c === ".") atom(".");
    else atom(/[A-Za-z0-9_ ]/.test(c) ? c : "\\" + c);
    i++;
  }
  if (open.length) throw new RegexError(ere ? "Unmatched ( or \\(" : "Unmatched ( or \\(");
  return out;
}

/** Regexes with alternatives, whose JavaScript source must be searched for the longest match. */
const ALTERNATION = new WeakMap<RegExp, string>();

/**
 * Compile a POSIX regex to a RegExp. "g" is always set so lastIndex can drive searches, and "s"
 * because a POSIX "." matches a newline too (sed's pattern space can hold several lines).
 */
export function compilePosix(p: string, opts: RegexOptions = {}): RegExp {
  const src = posixToJs(p, opts);
  let re: RegExp;
  try {
    re = new RegExp(src, "gs" + (opts.icase ? "i" : ""));
  } catch {
    throw new RegexError("Invalid regular expression");
  }
  if (src.includes("|")) ALTERNATION.set(re, src);
  return re;
}

/**
 * exec() with POSIX's rule of the leftmost-longest match: JavaScript takes the first
 * alternative that matches ("cat|category" finds "cat" in "category"); POSIX takes the
 * longest one starting at the same place. Searches from re.lastIndex.
 */
export function posixExec(re: RegExp, s: string): RegExpExecArray | null {
  const first = re.exec(s);
  const src = ALTERNATION.get(re);
  if (!first || src === undefined) return first;
  let m: RegExpExecArray = first;
  const p = m.index;
  const flags = re.flags.replace("g", "") + "y";
  // look for a match at the same start that ends further right, until there is none
  for (;;) {
    const end: number = p + m[0].length;
    if (end >= s.length) break;
    const longer: RegExp = new RegExp(`(?:${src})(?<=^[\\s\\S]{${end + 1},})`, flags);
    longer.lastIndex = p;
    const m2: RegExpExecArray | null = longer.exec(s);
    if (!m2) break;
    m = m2;
    re.lastIndex = p + m2[0].length;
  }
  return m;
}

/** Search `re` in `s` from `from`; a "^" only matches at 0 (REG_NOTBOL for later starts). */
export function searchFrom(re: RegExp, s: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return posixExec(re, s);
}
