/**
 * Script generator for fuzzing the shell: grammar-shaped scripts, token soup, and mutations of
 * known scripts, all from a seeded PRNG so a failure can be replayed by its index.
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "echo", "x", "y", "a b", "$x", "${x:-d}", "${x#*a}", "${#x}", "${x%%b*}", "${x:?e}", "${x=v}", "${x/a/b}", "$1", "$@", '"$@"', "$*", "$#", "$?", "$$",
  "$!", "$-", "$0", "*", "*.txt", "?", "[ab]*", "~", "~/x", "'q w'", '"d $x"', "\\$", "a\\ b", "$(echo s)", "`echo b`", "$((1+2))", "$((x*3))",
  "$((1/0))", "$((", "${", "${x", "$(", "`", "'", '"', "-n", "-e", "--", "1", "0", "-1", "99999999999", "=", "==", "!=", "-eq", "-lt", "-z", "-f",
  "/", "/etc", "/dev/null", "a.txt", "dir", "nosuch", "%s\\n", "%d", "%b", "\\t", "IFS", "PATH", "HOME",
];
const CMDS = [
  "echo", "printf", "cat", "true", "false", ":", "cd", "pwd", "export", "unset", "readonly", "set", "shift", "trap", "read", "test", "[", "eval",
  ".", "command", "type", "getopts", "umask", "kill", "wait", "local", "return", "exit", "break", "continue", "exec", "alias", "let", "sleep",
  "ls", "nosuchcmd", "./plain.sh", "./noexec.sh", "sh", "jobs", "times", "ulimit", "hash", "[[",
];
const OPS = [";", "&&", "||", "|", "&", "\n", ";;", "(", ")", "{", "}", "<", ">", ">>", "2>&1", ">&2", "<<EOF", "<<-E", "<&0", ">&-", "<>", ">|", "!"];
const KW = ["if", "then", "else", "elif", "fi", "while", "until", "do", "done", "for", "in", "case", "esac", "function"];

export class ScriptGen {
  constructor(private readonly r: () => number) {}

  private pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.r() * a.length)];
  }

  private int(n: number): number {
    return Math.floor(this.r() * n);
  }

  word(): string {
    return this.pick(WORDS);
  }

  simple(): string {
    const parts: string[] = [];
    if (this.r() < 0.2) parts.push(`x=${this.word()}`);
    parts.push(this.pick(CMDS));
    const n = this.int(4);
    for (let i = 0; i < n; i++) parts.push(this.word());
    if (this.r() < 0.15) parts.push(this.pick([">/dev/null", "2>&1", "<a.txt", ">out", ">>out", "2>/dev/null", "<nosuch", ">&3", "3>f"]));
    return parts.join(" ");
  }

  command(depth: number): string {
    if (depth <= 0) return this.simple();
    switch (this.int(10)) {
      case 0:
        return `if ${this.list(depth - 1)}; then ${this.list(depth - 1)}; ${this.r() < 0.5 ? `else ${this.list(depth - 1)}; ` : ""}fi`;
      case 1:
        return `i=0; while [ $i -lt ${this.int(4)} ]; do i=$((i+1)); ${this.list(depth - 1)}; done`;
      case 2:
        return `for v in ${this.word()} ${this.word()}; do ${this.list(depth - 1)}; done`;
      case 3:
        return `case ${this.word()} in ${this.word()}) ${this.list(depth - 1)};; *) ${this.simple()};; esac`;
      case 4:
        return `( ${this.list(depth - 1)} )`;
      case 5:
        return `{ ${this.list(depth - 1)}; }`;
      case 6:
        return `f() { ${this.list(depth - 1)}; }; f ${this.word()}`;
      case 7:
        return `${this.simple()} | ${this.command(depth - 1)}`;
      case 8:
        return `x=$(${this.list(depth - 1)})`;
      default:
        return `cat <<EOF\n${this.word()} ${this.word()}\nEOF`;
    }
  }

  list(depth: number): string {
    const n = 1 + this.int(3);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      out.push(this.command(depth));
      if (i < n - 1) out.push(this.pick(["; ", " && ", " || ", "\n", " & "]));
    }
    return out.join("");
  }

  soup(): string {
    const n = 1 + this.int(25);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = this.r();
      out.push(k < 0.35 ? this.word() : k < 0.55 ? this.pick(CMDS) : k < 0.8 ? this.pick(OPS) : k < 0.95 ? this.pick(KW) : String.fromCharCode(32 + this.int(95)));
    }
    return out.join(this.r() < 0.8 ? " " : "");
  }

  mutate(s: string): string {
    let t = s;
    const n = 1 + this.int(4);
    for (let i = 0; i < n; i++) {
      const at = this.int(t.length + 1);
      switch (this.int(4)) {
        case 0:
          t = t.slice(0, at) + t.slice(at + 1 + this.int(3));
          break;
        case 1:
          t = t.slice(0, at) + this.pick([...OPS, ...KW, "$", "{", "}", "'", '"', "`", "\\", "(", ")", "$(("]) + t.slice(at);
          break;
        case 2: {
          const from = this.int(t.length);
          t = t.slice(0, at) + t.slice(from, from + this.int(10)) + t.slice(at);
          break;
        }
        default:
          t = t.slice(0, at) + " " + this.word() + " " + t.slice(at);
      }
    }
    return t;
  }

  /** Script number i: a mix of the three kinds. */
  script(known: readonly string[]): string {
    const k = this.r();
    if (k < 0.4) return this.list(1 + this.int(3));
    if (k < 0.7) return this.soup();
    return this.mutate(known.length ? this.pick(known) : this.soup());
  }
}
