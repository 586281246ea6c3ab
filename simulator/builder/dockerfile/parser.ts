/**
 * The Dockerfile parser: text to instruction nodes, with BuildKit's rules for parser directives
 * (`# syntax=`, `# escape=`), line continuations (comments and empty lines inside a continued
 * instruction are dropped), here-documents (`RUN <<EOF`, `COPY <<EOF /dst`), JSON (exec) forms
 * and each instruction's argument shape. Errors carry the line range they belong to.
 */
import { rawWords, unquoteWord } from "./lex";

export interface Heredoc {
  name: string;
  /** Content, lines joined with their newlines. */
  content: string;
  /** `<<-`: leading tabs are stripped. */
  chomp: boolean;
  /** false when the word was quoted: no variable expansion inside. */
  expand: boolean;
  fd: number;
}

export interface Node {
  /** The instruction word as written ("run", "RUN"). */
  cmd: string;
  /** Flags before the arguments ("--from=build"). */
  flags: string[];
  /** Arguments in the instruction's shape (see dispatch below). */
  args: string[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  /** The instruction line after continuations were joined. */
  original: string;
  startLine: number;
  endLine: number;
  heredocs: Heredoc[];
  /** ONBUILD's trigger. */
  sub?: Node;
}

export interface ParseResult {
  nodes: Node[];
  escape: string;
  directives: Record<string, string>;
  warnings: string[];
}

export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly startLine: number,
    readonly endLine: number,
  ) {
    super(message);
  }
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /^(\d*)<<(-?)\s*([^<]*)$/;
const HEREDOC_INSTRUCTIONS = new Set(["add", "copy", "run"]);

const trimLeft = (s: string) => s.replace(/^\s+/, "");
const isComment = (s: string) => trimLeft(s).startsWith("#");

export function splitWhitespace(s: string): string[] {
  return s.split(/[\t\v\f\r ]+/);
}

/** BuildKit's parseWords: whitespace-separated words, quotes and escapes kept. */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let phase: "space" | "word" | "quote" = "space";
  let quote = "";
  let blankOK = false;
  let buf = "";
  const chars = [...rest];
  for (let i = 0; i <= chars.length; i++) {
    let ch = chars[i];
    if (phase === "space") {
      if (i === chars.length) break;
      if (/\s/.test(ch)) continue;
      phase = "word";
    }
    if (i === chars.length) {
      if (blankOK || buf) words.push(buf);
      break;
    }
    if (phase === "word") {
      if (/\s/.test(ch)) {
        phase = "space";
        if (blankOK || buf) words.push(buf);
        buf = "";
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = "quote";
      }
      if (ch === escape) {
        if (i + 1 === chars.length) continue;
        buf += ch;
        ch = chars[++i];
      }
      buf += ch;
      continue;
    }
    if (ch === quote) phase = "word";
    if (ch === escape && quote !== "'") {
      if (i + 1 === chars.length) {
        phase = "word";
        continue;
      }
      buf += ch;
      ch = chars[++i];
    }
    buf += ch;
  }
  return words;
}

/** Flags (`--x=y`) in front of an instruction's arguments: [rest, flags]. */
function extractFlags(line: string, escape: string): [string, string[]] {
  const words: string[] = [];
  let phase: "space" | "word" | "quote" = "space";
  let buf = "";
  let quote = "";
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    let ch = line[pos];
    if (phase === "space") {
      if (pos === line.length) break;
      if (/\s/.test(ch)) continue;
      if (ch !== "-" || pos + 1 === line.length || line[pos + 1] !== "-") return [line.slice(pos), words];
      phase = "word";
    }
    if (pos === line.length) {
      if (buf !== "--" && (blankOK || buf)) words.push(buf);
      break;
    }
    if (phase === "word") {
      if (/\s/.test(ch)) {
        phase = "space";
        if (buf === "--") return [line.slice(pos), words];
        if (blankOK || buf) words.push(buf);
        buf = "";
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = "quote";
        continue;
      }
      if (ch === escape) {
        if (pos + 1 === line.length) continue;
        ch = line[++pos];
      }
      buf += ch;
      continue;
    }
    if (ch === quote) {
      phase = "word";
      continue;
    }
    if (ch === escape) {
      if (pos + 1 === line.length) {
        phase = "word";
        continue;
      }
      ch = line[++pos];
    }
    buf += ch;
  }
  return ["", words];
}

class NotStringArray extends Error {}

function parseJSON(rest: string): string[] | null {
  const t = trimLeft(rest);
  if (!t.startsWith("[")) return null;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  if (v.some((x) => typeof x !== "string")) throw new NotStringArray("when using JSON array syntax, arrays must be comprised of strings only");
  return v as string[];
}

function nameVal(rest: string, key: string, escape: string): string[] {
  const words = parseWords(rest, escape);
  if (words.length === 0) return [];
  if (!words[0].includes("=")) {
    const parts = rest.split(/[\t\v\f\r ]+/);
    const i = rest.search(/[\t\v\f\r ]+/);
    if (parts.length < 2 || i < 0) throw new Error(`${key} must have two arguments`);
    const m = /[\t\v\f\r ]+/.exec(rest)!;
    return [rest.slice(0, m.index), rest.slice(m.index + m[0].length), ""];
  }
  const out: string[] = [];
  for (const w of words) {
    if (!w.includes("=")) throw new Error(`Syntax error - can't find = in "${w}". Must be of the form: name=value`);
    const eq = w.indexOf("=");
    out.push(w.slice(0, eq), w.slice(eq + 1), "=");
  }
  return out;
}

type Shape = (rest: string, escape: string) => { args: string[]; json: boolean };

const maybeJSON: Shape = (rest) => {
  if (rest === "") return { args: [], json: false };
  const j = parseJSON(rest);
  return j ? { args: j, json: true } : { args: [rest], json: false };
};
const maybeJSONList: Shape = (rest) => {
  const j = parseJSON(rest);
  if (j) return { args: j, json: true };
  return { args: rest === "" ? [] : splitWhitespace(rest), json: false };
};
const whitespace: Shape = (rest) => ({ args: rest === "" ? [] : splitWhitespace(rest), json: false });
const single: Shape = (rest) => ({ args: rest === "" ? [] : [rest], json: false });

const SHAPES: Record<string, Shape> = {
  add: maybeJSONList,
  arg: (rest, e) => ({ args: parseWords(rest, e), json: false }),
  cmd: maybeJSON,
  copy: maybeJSONList,
  entrypoint: maybeJSON,
  env: (rest, e) => ({ args: nameVal(rest, "ENV", e), json: false }),
  expose: whitespace,
  from: whitespace,
  healthcheck: (rest) => {
    const m = /^(\S+)\s*/.exec(rest);
    if (!m) return { args: [], json: false };
    const cmd = maybeJSON(rest.slice(m[0].length), "\\");
    return { args: [m[1], ...cmd.args], json: cmd.json };
  },
  label: (rest, e) => ({ args: nameVal(rest, "LABEL", e), json: false }),
  maintainer: single,
  run: maybeJSON,
  shell: maybeJSON,
  stopsignal: single,
  user: single,
  volume: maybeJSONList,
  workdir: single,
};

export function nodeFromLine(line: string, escape: string): Node {
  const trimmed = line.trim();
  const m = /[\t\v\f\r ]+/.exec(trimmed);
  const cmd = m ? trimmed.slice(0, m.index) : trimmed;
  let rest = "";
  let flags: string[] = [];
  if (m) [rest, flags] = extractFlags(trimmed.slice(m.index + m[0].length), escape);
  rest = rest.trim();
  const lower = cmd.toLowerCase();
  const node: Node = { cmd, flags, args: [], json: false, original: line, startLine: 0, endLine: 0, heredocs: [] };
  if (lower === "onbuild") {
    if (rest !== "") node.sub = nodeFromLine(rest, escape);
    return node;
  }
  const shape = SHAPES[lower];
  if (shape) Object.assign(node, shape(rest, escape));
  return node;
}

function heredocOf(word: string): Omit<Heredoc, "content"> | null {
  const m = HEREDOC.exec(word);
  if (!m || m[3] === "") return null;
  const plain = unquoteWord(m[3]);
  if (plain.length !== 1) return null;
  const raw = rawWords(m[3]);
  const count = (s: string) => (s.match(/['"]/g) ?? []).length;
  return { name: plain[0], chomp: m[2] === "-", expand: count(plain[0]) === count(raw[0] ?? ""), fd: Number(m[1] || 0) };
}

/** The here-document a word names (`<<EOF`, `<<-"EOF"`), or null. */
export function parseHeredocWord(word: string): Omit<Heredoc, "content"> | null {
  try {
    return heredocOf(word);
  } catch {
    return null;
  }
}

function canHaveHeredoc(n: Node): boolean {
  const t = n.cmd.toLowerCase() === "onbuild" && n.sub ? n.sub : n;
  return HEREDOC_INSTRUCTIONS.has(t.cmd.toLowerCase()) && !t.json;
}

export function parseDockerfile(text: string): ParseResult {
  const lines = text.split(/(?<=\n)/);
  if (lines.length && lines[0].startsWith("\ufeff")) lines[0] = lines[0].slice(1);
  let escape = "\\";
  let contRe = makeContRe(escape);
  const directives: Record<string, string> = {};
  let directivesDone = false;
  const warnings: string[] = [];
  const nodes: Node[] = [];
  let i = 0;
  let current = 0;
  const strip = (s: string) => s.replace(/[\r\n]+$/, "");
  /** processLine: directives (while allowed), then comments become empty. */
  const processLine = (raw: string, stripLeft: boolean): string => {
    let t = strip(raw);
    if (stripLeft) t = trimLeft(t);
    if (!directivesDone) {
      const m = DIRECTIVE.exec(t);
      const k = m?.[1].toLowerCase();
      if (!m || !k || !["syntax", "escape", "check"].includes(k)) directivesDone = true;
      else {
        if (k in directives) throw new DockerfileError(`only one ${k} parser directive can be used`, current + 1, current + 1);
        directives[k] = m[2];
        if (k === "escape") {
          if (m[2] !== "`" && m[2] !== "\\") throw new DockerfileError(`invalid escape token '${m[2]}' does not match \` or \\`, current + 1, current + 1);
          escape = m[2];
          contRe = makeContRe(escape);
        }
      }
    }
    return isComment(t) ? "" : t;
  };
  while (i < lines.length) {
    const first = lines[i++];
    const processed = processLine(first, true);
    current++;
    const startLine = current;
    let [bytes, ended] = trimCont(processed, contRe);
    if (ended && bytes.length === 0) continue;
    let buf = bytes;
    let emptyCont = false;
    while (!ended && i < lines.length) {
      const raw = lines[i++];
      const p = processLine(raw, false);
      current++;
      if (isComment(strip(raw))) continue;
      if (trimLeft(strip(p)) === "") {
        emptyCont = true;
        continue;
      }
      [bytes, ended] = trimCont(p, contRe);
      buf += bytes;
    }
    if (emptyCont) warnings.push(`Empty continuation line found in: ${buf}`);
    let node: Node;
    try {
      node = nodeFromLine(buf, escape);
    } catch (e) {
      throw new DockerfileError((e as Error).message, startLine, current);
    }
    if (canHaveHeredoc(node) && buf.includes("<<")) {
      for (const w of rawWords(buf)) {
        const h = parseHeredocWord(w);
        if (!h) continue;
        let content = "";
        let done = false;
        while (i < lines.length) {
          const raw = lines[i++];
          current++;
          let cand = strip(raw);
          if (h.chomp) cand = cand.replace(/^\t+/, "");
          if (cand === h.name) {
            done = true;
            break;
          }
          content += raw;
        }
        if (!done) throw new DockerfileError("unterminated heredoc", startLine, current);
        node.heredocs.push({ ...h, content });
      }
    }
    node.startLine = startLine;
    node.endLine = current;
    nodes.push(node);
  }
  if (nodes.length === 0) throw new DockerfileError("file with no instructions", current, 0);
  return { nodes, escape, directives, warnings };
}

function makeContRe(escape: string): RegExp {
  const e = escape === "\\" ? "\\\\" : escape;
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

function trimCont(line: string, re: RegExp): [string, boolean] {
  if (re.test(line)) return [line.replace(re, "$1"), false];
  return [line, true];
}
