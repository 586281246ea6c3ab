/** printf: formatted output (%d %i %o %u %x %X %c %s %b %e %f %g, * widths, escapes), reusing the format. */
import { concat, text, utf8 } from "../../util/bytes";
import { UsageError, defineApplet } from "./lib/applet";
import { warn } from "./lib/errors";
import { escapeAt } from "./lib/escape";
import { type Spec, formatValue } from "./lib/printf";
import { strtod } from "./sort";

/** bb_strtoll(s, NULL, 0): the whole string must convert (base prefix 0x / 0 allowed). */
function strtoll(s: string): bigint | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const body = m[2];
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(body);
  else if (body.length > 1 && body.startsWith("0")) v = BigInt("0o" + body.slice(1));
  else v = BigInt(body);
  if (m[1] === "-") v = -v;
  if (v > 0xffffffffffffffffn || v < -0x8000000000000000n) return null;
  return v;
}

interface State {
  out: Uint8Array[];
  convErr: boolean;
  errors: string[];
}

function numArg(st: State, arg: string): bigint {
  let a = arg;
  if (a.startsWith('"') || a.startsWith("'")) a = String(a.length > 1 ? utf8(a)[1] : 0);
  const v = strtoll(a.startsWith("+") ? a.slice(1) : a);
  if (v === null) {
    st.errors.push(`invalid number '${a}'`);
    st.convErr = true;
    return 0n;
  }
  return v;
}

function floatArg(st: State, arg: string): number {
  let a = arg;
  if (a.startsWith('"') || a.startsWith("'")) a = String(a.length > 1 ? utf8(a)[1] : 0);
  const m = /^[ \t\n\v\f\r]*[+-]?(?:0[xX][0-9a-fA-F.]+(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i.exec(a);
  if (!m) {
    st.errors.push(`invalid number '${a}'`);
    st.convErr = true;
    return 0;
  }
  return strtod(a) ?? 0;
}

/** %b: the argument with escapes, \0NNN octal; true when \c ended all output. */
function escString(st: State, s: string): boolean {
  const b = utf8(s);
  const out: number[] = [];
  for (let j = 0; j < b.length; ) {
    if (b[j] !== 92) {
      out.push(b[j++]);
      continue;
    }
    j++;
    if (b[j] === 0x30 && b[j + 1] >= 0x30 && b[j + 1] < 0x38) j++;
    else if (b[j] === 0x63) {
      st.out.push(new Uint8Array(out));
      return true;
    }
    const e = escapeAt(b, j);
    out.push(e.byte);
    j = e.next;
  }
  st.out.push(new Uint8Array(out));
  return false;
}

/** One pass over the format. Returns the index of the next unused argument, -1 to stop, -2 on error. */
function pass(st: State, fmt: Uint8Array, args: string[], ai: number): number {
  const lit: number[] = [];
  const flushLit = () => {
    if (lit.length) st.out.push(new Uint8Array(lit.splice(0)));
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === 92) {
      if (fmt[i + 1] === 0x63) {
        flushLit();
        return -1;
      }
      const e = escapeAt(fmt, i + 1);
      lit.push(e.byte);
      i = e.next - 1;
      continue;
    }
    if (c !== 37) {
      lit.push(c);
      continue;
    }
    const dirStart = i;
    i++;
    if (fmt[i] === 37) {
      lit.push(37);
      continue;
    }
    flushLit();
    if (fmt[i] === 0x62 /* b */) {
      if (ai < args.length && escString(st, args[ai++])) return -1;
      continue;
    }
    let flags = "";
    while (i < fmt.length && "-+ #0".includes(String.fromCharCode(fmt[i]))) flags += String.fromCharCode(fmt[i++]);
    let width: number | null = null;
    let prec: number | null = null;
    const intArg = (s: string) => {
      const m = /^\s*[+-]?\d+$/.test(s);
      if (!m) {
        st.errors.push(`invalid number '${s}'`);
        return 0;
      }
      return parseInt(s, 10);
    };
    if (fmt[i] === 42) {
      i++;
      if (ai < args.length) width = intArg(args[ai++]);
      else width = 0;
    } else {
      let w = "";
      while (fmt[i] >= 48 && fmt[i] <= 57) w += String.fromCharCode(fmt[i++]);
      if (w) width = +w;
    }
    if (fmt[i] === 46) {
      i++;
      if (fmt[i] === 42) {
        i++;
        if (ai < args.length) prec = intArg(args[ai++]);
        else prec = 0;
      } else {
        let p = "";
        while (fmt[i] >= 48 && fmt[i] <= 57) p += String.fromCharCode(fmt[i++]);
        prec = p === "" ? 0 : +p;
      }
    }
    while (fmt[i] === 0x6c || fmt[i] === 0x4c || fmt[i] === 0x68 || fmt[i] === 0x7a) i++;
    const conv = i < fmt.length ? String.fromCharCode(fmt[i]) : "";
    if (!conv || !"diouxXfeEgGcs".includes(conv)) {
      st.errors.push(`${text(fmt.subarray(dirStart))}: invalid format`);
      return -2;
    }
    if (width !== null && width < 0) {
      flags += "-";
      width = -width;
    }
    if (prec !== null && prec < 0) prec = null;
    const spec: Spec = { flags, width, prec, conv };
    const arg = ai < args.length ? args[ai++] : "";
    if ("diouxX".includes(conv)) {
      const v = numArg(st, arg.replace(/^[ \t\n\v\f\r]+/, ""));
      st.out.push(utf8(formatValue(spec, v)));
    } else if ("feEgG".includes(conv)) st.out.push(utf8(formatValue(spec, floatArg(st, arg))));
    else if (conv === "c") {
      const b = utf8(arg);
      const ch = b.length ? b.subarray(0, 1) : new Uint8Array([0]);
      const w = width ?? 0;
      const pad = new Uint8Array(Math.max(0, w - 1)).fill(32);
      st.out.push(flags.includes("-") ? concat([ch, pad]) : concat([pad, ch]));
    } else st.out.push(utf8(formatValue(spec, arg)));
  }
  flushLit();
  return ai;
}

defineApplet({
  name: "printf",
  async run(ctx) {
    let args = ctx.argv.slice(1);
    if (args[0] === "--") args = args.slice(1);
    if (args.length === 0) throw new UsageError(null);
    const fmt = utf8(args[0]);
    const rest = args.slice(1);
    const st: State = { out: [], convErr: false, errors: [] };
    let ai = 0;
    let failed = false;
    for (;;) {
      const before = ai;
      const r = pass(st, fmt, rest, ai);
      if (r === -1) break;
      if (r === -2) {
        failed = true;
        break;
      }
      ai = r;
      if (!(ai > before && ai < rest.length)) break;
    }
    // messages go out at once; the formatted text when stdio flushes at exit
    for (const e of st.errors) await warn(ctx, e);
    await ctx.stdout.write(concat(st.out));
    return failed || st.convErr ? 1 : 0;
  },
});
