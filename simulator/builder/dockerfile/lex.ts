/**
 * Variable substitution in Dockerfile words, with the rules BuildKit's shell lexer applies:
 * $VAR and ${VAR}, ${VAR:-word} ${VAR-word} ${VAR:+word} ${VAR+word} ${VAR:?msg} ${VAR?msg},
 * ${VAR#pat} ${VAR##pat} ${VAR%pat} ${VAR%%pat}, ${VAR/pat/repl} ${VAR//pat/repl}; single quotes
 * keep everything, double quotes keep all but $ and the escape token, and the escape token
 * (\ or `) escapes the next character. Quotes are removed from the result.
 *
 *   processWord('$A/${B:-x}', env)  -> one string (ENV, WORKDIR, COPY paths, ...)
 *   processWords('a "b c" $D', env) -> fields (unquoted whitespace, including in values, splits)
 */
export type Env = ReadonlyMap<string, string>;

export class LexError extends Error {}

interface Opts {
  escape: string;
  /** Keep quote characters in the result (heredoc word detection). */
  rawQuotes?: boolean;
  /** Leave unset variables as written. */
  skipUnset?: boolean;
}

class Words {
  words: string[] = [];
  word = "";
  inWord = false;
  addChar(ch: string): void {
    if (/\s/.test(ch)) {
      if (this.inWord && this.word !== "") {
        this.words.push(this.word);
        this.word = "";
        this.inWord = false;
      }
    } else this.addRaw(ch);
  }
  addRaw(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  done(): string[] {
    if (this.inWord) this.words.push(this.word);
    this.word = "";
    this.inWord = false;
    return this.words;
  }
}

class Lexer {
  pos = 0;
  constructor(
    readonly src: string,
    readonly env: Env,
    readonly o: Opts,
  ) {}

  peek(): string {
    return this.src[this.pos] ?? "";
  }
  next(): string {
    return this.src[this.pos++] ?? "";
  }

  /** Reads to `stop` (or the end when stop is ""); returns the text and its fields. */
  process(stop: string, rawEscapes = false): { text: string; words: string[] } {
    let text = "";
    const words = new Words();
    while (this.pos < this.src.length) {
      const ch = this.peek();
      if (stop && ch === stop) {
        this.next();
        return { text, words: words.done() };
      }
      if (ch === "$") {
        const v = this.dollar();
        text += v;
        words.addString(v);
      } else if (ch === "'") {
        const v = this.single();
        text += v;
        words.addRaw(v);
      } else if (ch === '"') {
        const v = this.double();
        text += v;
        words.addRaw(v);
      } else {
        let c = this.next();
        if (c === this.o.escape) {
          if (rawEscapes) text += c;
          if (this.pos >= this.src.length) break;
          c = this.next();
          words.addRaw(c);
        } else words.addChar(c);
        text += c;
      }
    }
    if (stop) throw new LexError(`unexpected end of statement while looking for matching ${stop}`);
    return { text, words: words.done() };
  }

  single(): string {
    let out = this.o.rawQuotes ? this.next() : (this.next(), "");
    for (;;) {
      if (this.pos >= this.src.length) throw new LexError("unexpected end of statement while looking for matching single-quote");
      const c = this.next();
      if (c === "'") return this.o.rawQuotes ? out + c : out;
      out += c;
    }
  }

  double(): string {
    let out = this.o.rawQuotes ? this.next() : (this.next(), "");
    for (;;) {
      if (this.pos >= this.src.length) throw new LexError("unexpected end of statement while looking for matching double-quote");
      const p = this.peek();
      if (p === '"') {
        this.next();
        return this.o.rawQuotes ? out + p : out;
      }
      if (p === "$") {
        out += this.dollar();
        continue;
      }
      let c = this.next();
      if (c === this.o.escape) {
        const n = this.peek();
        if (n === "") continue;
        if (n === '"' || n === "$" || n === this.o.escape) c = this.next();
      }
      out += c;
    }
  }

  name(): string {
    let n = "";
    if (/[0-9]/.test(this.peek())) {
      while (/[0-9]/.test(this.peek())) n += this.next();
      return n;
    }
    if (/[$*#@?!-]/.test(this.peek()) && this.peek() !== "") return this.next();
    while (/[A-Za-z0-9_]/.test(this.peek()) && this.peek() !== "") n += this.next();
    return n;
  }

  lookup(name: string): string | undefined {
    return this.env.get(name);
  }

  dollar(): string {
    this.next();
    if (this.peek() !== "{") {
      const n = this.nameAfterDollar();
      if (n === "") return "$";
      const v = this.lookup(n);
      if (v === undefined && this.o.skipUnset) return "$" + n;
      return v ?? "";
    }
    this.next();
    const p = this.peek();
    if (p === "") throw new LexError("syntax error: missing '}'");
    if (p === "{" || p === "}" || p === ":") throw new LexError("syntax error: bad substitution");
    const name = this.name();
    let ch = this.next();
    let mod = ch;
    if (ch === "}") {
      const v = this.lookup(name);
      if (v === undefined && this.o.skipUnset) return `\${${name}}`;
      return v ?? "";
    }
    let nullIsUnset = false;
    if (ch === ":") {
      nullIsUnset = true;
      ch = this.next();
      mod += ch;
    }
    if ("+-?#%".includes(ch) && ch !== "") {
      const raw = ch === "#" || ch === "%";
      if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${mod}) in substitution`);
      let word: string;
      try {
        word = this.process("}", raw).text;
      } catch (e) {
        if (this.pos >= this.src.length) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      const value = this.lookup(name);
      const set = value !== undefined;
      if (this.o.skipUnset && !set) return `\${${name}${mod}${word}}`;
      const empty = !set || (nullIsUnset && value === "");
      switch (ch) {
        case "-":
          return empty ? word : value!;
        case "+":
          return empty ? "" : word;
        case "?":
          if (!set) throw new LexError(`${name}: ${word || "is not allowed to be unset"}`);
          if (nullIsUnset && value === "") throw new LexError(`${name}: ${word || "is not allowed to be empty"}`);
          return value!;
        default: {
          const greedy = word.startsWith(ch);
          const pat = globRegex(greedy ? word.slice(1) : word);
          return ch === "%" ? trimSuffix(value ?? "", pat, greedy) : trimPrefix(value ?? "", pat, greedy);
        }
      }
    }
    if (ch === "/") {
      const all = this.peek() === "/";
      if (all) this.next();
      let pattern: string;
      try {
        pattern = this.process("/", true).text;
      } catch (e) {
        if (this.pos >= this.src.length) throw new LexError("syntax error: missing '/' in ${}");
        throw e;
      }
      let repl: string;
      try {
        repl = this.process("}", true).text;
      } catch (e) {
        if (this.pos >= this.src.length) throw new LexError("syntax error: missing '}'");
        throw e;
      }
      const value = this.lookup(name);
      if (this.o.skipUnset && value === undefined) return `\${${name}/${pattern}/${repl}}`;
      const re = new RegExp(globRegex(pattern), all ? "g" : "");
      return (value ?? "").replace(re, () => repl);
    }
    throw new LexError(`unsupported modifier (${mod}) in substitution`);
  }

  /** A name right after `$`: letters, digits and underscores (a leading digit run alone). */
  nameAfterDollar(): string {
    let n = "";
    if (/[0-9]/.test(this.peek())) {
      while (/[0-9]/.test(this.peek())) n += this.next();
      return n;
    }
    while (this.peek() !== "" && /[A-Za-z0-9_]/.test(this.peek())) n += this.next();
    return n;
  }
}

/** A shell pattern (*, ?, [...], \x) as a regular expression source. */
export function globRegex(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*") out += "[\\s\\S]*";
    else if (c === "?") out += "[\\s\\S]";
    else if (c === "[") {
      const end = p.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        let cls = p.slice(i + 1, end);
        if (cls.startsWith("!")) cls = "^" + cls.slice(1);
        out += "[" + cls.replace(/\\/g, "\\\\") + "]";
        i = end;
      }
    } else if (c === "\\" && i + 1 < p.length) out += escapeRe(p[++i]);
    else out += escapeRe(c);
  }
  return out;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function trimPrefix(value: string, pat: string, greedy: boolean): string {
  const re = new RegExp(`^(${pat})`);
  let best = -1;
  for (let i = 0; i <= value.length; i++) {
    if (new RegExp(`^(?:${pat})$`).test(value.slice(0, i))) {
      best = i;
      if (!greedy) break;
    }
  }
  void re;
  return best < 0 ? value : value.slice(best);
}

function trimSuffix(value: string, pat: string, greedy: boolean): string {
  let best = -1;
  for (let i = value.length; i >= 0; i--) {
    if (new RegExp(`^(?:${pat})$`).test(value.slice(i))) {
      best = i;
      if (!greedy) break;
    }
  }
  return best < 0 ? value : value.slice(0, best);
}

export function processWord(word: string, env: Env, escape = "\\"): string {
  return new Lexer(word, env, { escape }).process("").text;
}

export function processWords(word: string, env: Env, escape = "\\"): string[] {
  return new Lexer(word, env, { escape }).process("").words;
}

/** Words of a line with quotes and escapes kept and unset variables left alone (heredoc detection). */
export function rawWords(line: string): string[] {
  const l = new Lexer(line, new Map(), { escape: "\\", rawQuotes: true, skipUnset: true });
  return l.process("", true).words;
}

/** One word with quotes removed and nothing expanded: [word, hadQuotes]. */
export function unquoteWord(word: string): string[] {
  return new Lexer(word, new Map(), { escape: "\\", skipUnset: true }).process("").words;
}
