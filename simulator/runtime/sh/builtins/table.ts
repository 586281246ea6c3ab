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

export function def(names: string | string[], fn: BuiltinFn, opts: { special?: boolean; assign?: boolean } = {}): void {
  for (const name of Array.isArray(names) ? names : [names]) {
    BUILTINS.set(name, { name, fn, special: !!opts.special, assign: !!opts.assign });
  }
}

/** Reserved words (quoted in the -x trace, reported by `type`). */
export const KEYWORDS = new Set(["!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "then", "until", "while", "{", "}"]);
