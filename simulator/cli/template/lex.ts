/**
 * The text/template lexer (Go's text/template/parse/lex.go, default delimiters {{ }}): items with
 * byte-free positions (UTF-16 offsets into the template, which equal Go's byte offsets for ASCII
 * text before them) and line numbers; trim markers {{- -}}; comments; break/continue keywords.
 */

export type ItemType =
  | "error"
  | "bool"
  | "char"
  | "charConstant"
  | "complex"
  | "assign"
  | "declare"
  | "EOF"
  | "field"
  | "identifier"
  | "leftDelim"
  | "leftParen"
  | "number"
  | "pipe"
  | "rawString"
  | "rightDelim"
  | "rightParen"
  | "space"
  | "string"
  | "text"
  | "variable"
  // keywords
  | "block"
  | "break"
  | "continue"
  | "dot"
  | "define"
  | "else"
  | "end"
  | "if"
  | "nil"
  | "range"
  | "template"
  | "with";

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  ".": "dot",
  block: "block",
  break: "break",
  continue: "continue",
  define: "define",
  else: "else",
  end: "end",
  if: "if",
  range: "range",
  nil: "nil",
  template: "template",
  with: "with",
};

const KEYWORD_TYPES = new Set<ItemType>(Object.values(KEYWORDS));

/** Go's item.String(), used in parse errors. */
export function itemString(i: Item): string {
  if (i.typ === "EOF") return "EOF";
  if (i.typ === "error") return i.val;
  if (KEYWORD_TYPES.has(i.typ)) return `<${i.val}>`;
  if (i.val.length > 10) return goQuoteN(i.val, 10) + "...";
  return goQuoteN(i.val, Infinity);
}

function goQuoteN(s: string, n: number): string {
  // %.10q quotes the first n runes.
  const rs = [...s].slice(0, n).join("");
  return JSON.stringify(rs);
}

const LEFT = "{{";
const RIGHT = "}}";
const isSpace = (c: string) => c === " " || c === "\t" || c === "\r" || c === "\n";
const isAlphaNumeric = (c: string) => c === "_" || /^[\p{L}\p{Nd}]$/u.test(c);

export function lex(input: string, opts: { breakOK?: boolean; continueOK?: boolean } = {}): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  const breakOK = opts.breakOK ?? true;
  const continueOK = opts.continueOK ?? true;

  const emit = (typ: ItemType) => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    for (let i = start; i < pos; i++) if (input[i] === "\n") line++;
    start = pos;
    startLine = line;
  };
  const errorf = (msg: string) => {
    items.push({ typ: "error", pos: start, val: msg, line: startLine });
  };
  const advance = (n: number) => {
    for (let i = 0; i < n && pos < input.length; i++) {
      if (input[pos] === "\n") line++;
      pos++;
    }
  };
  const peek = () => (pos < input.length ? input[pos] : "");
  const next = () => {
    if (pos >= input.length) return "";
    const c = input[pos];
    advance(1);
    return c;
  };
  const backup = () => {
    pos--;
    if (input[pos] === "\n") line--;
  };
  const hasLeftTrimAt = (i: number) => input[i] === "-" && i + 1 < input.length && isSpace(input[i + 1]);
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (isSpace(input[pos] ?? "") && input[pos + 1] === "-" && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };
  const atTerminator = () => {
    const r = peek();
    if (r === "" || isSpace(r) || ".,|:()".includes(r)) return true;
    return input.startsWith(RIGHT, pos);
  };
  /** Spaces from index i forward. */
  const leftTrimLength = (i: number) => {
    let j = i;
    while (j < input.length && isSpace(input[j])) j++;
    return j - i;
  };
  /** Spaces backward from index end (exclusive), not before start. */
  const rightTrimLength = (start: number, end: number) => {
    let j = end;
    while (j > start && isSpace(input[j - 1])) j--;
    return end - j;
  };
  const badChar = (r: string) => {
    const cp = r.codePointAt(0)!;
    const hex = cp.toString(16).toUpperCase().padStart(4, "0");
    return `bad character U+${hex} '${r}'`;
  };

  type State = (() => State) | null;

  const lexText: State = () => {
    const x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      if (x > pos) {
        advance(x - pos);
        let trimLength = 0;
        const delimEnd = pos + LEFT.length;
        if (hasLeftTrimAt(delimEnd)) trimLength = rightTrimLength(start, pos);
        pos -= trimLength;
        for (let i = pos; i < pos + trimLength; i++) if (input[i] === "\n") line--;
        if (pos > start) emit("text");
        advance(trimLength);
        ignore();
      }
      return lexLeftDelim;
    }
    advance(input.length - pos);
    if (pos > start) emit("text");
    items.push({ typ: "EOF", pos, val: "", line });
    return null;
  };

  const lexLeftDelim: State = () => {
    advance(LEFT.length);
    const trim = hasLeftTrimAt(pos);
    const afterMarker = trim ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      advance(afterMarker);
      ignore();
      return lexComment;
    }
    emit("leftDelim");
    advance(afterMarker);
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment: State = () => {
    advance(2);
    const x = input.indexOf("*/", pos);
    if (x < 0) {
      errorf("unclosed comment");
      return null;
    }
    advance(x + 2 - pos);
    const { delim, trim } = atRightDelim();
    if (!delim) {
      errorf("comment ends before closing delimiter");
      return null;
    }
    if (trim) advance(2);
    advance(RIGHT.length);
    if (trim) advance(leftTrimLength(pos));
    ignore();
    return lexText;
  };

  const lexRightDelim: State = () => {
    const { trim } = atRightDelim();
    if (trim) {
      advance(2);
      ignore();
    }
    advance(RIGHT.length);
    emit("rightDelim");
    if (trim) {
      advance(leftTrimLength(pos));
      ignore();
    }
    return lexText;
  };

  const lexInsideAction: State = () => {
    const { delim } = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim;
      errorf("unclosed left paren");
      return null;
    }
    const r = next();
    if (r === "") {
      errorf("unclosed action");
      return null;
    }
    if (isSpace(r)) {
      backup();
      return lexSpace;
    }
    if (r === "=") emit("assign");
    else if (r === ":") {
      if (next() !== "=") {
        errorf("expected :=");
        return null;
      }
      emit("declare");
    } else if (r === "|") emit("pipe");
    else if (r === '"') return lexQuote;
    else if (r === "`") return lexRawQuote;
    else if (r === "$") return lexVariable;
    else if (r === "'") return lexChar;
    else if (r === "." && pos < input.length && !(input[pos] >= "0" && input[pos] <= "9")) return lexField;
    else if (r === "." || r === "+" || r === "-" || (r >= "0" && r <= "9")) {
      backup();
      return lexNumber;
    } else if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier;
    } else if (r === "(") {
      emit("leftParen");
      parenDepth++;
    } else if (r === ")") {
      parenDepth--;
      if (parenDepth < 0) {
        errorf("unexpected right paren");
        return null;
      }
      emit("rightParen");
    } else if (r.charCodeAt(0) < 0x7f && r.charCodeAt(0) >= 0x20) emit("char");
    else {
      const full = String.fromCodePoint(input.codePointAt(pos - 1)!);
      const cp = full.codePointAt(0)!;
      errorf(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, "0")}` + (cp >= 0x20 ? ` '${full}'` : ""));
      return null;
    }
    return lexInsideAction;
  };

  const lexSpace: State = () => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (input.startsWith("-" + RIGHT, pos) && numSpaces > 0 && isSpace(input[pos - 1])) {
      backup();
      if (numSpaces === 1) return lexRightDelim;
    }
    emit("space");
    return lexInsideAction;
  };

  const lexIdentifier: State = () => {
    for (;;) {
      const cp = input.codePointAt(pos);
      const r = cp === undefined ? "" : String.fromCodePoint(cp);
      if (r !== "" && isAlphaNumeric(r)) {
        advance(r.length);
        continue;
      }
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        errorf(badChar(r));
        return null;
      }
      const kw = KEYWORDS[word];
      if (kw) {
        if ((kw === "break" && !breakOK) || (kw === "continue" && !continueOK)) emit("identifier");
        else emit(kw);
      } else if (word[0] === ".") emit("field");
      else if (word === "true" || word === "false") emit("bool");
      else emit("identifier");
      return lexInsideAction;
    }
  };

  const lexFieldOrVariable = (typ: "field" | "variable"): State => {
    if (atTerminator()) {
      emit(typ === "variable" ? "variable" : "dot");
      return lexInsideAction;
    }
    for (;;) {
      const cp = input.codePointAt(pos);
      const r = cp === undefined ? "" : String.fromCodePoint(cp);
      if (r !== "" && isAlphaNumeric(r)) {
        advance(r.length);
        continue;
      }
      if (!atTerminator()) {
        errorf(badChar(r));
        return null;
      }
      emit(typ);
      return lexInsideAction;
    }
  };
  const lexField: State = () => lexFieldOrVariable("field");
  const lexVariable: State = () => lexFieldOrVariable("variable");

  const lexChar: State = () => {
    for (;;) {
      const r = next();
      if (r === "\\") {
        const e = next();
        if (e !== "" && e !== "\n") continue;
        errorf("unterminated character constant");
        return null;
      }
      if (r === "" || r === "\n") {
        errorf("unterminated character constant");
        return null;
      }
      if (r === "'") break;
    }
    emit("charConstant");
    return lexInsideAction;
  };

  const scanNumber = (): boolean => {
    const accept = (valid: string) => {
      if (peek() !== "" && valid.includes(peek())) {
        next();
        return true;
      }
      return false;
    };
    const acceptRun = (valid: string) => {
      while (peek() !== "" && valid.includes(peek())) next();
    };
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    const p = peek();
    if (p !== "" && isAlphaNumeric(p)) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber: State = () => {
    if (!scanNumber()) {
      errorf(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
      return null;
    }
    const sign = peek();
    if (sign === "+" || sign === "-") {
      if (!scanNumber() || input[pos - 1] !== "i") {
        errorf(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
        return null;
      }
      emit("complex");
    } else emit("number");
    return lexInsideAction;
  };

  const lexQuote: State = () => {
    for (;;) {
      const r = next();
      if (r === "\\") {
        const e = next();
        if (e !== "" && e !== "\n") continue;
        errorf("unterminated quoted string");
        return null;
      }
      if (r === "" || r === "\n") {
        errorf("unterminated quoted string");
        return null;
      }
      if (r === '"') break;
    }
    emit("string");
    return lexInsideAction;
  };

  const lexRawQuote: State = () => {
    const x = input.indexOf("`", pos);
    if (x < 0) {
      errorf("unterminated raw quoted string");
      return null;
    }
    advance(x + 1 - pos);
    emit("rawString");
    return lexInsideAction;
  };

  let state: State = lexText;
  let guard = 0;
  while (state) {
    state = state();
    if (++guard > 10 * input.length + 1000) throw new Error("template lexer did not terminate");
  }
  return items;
}
