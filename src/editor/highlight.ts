/**
 * Syntax highlighting for the host files editor: a small line tokenizer for Dockerfiles (parser
 * directives, comments, instructions, flags, strings, variables, line continuations, heredocs)
 * and for .dockerignore files (comments, exclusions). Other files are plain text. It returns
 * tokens, not HTML; the editor turns them into text nodes, so file content never becomes markup.
 */

export type TokenClass =
  | "comment"
  | "directive"
  | "keyword"
  | "unknown"
  | "flag"
  | "string"
  | "variable"
  | "continuation"
  | "heredoc"
  | "negation";

export interface Token {
  text: string;
  /** undefined: plain text. */
  cls?: TokenClass;
}

export type Language = "dockerfile" | "dockerignore" | "plain";

/** The language of a file, by its name as Docker finds them. */
export function languageOf(path: string): Language {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name === ".dockerignore" || /\.dockerignore$/i.test(name)) return "dockerignore";
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name)) return "dockerfile";
  return "plain";
}

export const INSTRUCTIONS = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);

/** Tokens per line (lines split on "\n"; the newline itself belongs to no token). */
export function highlight(text: string, language: Language): Token[][] {
  const lines = text.split("\n");
  if (language === "dockerfile") return dockerfileLines(lines);
  if (language === "dockerignore") return lines.map(ignoreLine);
  return lines.map((l) => (l ? [{ text: l }] : []));
}

function ignoreLine(line: string): Token[] {
  if (/^\s*#/.test(line)) return [{ text: line, cls: "comment" }];
  const m = /^(\s*)(!)(.*)$/.exec(line);
  if (m) return compact([{ text: m[1] }, { text: m[2], cls: "negation" }, { text: m[3] }]);
  return line ? [{ text: line }] : [];
}

function compact(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (!t.text) continue;
    const last = out[out.length - 1];
    if (last && last.cls === t.cls) last.text += t.text;
    else out.push({ ...t });
  }
  return out;
}

function dockerfileLines(lines: string[]): Token[][] {
  let escape = "\\";
  let directivesOpen = true;
  /** Inside an instruction continued from the previous line. */
  let continued = false;
  /** Heredoc terminators still to come, in order. */
  const heredocs: string[] = [];
  const out: Token[][] = [];
  for (const line of lines) {
    if (heredocs.length > 0) {
      // a heredoc body line; its terminator ends it (`<<-` bodies may indent it)
      if (line.replace(/^\t+/, "") === heredocs[0]) heredocs.shift();
      out.push(line ? [{ text: line, cls: "heredoc" }] : []);
      continue;
    }
    const directive = directivesOpen ? /^(\s*#\s*)([a-zA-Z][a-zA-Z0-9]*)(\s*=\s*)(.*)$/.exec(line) : null;
    if (directive && ["syntax", "escape", "check"].includes(directive[2].toLowerCase())) {
      if (directive[2].toLowerCase() === "escape" && (directive[4].trim() === "`" || directive[4].trim() === "\\")) escape = directive[4].trim();
      out.push([{ text: line, cls: "directive" }]);
      continue;
    }
    if (line.trim() !== "") directivesOpen = false;
    if (/^\s*#/.test(line)) {
      out.push([{ text: line, cls: "comment" }]);
      continue;
    }
    const tokens: Token[] = [];
    let rest = line;
    if (!continued) {
      const m = /^(\s*)([A-Za-z]+)(?=\s|$)/.exec(line);
      if (m) {
        tokens.push({ text: m[1] });
        const word = m[2].toUpperCase();
        tokens.push({ text: m[2], cls: INSTRUCTIONS.has(word) ? "keyword" : "unknown" });
        rest = line.slice(m[0].length);
        if (word === "ONBUILD") {
          const inner = /^(\s+)([A-Za-z]+)(?=\s|$)/.exec(rest);
          if (inner) {
            tokens.push({ text: inner[1] }, { text: inner[2], cls: INSTRUCTIONS.has(inner[2].toUpperCase()) ? "keyword" : "unknown" });
            rest = rest.slice(inner[0].length);
          }
        }
        if (word === "FROM") {
          const as = /^(.*?\s)(AS)(\s+\S+\s*)$/i.exec(rest);
          if (as) {
            tokens.push(...argumentTokens(as[1], escape, heredocs), { text: as[2], cls: "keyword" }, { text: as[3] });
            rest = "";
          }
        }
      }
    }
    const cont = rest.endsWith(escape) && !rest.endsWith(escape + escape) ? escape : "";
    // a trailing escape continues the instruction on the next line
    const body = cont ? rest.slice(0, -1) : rest;
    tokens.push(...argumentTokens(body, escape, heredocs));
    if (cont) tokens.push({ text: cont, cls: "continuation" });
    continued = cont !== "" || (continued && line.trim() === "");
    out.push(compact(tokens));
  }
  return out;
}

/** Flags, quoted strings, variables and heredoc openers in an instruction's arguments. */
function argumentTokens(s: string, escape: string, heredocs: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let plain = "";
  const flush = () => {
    if (plain) tokens.push({ text: plain });
    plain = "";
  };
  const atWordStart = () => i === 0 || /\s/.test(s[i - 1]);
  while (i < s.length) {
    const c = s[i];
    if (c === escape && i + 1 < s.length) {
      plain += s.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "-" && s[i + 1] === "-" && atWordStart()) {
      const m = /^--[A-Za-z][\w-]*(=\S*)?/.exec(s.slice(i));
      if (m) {
        flush();
        tokens.push({ text: m[0], cls: "flag" });
        i += m[0].length;
        continue;
      }
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c) j += s[j] === escape && c === '"' ? 2 : 1;
      flush();
      tokens.push(...stringTokens(s.slice(i, Math.min(j + 1, s.length)), c === '"'));
      i = Math.min(j + 1, s.length);
      continue;
    }
    if (c === "$") {
      const m = /^\$(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
      if (m) {
        flush();
        tokens.push({ text: m[0], cls: "variable" });
        i += m[0].length;
        continue;
      }
    }
    if (c === "<" && s[i + 1] === "<") {
      const m = /^<<(-?)(["']?)([A-Za-z_][\w]*)\2/.exec(s.slice(i));
      if (m) {
        flush();
        tokens.push({ text: m[0], cls: "heredoc" });
        heredocs.push(m[3]);
        i += m[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return tokens;
}

/** A quoted string; double-quoted ones show their variables. */
function stringTokens(s: string, expands: boolean): Token[] {
  if (!expands) return [{ text: s, cls: "string" }];
  const out: Token[] = [];
  let last = 0;
  for (const m of s.matchAll(/\$(\{[^}]*\}?|[A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), cls: "string" });
    out.push({ text: m[0], cls: "variable" });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), cls: "string" });
  return out;
}
