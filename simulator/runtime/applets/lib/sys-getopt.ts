/**
 * BusyBox's getopt32 over glibc getopt_long: bundled short flags (`-un`), attached or separate
 * arguments (`-n1`, `-n 1`), long options by unique prefix, `--` ending options, and GNU
 * permutation (options after operands) unless the spec starts with "+". Errors are glibc's
 * messages, shown before the applet's usage.
 */
import { ShowUsage } from "./sys-applet";

export interface LongOption {
  name: string;
  /** Recorded under this key (a short letter or the long name). */
  key: string;
  arg?: boolean;
}

export class Parsed {
  /** Options in order with their arguments (null for flags). */
  readonly list: Array<[string, string | null]> = [];
  readonly operands: string[] = [];
  has(k: string): boolean {
    return this.list.some(([key]) => key === k);
  }
  count(k: string): number {
    return this.list.filter(([key]) => key === k).length;
  }
  /** The last argument given to option k. */
  get(k: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i][0] === k) return this.list[i][1] ?? undefined;
    return undefined;
  }
  all(k: string): string[] {
    return this.list.filter(([key, v]) => key === k && v !== null).map(([, v]) => v as string);
  }
}

/** Parse argv (without argv[0]). `spec` is getopt's: "ab:c" ("+" first: stop at the first operand). */
export function getopt(args: readonly string[], spec: string, longs: readonly LongOption[] = []): Parsed {
  const posix = spec.startsWith("+");
  /** "x": a flag, "x:": a required argument, "x::": an optional argument (attached only). */
  const takes = new Map<string, "none" | "required" | "optional">();
  for (let i = posix ? 1 : 0; i < spec.length; i++) {
    if (spec[i] === ":") continue;
    takes.set(spec[i], spec[i + 1] !== ":" ? "none" : spec[i + 2] === ":" ? "optional" : "required");
  }
  const p = new Parsed();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      p.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && longs.length > 0) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const exact = longs.find((l) => l.name === name);
      const cands = exact ? [exact] : longs.filter((l) => l.name.startsWith(name));
      if (cands.length !== 1) throw new ShowUsage(cands.length === 0 ? `unrecognized option '${a}'` : `option '${a}' is ambiguous`);
      const l = cands[0];
      if (l.arg) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new ShowUsage(`option '--${l.name}' requires an argument`);
        p.list.push([l.key, v]);
      } else {
        if (eq >= 0) throw new ShowUsage(`option '--${l.name}' doesn't allow an argument`);
        p.list.push([l.key, null]);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!takes.has(c)) throw new ShowUsage(a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${c}'`);
        const kind = takes.get(c);
        if (kind === "optional") {
          p.list.push([c, j + 1 < a.length ? a.slice(j + 1) : null]);
          break;
        }
        if (kind === "required") {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) throw new ShowUsage(`option requires an argument -- '${c}'`);
          p.list.push([c, v]);
          break;
        }
        p.list.push([c, null]);
      }
      continue;
    }
    if (posix) {
      p.operands.push(...args.slice(i));
      break;
    }
    p.operands.push(a);
  }
  return p;
}
