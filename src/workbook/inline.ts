/**
 * Inline `code` in exercise texts (goals, hints): the text split into plain and code segments, for
 * components to render as text and <code> without any HTML string building. Backtick runs pair as
 * in CommonMark: a run of n backticks closes only at the next run of exactly n; an unmatched run
 * stays literal text.
 */
export interface InlineSegment {
  code: boolean;
  text: string;
}

export function inlineSegments(source: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const push = (code: boolean, text: string) => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && !last.code && !code) last.text += text;
    else segments.push({ code, text });
  };
  let i = 0;
  let plainFrom = 0;
  while (i < source.length) {
    if (source[i] !== "`") {
      i++;
      continue;
    }
    let runEnd = i;
    while (source[runEnd] === "`") runEnd++;
    const run = runEnd - i;
    // the closing run: the next run of exactly `run` backticks
    let close = -1;
    let j = runEnd;
    while (j < source.length) {
      if (source[j] !== "`") {
        j++;
        continue;
      }
      let k = j;
      while (source[k] === "`") k++;
      if (k - j === run) {
        close = j;
        break;
      }
      j = k;
    }
    if (close < 0) {
      i = runEnd;
      continue;
    }
    push(false, source.slice(plainFrom, i));
    let code = source.slice(runEnd, close).replace(/\n/g, " ");
    if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim() !== "") code = code.slice(1, -1);
    segments.push({ code: true, text: code });
    i = close + run;
    plainFrom = i;
  }
  push(false, source.slice(plainFrom));
  return segments;
}

/** The text without its backticks (for accessible names and plain-text places). */
export function inlinePlain(source: string): string {
  return inlineSegments(source)
    .map((s) => s.text)
    .join("");
}
