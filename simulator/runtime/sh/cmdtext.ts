/** A command's text as ash shows it in `jobs` and job notices (its cmdtxt): rebuilt from the tree. */
import type { Node, Redir, Word, WordPart } from "./ast";

const OPNAME: Record<string, string> = { "": "", "-": "-", "=": "=", "?": "?", "+": "+", "#": "#", "##": "##", "%": "%", "%%": "%%", ":": ":", "/": "/", "//": "//" };

function parts(ps: WordPart[], inDq = false): string {
  let s = "";
  for (const p of ps) {
    switch (p.k) {
      case "lit":
        s += p.s;
        break;
      case "q":
        s += inDq ? p.s : '"' + p.s + '"';
        break;
      case "dq":
        s += '"' + parts(p.parts, true) + '"';
        break;
      case "param":
        s += p.op === "len" ? "${#" + p.name + "}" : "${" + p.name + (p.colon ? ":" : "") + (OPNAME[p.op] ?? "") + parts(p.arg ?? [], inDq) + "}";
        break;
      case "cmd":
        s += "$(...)";
        break;
      case "arith":
        s += "$((" + parts(p.parts, true) + "))";
        break;
      case "arr":
        s += "(" + p.words.map(word).join(" ") + ")";
        break;
    }
  }
  return s;
}

function word(w: Word): string {
  return parts(w.parts);
}

function redir(r: Redir): string {
  if (r.op === "<<") return ` ${r.fd}<<...`;
  const op = r.op === "&>" ? ">&" : r.op;
  if ((r.op === ">&" || r.op === "<&") && r.target === null) return ` ${r.fd}${op}${r.dupfd !== undefined && r.dupfd >= 0 ? r.dupfd : "-"}`;
  return ` ${r.fd}${op}${r.target ? word(r.target) : ""}`;
}

export function cmdtext(n: Node | null): string {
  if (!n) return "";
  switch (n.t) {
    case "pipe":
      return n.cmds.map(cmdtext).join(" | ");
    case "semi":
      return cmdtext(n.a) + "; " + cmdtext(n.b);
    case "and":
      return cmdtext(n.a) + " && " + cmdtext(n.b);
    case "or":
      return cmdtext(n.a) + " || " + cmdtext(n.b);
    case "redir":
    case "bg":
      return cmdtext(n.body);
    case "not":
      return "!" + cmdtext(n.body);
    case "if":
      return "if " + cmdtext(n.test) + "; then " + (n.else ? cmdtext(n.then) + "; else " + cmdtext(n.else) : cmdtext(n.then)) + "; fi";
    case "subshell":
      return "(" + cmdtext(n.body) + ")";
    case "while":
    case "until":
      return n.t + " " + cmdtext(n.test) + "; do " + cmdtext(n.body) + "; done";
    case "for":
      return "for " + n.name + " in " + (n.words ? n.words.map(word).join(" ") : '"$@"') + "; do " + cmdtext(n.body) + "; done";
    case "func":
      return n.name + "() { ... }";
    case "case":
      return "case " + word(n.word) + " in " + n.items.map((i) => i.patterns.map(word).join(" ") + ") " + cmdtext(i.body) + ";; ").join("") + "esac";
    case "cond":
      return "[[ ... ]]" + n.redirs.map(redir).join("");
    case "cmd":
      return [...n.assigns, ...n.args].map(word).join(" ") + n.redirs.map(redir).join("");
  }
}
