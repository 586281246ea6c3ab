/** printf (BusyBox's printf.c as the shell builtin): format reuse, %b, escapes, invalid numbers. */
import { utf8 } from "../../../util/bytes";
import type { Shell } from "../shell";
import { type Spec, formatFloat, formatInt } from "./cformat";
import { ByteOut, escapeAt, unescapeInto } from "./escapes";
import { def } from "./table";

interface State {
  out: ByteOut;
  convErr: boolean;
  errors: string[];
}

/** bb_strtoll/bb_strtoull(s, 0): the whole string, base prefixes allowed; null when invalid. */
function strtoll(s: string, unsigned: boolean): bigint | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  let v = BigInt(/^0[xX]/.test(m[2]) ? m[2] : m[2].length > 1 && m[2][0] === "0" ? "0o" + m[2].slice(1) : m[2]);
  if (m[1] === "-") v = -v;
  if (unsigned ? v > 0xffffffffffffffffn || v < -0xffffffffffffffffn : v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return null;
  return v;
}

function quoteChar(arg: string): string {
  if (arg[0] === '"' || arg[0] === "'") return String(utf8(arg)[1] ?? 0);
  return arg;
}

function intArg(st: State, arg: string, unsigned: boolean): bigint {
  const a = quoteChar(arg.replace(/^[ \t\n\v\f\r]+/, ""));
  const v = strtoll(a.startsWith("+") && !unsigned ? a.slice(1) : a, unsigned);
  if (v === null) {
    st.errors.push(`invalid number '${a}'`);
    st.convErr = true;
    return 0n;
  }
  return v;
}

function floatArg(st: State, arg: string): number {
  const a = quoteChar(arg);
  const t = a.replace(/^[ \t\n\v\f\r]+/, "");
  if (t === "") return 0;
  if (/^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)$/i.test(t)) return parseFloat(t);
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return Number(BigInt(t.replace(/^[+-]/, ""))) * (t.startsWith("-") ? -1 : 1);
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return NaN;
  st.errors.push(`invalid number '${a}'`);
  st.convErr = true;
  return 0;
}

function widthArg(st: State, arg: string): number {
  if (!/^[+-]?\d+$/.test(arg)) {
    st.errors.push(`invalid number '${arg}'`);
    return 0;
  }
  return parseInt(arg, 10);
}

/** One pass over the format: the index of the next argument, "stop" (\c), or "error". */
function pass(st: State, f: string, args: string[], ai: number): number | "stop" | "error" {
  let lit = "";
  const flush = (): void => {
    st.out.text(lit);
    lit = "";
  };
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === "\\") {
      if (f[i + 1] === "c") {
        flush();
        return "stop";
      }
      const [b, next] = escapeAt(f, i + 1);
      flush();
      st.out.byte(b);
      i = next - 1;
      continue;
    }
    if (c !== "%") {
      lit += c;
      continue;
    }
    const start = i;
    i++;
    if (f[i] === "%") {
      lit += "%";
      continue;
    }
    flush();
    if (f[i] === "b") {
      if (ai < args.length && unescapeInto(st.out, args[ai++], true)) return "stop";
      continue;
    }
    let flags = "";
    while (i < f.length && "-+ #0".includes(f[i])) flags += f[i++];
    let width: number | null = null;
    let prec: number | null = null;
    if (f[i] === "*") {
      i++;
      width = ai < args.length ? widthArg(st, args[ai++]) : 0;
    } else {
      let w = "";
      while (f[i] >= "0" && f[i] <= "9") w += f[i++];
      if (w) width = parseInt(w, 10);
    }
    if (f[i] === ".") {
      i++;
      if (f[i] === "*") {
        i++;
        prec = ai < args.length ? widthArg(st, args[ai++]) : 0;
      } else {
        let p = "";
        while (f[i] >= "0" && f[i] <= "9") p += f[i++];
        prec = p === "" ? 0 : parseInt(p, 10);
      }
    }
    const modAt = i;
    while (f[i] === "l" || f[i] === "L" || f[i] === "h" || f[i] === "z") i++;
    const conv = f[i] ?? "";
    if (conv === "" || !"diouxXfeEgGcs".includes(conv)) {
      st.errors.push(`${f.slice(start, modAt)}${f.slice(i)}: invalid format`);
      return "error";
    }
    if (width !== null && width < 0) {
      flags += "-";
      width = -width;
    }
    if (prec !== null && prec < 0) prec = null;
    const spec: Spec = { flags, width, prec, conv };
    const arg = ai < args.length ? args[ai++] : "";
    if ("di".includes(conv)) st.out.text(formatInt(spec, intArg(st, arg, false)));
    else if ("ouxX".includes(conv)) st.out.text(formatInt(spec, intArg(st, arg, true)));
    else if ("feEgG".includes(conv)) st.out.text(formatFloat(spec, floatArg(st, arg)));
    else if (conv === "c") {
      const ch = utf8(arg)[0] ?? 0;
      const w = width ?? 0;
      const padding = " ".repeat(Math.max(0, w - 1));
      if (!flags.includes("-")) st.out.text(padding);
      st.out.byte(ch);
      if (flags.includes("-")) st.out.text(padding);
    } else {
      let b = utf8(arg);
      if (prec !== null) b = b.subarray(0, prec);
      const w = width ?? 0;
      const padding = " ".repeat(Math.max(0, w - b.length));
      if (!flags.includes("-")) st.out.text(padding);
      for (const x of b) st.out.byte(x);
      if (flags.includes("-")) st.out.text(padding);
    }
  }
  flush();
  return ai;
}

export async function printfMain(sh: Shell, argv: string[]): Promise<number> {
  let args = argv.slice(1);
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await sh.err(`${sh.appletName}: usage: printf FORMAT [ARGUMENT...]\n`);
    return 2;
  }
  const fmt = args[0];
  const rest = args.slice(1);
  const st: State = { out: new ByteOut(), convErr: false, errors: [] };
  let ai = 0;
  let failed = false;
  for (;;) {
    const before = ai;
    const r = pass(st, fmt, rest, ai);
    if (r === "stop") break;
    if (r === "error") {
      failed = true;
      break;
    }
    ai = r;
    if (!(ai > before && ai < rest.length)) break;
  }
  for (const e of st.errors) await sh.err(`${sh.appletName}: ${e}\n`);
  await sh.outBytes(st.out.bytes());
  return failed || st.convErr ? 1 : 0;
}

def("printf", printfMain);
