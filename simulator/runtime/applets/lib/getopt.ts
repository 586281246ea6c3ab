/**
 * Command-line options as BusyBox's getopt32 parses them (it sits on glibc's getopt_long):
 * combined short flags (`-laR`), arguments attached or separate (`-n5`, `-n 5`), long options
 * with unique-prefix matching (`--full` for `--full-time`), `--` ending options, and GNU
 * argument permutation (options after operands) unless the spec starts with "+".
 * Errors carry glibc's wording and end in the applet's usage text.
 */
import { UsageError } from "./applet";

export interface LongOpt {
  name: string;
  /** The key the option is recorded under: a short letter or any other name. */
  key: string;
  arg?: "none" | "required" | "optional";
}

export class Opts {
  /** Options in the order given, with their arguments. */
  readonly seen: Array<{ key: string; value: string | null }> = [];
  readonly operands: string[] = [];

  has(k: string): boolean {
    return this.seen.some((s) => s.key === k);
  }
  count(k: string): number {
    return this.seen.filter((s) => s.key === k).length;
  }
  /** The last argument given to option k. */
  last(k: string): string | undefined {
    for (let i = this.seen.length - 1; i >= 0; i--) if (this.seen[i].key === k) return this.seen[i].value ?? undefined;
    return undefined;
  }
  all(k: string): string[] {
    return this.seen.filter((s) => s.key === k && s.value !== null).map((s) => s.value as string);
  }
  /** Which of `keys` came last (for pairs where the last one wins, like ls -t/-S). */
  lastOf(...keys: string[]): string | undefined {
    for (let i = this.seen.length - 1; i >= 0; i--) if (keys.includes(this.seen[i].key)) return this.seen[i].key;
    return undefined;
  }
}

function parseSpec(spec: string): { posix: boolean; takes: Map<string, "none" | "required" | "optional"> } {
  const takes = new Map<string, "none" | "required" | "optional">();
  let posix = false;
  let i = 0;
  if (spec[0] === "+") {
    posix = true;
    i = 1;
  }
  for (; i < spec.length; i++) {
    const c = spec[i];
    if (spec[i + 1] === ":" && spec[i + 2] === ":") {
      takes.set(c, "optional");
      i += 2;
    } else if (spec[i + 1] === ":") {
      takes.set(c, "required");
      i++;
    } else takes.set(c, "none");
  }
  return { posix, takes };
}

/** Parse `args` (argv without argv[0]). Throws UsageError with glibc's message on bad options. */
export function getopt(args: readonly string[], spec: string, long: readonly LongOpt[] = []): Opts {
  const { posix, takes } = parseSpec(spec);
  const o = new Opts();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("--") && long.length > 0) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const value = eq < 0 ? null : a.slice(eq + 1);
      let lo = long.find((l) => l.name === name);
      if (!lo) {
        const cands = long.filter((l) => l.name.startsWith(name));
        const keys = new Set(cands.map((c) => c.key));
        if (cands.length === 0 || name === "") throw new UsageError(`unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'`);
        if (keys.size > 1) throw new UsageError(`option '${a}' is ambiguous; possibilities:${cands.map((c) => " '--" + c.name + "'").join("")}`);
        lo = cands[0];
      }
      const kind = lo.arg ?? "none";
      if (kind === "none") {
        if (value !== null) throw new UsageError(`option '--${lo.name}' doesn't allow an argument`);
        o.seen.push({ key: lo.key, value: null });
      } else if (kind === "optional") {
        o.seen.push({ key: lo.key, value });
      } else if (value !== null) {
        o.seen.push({ key: lo.key, value });
      } else {
        if (i + 1 >= args.length) throw new UsageError(`option '--${lo.name}' requires an argument`);
        o.seen.push({ key: lo.key, value: args[++i] });
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const kind = takes.get(c);
        if (kind === undefined || c === ":") {
          if (a.startsWith("--") && j === 1) throw new UsageError(`unrecognized option '${a}'`);
          throw new UsageError(`invalid option -- '${c}'`);
        }
        if (kind === "none") {
          o.seen.push({ key: c, value: null });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== "") o.seen.push({ key: c, value: rest });
        else if (kind === "optional") o.seen.push({ key: c, value: null });
        else if (i + 1 < args.length) o.seen.push({ key: c, value: args[++i] });
        else throw new UsageError(`option requires an argument -- '${c}'`);
        break;
      }
      continue;
    }
    if (posix) break;
    o.operands.push(a);
  }
  for (; i < args.length; i++) o.operands.push(args[i]);
  return o;
}
