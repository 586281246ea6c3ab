/** read: a line (or -n chars, or up to -d delim) split into variables by IFS, as BusyBox's shell_builtin_read. */
import { text } from "../../../util/bytes";
import type { Shell } from "../shell";
import { def } from "./table";

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

interface ReadOpts {
  p?: string;
  u?: string;
  r: boolean;
  t?: string;
  n?: string;
  s: boolean;
  d?: string;
}

async function parseOpts(sh: Shell, argv: string[]): Promise<{ o: ReadOpts; names: string[] }> {
  const o: ReadOpts = { r: false, s: false };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a[0] !== "-" || a.length === 1) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === "r" || c === "s") o[c] = true;
      else if ("putnd".includes(c)) {
        let v = a.slice(j + 1);
        if (v === "") {
          if (i + 1 >= argv.length) await sh.raise(`no arg for -${c} option`);
          v = argv[++i];
        }
        o[c as "p" | "u" | "t" | "n" | "d"] = v;
        break;
      } else await sh.raise(`illegal option -${c}`);
    }
  }
  return { o, names: argv.slice(i) };
}

def("read", async (sh, argv) => {
  const { o, names } = await parseOpts(sh, argv);
  for (const n of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) {
      await sh.err(`${sh.appletName}: read: '${n}': bad variable name\n`);
      return 1;
    }
  }
  let nchars = 0;
  if (o.n !== undefined) {
    if (!/^\d+$/.test(o.n)) return sh.raise("invalid count");
    nchars = Number(o.n);
  }
  let timeoutMs = -1;
  if (o.t !== undefined) {
    const m = /^(\d+)(?:\.(\d*))?$/.exec(o.t);
    if (!m) return sh.raise("invalid timeout");
    timeoutMs = Number(m[1]) * 1000 + Number(((m[2] ?? "") + "000").slice(0, 3));
  }
  let fd = 0;
  if (o.u !== undefined) {
    if (!/^\d+$/.test(o.u)) return sh.raise("invalid file descriptor");
    fd = Number(o.u);
  }
  const src = sh.fds[fd]?.r;
  if (!src) return 1;
  if (timeoutMs === 0) {
    // -t 0: only report whether input (or end of input) is there now
    let late = false;
    const rd = src.read();
    const r = await Promise.race([rd.then((d) => ({ d })), sh.ctx.sleep(0).then(() => null)]);
    if (r) {
      if (r.d) src.unshift(r.d);
      return 0;
    }
    late = true;
    void rd.then((d) => {
      if (d && late) src.unshift(d);
    }, () => {});
    return 1;
  }
  if (o.p !== undefined && src.isTTY) await sh.err(o.p);
  const ifs = sh.vars.get("IFS") ?? " \t\n";
  const isIfs = (c: number): boolean => c < 128 && ifs.includes(String.fromCharCode(c));
  const delim = o.d !== undefined ? (o.d.length ? o.d.charCodeAt(0) : 0) : 10;
  const deadline = timeoutMs >= 0 ? sh.ctx.now() + timeoutMs : -1;

  let buf: number[] = [];
  let args = names;
  let startword = 1;
  let backslash = false;
  let retval = 0;
  const cur: { pending: Uint8Array | null; pi: number } = { pending: null, pi: 0 };
  const nextByte = async (): Promise<number | null> => {
    while (!cur.pending || cur.pi >= cur.pending.length) {
      let chunk: Uint8Array | null;
      if (deadline >= 0) {
        const left = deadline - sh.ctx.now();
        if (left <= 0) return -1;
        let timedOut = false;
        const rd = src.read();
        const r = await Promise.race([rd, sh.ctx.sleep(left).then(() => "timeout" as const)]);
        if (r === "timeout") {
          timedOut = true;
          void rd.then((d) => {
            if (d && timedOut) src.unshift(d);
          }, () => {});
          return -1;
        }
        chunk = r;
      } else chunk = await src.read();
      if (chunk === null) return null;
      cur.pending = chunk;
      cur.pi = 0;
    }
    return cur.pending[cur.pi++];
  };
  let remaining = nchars;
  await sh.ctx.tick();
  for (;;) {
    const c = await nextByte();
    if (c === null || c === -1) {
      retval = 1;
      break;
    }
    let put = false;
    if (!o.r) {
      if (backslash) {
        backslash = false;
        if (c !== 10) put = true;
        else {
          if (nchars && --remaining === 0) break;
          continue;
        }
      } else if (c === 92) {
        backslash = true;
        if (nchars && --remaining === 0) break;
        continue;
      }
    }
    if (!put) {
      if (c === delim) break;
      if (c === 0) {
        if (nchars && --remaining === 0) break;
        continue;
      }
      if (args.length) {
        const ifsc = isIfs(c);
        let skip = false;
        if (startword && ifsc) {
          if (isSpace(c)) skip = true;
          else {
            startword--;
            if (startword === 1) skip = true;
          }
        }
        if (!skip) {
          startword = 0;
          if (args.length > 1 && ifsc) {
            await sh.setVar(args[0], text(Uint8Array.from(buf)));
            buf = [];
            args = args.slice(1);
            startword = isSpace(c) ? 2 : 1;
            skip = true;
          }
        }
        if (skip) {
          if (nchars && --remaining === 0) break;
          continue;
        }
      }
    }
    buf.push(c);
    if (nchars && --remaining === 0) break;
  }
  if (cur.pending && cur.pi < cur.pending.length) src.unshift(cur.pending.subarray(cur.pi));
  if (args.length) {
    let end = buf.length;
    while (end > 0 && isSpace(buf[end - 1]) && isIfs(buf[end - 1])) end--;
    if (end > 0 && isIfs(buf[end - 1])) {
      let e2 = end - 1;
      while (e2 > 0 && isSpace(buf[e2 - 1]) && isIfs(buf[e2 - 1])) e2--;
      if (!buf.slice(0, e2).some((b) => isIfs(b))) end = e2;
    }
    await sh.setVar(args[0], text(Uint8Array.from(buf.slice(0, end))));
    for (const a of args.slice(1)) await sh.setVar(a, "");
  } else await sh.setVar("REPLY", text(Uint8Array.from(buf)));
  return retval;
});
