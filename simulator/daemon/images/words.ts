/**
 * The word handling of Dockerfile instructions, as `docker commit -c` and `docker import -c`
 * apply them: splitting a line into words with quotes kept (the parser's parseWords), and
 * expanding one word (quotes removed, $VAR and ${VAR...} replaced from the environment), like
 * moby's shell lexer ProcessWord. Backslash is the escape character.
 */

/** Split on whitespace outside quotes; quotes and escapes stay in the words. */
export function parseWords(rest: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote = "";
  let blank = true;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (blank) {
      if (/\s/.test(ch)) continue;
      blank = false;
    }
    if (quote === "" && /\s/.test(ch)) {
      words.push(word);
      word = "";
      blank = true;
      continue;
    }
    if (ch === "\\" && quote !== "'" && i + 1 < rest.length) {
      word += ch + rest[++i];
      continue;
    }
    if (quote === "" && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = "";
    word += ch;
  }
  if (!blank) words.push(word);
  return words;
}

type Env = ReadonlyMap<string, string>;

/** The environment a list of KEY=VALUE strings makes. */
export function envMap(env: readonly string[] | null): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of env ?? []) {
    const i = e.indexOf("=");
    if (i > 0) m.set(e.slice(0, i), e.slice(i + 1));
  }
  return m;
}

function expandParam(s: string, i: number, env: Env): [string, number] {
  if (s[i] !== "{") {
    const m = /^[A-Za-z_][A-Za-z0-9_]*|^[0-9*#?@$!-]/.exec(s.slice(i));
    if (!m) return ["$", i];
    return [env.get(m[0]) ?? "", i + m[0].length];
  }
  const close = s.indexOf("}", i);
  if (close < 0) throw new Error("missing '}'");
  const body = s.slice(i + 1, close);
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])(.*))?$/s.exec(body);
  if (!m) throw new Error(`bad substitution: \${${body}}`);
  const [, name, op, arg] = m;
  const set = env.has(name);
  const value = env.get(name) ?? "";
  const usable = op?.startsWith(":") ? value !== "" : set;
  switch (op) {
    case undefined:
      return [value, close + 1];
    case "-":
    case ":-":
      return [usable ? value : processWord(arg, env), close + 1];
    case "+":
    case ":+":
      return [usable ? processWord(arg, env) : "", close + 1];
    default:
      if (!usable) throw new Error(`${name}: ${arg || "is not allowed to be unset"}`);
      return [value, close + 1];
  }
}

/** One word: quotes removed, escapes resolved, variables expanded (no word splitting). */
export function processWord(s: string, env: Env): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new Error("unexpected end of statement while looking for matching single-quote");
      out += s.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error("unexpected end of statement while looking for matching double-quote");
        const c = s[i];
        if (c === '"') break;
        if (c === "\\" && i + 1 < s.length && '"$\\`'.includes(s[i + 1])) {
          out += s[i + 1];
          i += 2;
        } else if (c === "$") {
          const [v, next] = expandParam(s, i + 1, env);
          out += v;
          i = next;
        } else {
          out += c;
          i++;
        }
      }
      i++;
    } else if (ch === "\\") {
      if (i + 1 < s.length) out += s[i + 1];
      i += 2;
    } else if (ch === "$") {
      const [v, next] = expandParam(s, i + 1, env);
      out += v;
      i = next;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
