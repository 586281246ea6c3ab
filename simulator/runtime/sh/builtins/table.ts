/** The builtin table: names, implementations, and which are POSIX special builtins. */
import type { Shell } from "../shell";

export type BuiltinFn = (sh: Shell, argv: string[]) => Promise<number>;

export interface Builtin {
  name: string;
  fn: BuiltinFn;
  /** Special builtins: assignments before them persist; their errors end the shell. */
  special: boolean;
  /** Arguments that look like assignments are expanded as assignments (export, local, ...). */
  assign: boolean;
}

export const BUILTINS = new Map<string, Builtin>();

/** Builtins only the bash dialect has (declare, typeset). */
export const BASH_BUILTINS = new Map<string, Builtin>();

export function def(names: string | string[], fn: BuiltinFn, opts: { special?: boolean; assign?: boolean; bashOnly?: boolean } = {}): void {
  for (const name of Array.isArray(names) ? names : [names]) {
    (opts.bashOnly ? BASH_BUILTINS : BUILTINS).set(name, { name, fn, special: !!opts.special, assign: !!opts.assign });
  }
}

/** The builtin a name runs in this shell's dialect. */
export function builtinFor(sh: { bash: boolean }, name: string): Builtin | undefined {
  return (sh.bash ? BASH_BUILTINS.get(name) : undefined) ?? BUILTINS.get(name);
}

/** Reserved words (quoted in the -x trace, reported by `type`). */
export const KEYWORDS = new Set(["!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "then", "until", "while", "{", "}"]);
