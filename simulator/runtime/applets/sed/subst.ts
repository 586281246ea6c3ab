/** The s command's matching loop and replacement text, as BusyBox's sed computes them. */
import { Die } from "../lib/applet";
import { posixExec } from "../lib/regex";
import type { Script, SedCmd } from "./parse";

/** s///: the new pattern space, or null when nothing was replaced (do_subst_command). */
export function substitute(sc: Script, c: SedCmd, line: string): string | null {
  let re = c.subMatch;
  if (!re) {
    re = sc.previous;
    if (!re) throw new Die("no previous regexp");
  }
  sc.previous = re;
  re.re.lastIndex = 0;
  let m = posixExec(re.re, line);
  if (!m) return null;
  let out = "";
  let count = 0;
  let altered = false;
  let prevEmpty = true;
  let triedEol = false;
  let rest = line;
  for (;;) {
    const start = m.index;
    const end = start + m[0].length;
    count++;
    let e = end;
    if (c.whichMatch && c.whichMatch !== count) {
      out += rest.slice(0, end);
      rest = rest.slice(end);
      if (start === end && rest) {
        out += rest[0];
        rest = rest.slice(1);
      }
    } else {
      out += rest.slice(0, start);
      if (prevEmpty || start !== 0 || start !== end) {
        out += expand(c.string ?? "", m);
        altered = true;
      }
      prevEmpty = start === end;
      if (prevEmpty) {
        if (e >= rest.length) triedEol = true;
        else {
          out += rest[e];
          e++;
        }
      }
      rest = rest.slice(e);
      if (c.whichMatch !== 0) break;
    }
    if (rest === "") {
      if (triedEol) break;
      triedEol = true;
    }
    re.notbol.lastIndex = 0;
    m = posixExec(re.notbol, rest);
    if (!m) break;
  }
  return altered ? out + rest : null;
}

/** The replacement with \1..\9 and & filled in. */
function expand(repl: string, m: RegExpExecArray): string {
  let s = "";
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i];
    if (ch === "\\") {
      const d = repl[++i];
      if (d !== undefined && d >= "0" && d <= "9") {
        s += m[+d] ?? "";
        continue;
      }
      s += d ?? "";
      continue;
    }
    s += ch === "&" ? m[0] : ch;
  }
  return s;
}
