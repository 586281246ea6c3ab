/** ls: list directory contents, with BusyBox's exact long format, sorting and column layout. */
import type { Stat } from "../../fs/types";
import type { ProcessContext } from "../program";
import { defineApplet } from "./lib/applet";
import { perror, strerror, warn } from "./lib/errors";
import { blocks512, devNumbers, joinPath, strcmp, strverscmp } from "./lib/fileinfo";
import { getopt, type Opts } from "./lib/getopt";
import { humanSize } from "./lib/human";
import { modeString } from "./lib/mode";
import { lsDate, strftime } from "./lib/time";
import { Accounts } from "./lib/users";
import { printableName, unicodeOn } from "./lib/unicode";

interface Node {
  name: string;
  full: string;
  st: Stat;
}

interface Ls {
  ctx: ProcessContext;
  o: Opts;
  acc: Accounts;
  long: boolean;
  out: string[];
  status: number;
  width: number;
  recursive: boolean;
  colour: boolean;
}

let unicode = false;
let quote = false;
/** Control characters (and without a UTF-8 locale, non-ASCII bytes) print as "?"; -Q quotes. */
function printable(s: string): string {
  const p = printableName(s, unicode);
  return quote ? '"' + p.replace(/["\\]/g, "\\$&") + '"' : p;
}

/** BusyBox's colour for a file type: [bold, foreground]; null stat means unknown (broken link). */
function colour(st: Stat | null): string {
  let c: [number, number];
  if (!st) c = [1, 31];
  else if (st.type === "file" && st.mode & 0o111) c = [1, 32];
  else c = ({ file: [0, 0], dir: [1, 34], symlink: [1, 36], fifo: [0, 35], chardev: [1, 35], socket: [1, 35] } as Record<string, [number, number]>)[st.type];
  return `\x1b[${c[0]};${c[1]}m`;
}

function lstatOrNull(ls: Ls, p: string, follow: boolean): Stat | null {
  try {
    return follow ? ls.ctx.fs.stat(p) : ls.ctx.fs.lstat(p);
  } catch {
    return null;
  }
}

function appendChar(ls: Ls, st: Stat | null): string {
  const { o } = ls;
  if (!st || !(o.has("F") || o.has("p"))) return "";
  if (st.type === "dir") return "/";
  if (!o.has("F")) return "";
  if (st.type === "file") return st.mode & 0o111 ? "*" : "";
  return { symlink: "@", fifo: "|", socket: "=", chardev: "" }[st.type] ?? "";
}

async function statFor(ls: Ls, full: string, follow: boolean): Promise<Stat | null> {
  try {
    return follow || ls.o.lastOf("L", "H") === "L" ? ls.ctx.fs.stat(full) : ls.ctx.fs.lstat(full);
  } catch (e) {
    await flush(ls);
    await perror(ls.ctx, full, e);
    ls.status = 1;
    return null;
  }
}

function single(ls: Ls, n: Node): string {
  const { o, st } = { o: ls.o, st: n.st };
  let s = "";
  if (o.has("i")) s += String(st.ino).padStart(7) + " ";
  if (o.has("s")) s += String(blocks512(st) >> 1).padStart(6) + " ";
  let target: string | null = null;
  if (ls.long) {
    if (st.type === "symlink") {
      try {
        target = ls.ctx.fs.readlink(n.full);
      } catch {
        target = null;
      }
    }
    s += modeString(st).padEnd(10) + " ";
    s += String(st.nlink).padStart(4) + " ";
    if (o.has("n")) {
      s += o.has("g") ? `${String(st.gid).padEnd(8)} ` : `${String(st.uid).padEnd(8)} ${String(st.gid).padEnd(8)} `;
    } else if (o.has("g")) s += `${ls.acc.group(st.gid).slice(0, 8).padEnd(8)} `;
    else s += `${ls.acc.user(st.uid).slice(0, 8).padEnd(8)} ${ls.acc.group(st.gid).slice(0, 8).padEnd(8)} `;
    if (st.type === "chardev") {
      const [maj, min] = devNumbers(st);
      s += `${String(maj).padStart(4)}, ${String(min).padStart(3)} `;
    } else if (o.has("h")) s += humanSize(st.size, 1, 0).padStart(7) + " ";
    else s += String(st.size).padStart(9) + " ";
    if (o.has("full-time")) s += strftime("%Y-%m-%d %H:%M:%S %z", st.mtime) + " ";
    else s += lsDate(st.mtime, ls.ctx.now()) + " ";
  }
  s += ls.colour ? colour(lstatOrNull(ls, n.full, false)) + printable(n.name) + "\x1b[m" : printable(n.name);
  let append = appendChar(ls, st);
  if (target !== null) {
    s += " -> ";
    const t = lstatOrNull(ls, n.full, true);
    if (o.has("F") || o.has("p")) append = appendChar(ls, t);
    s += ls.colour ? colour(t) + printable(target) + "\x1b[m" : printable(target);
  }
  return s + append;
}

function sortNodes(ls: Ls, nodes: Node[]): Node[] {
  const { o } = ls;
  const by = o.lastOf("S", "t");
  const cmp = (a: Node, b: Node): number => {
    let d = 0;
    if (o.has("group-directories-first")) {
      d = (b.st.type === "dir" ? 1 : 0) - (a.st.type === "dir" ? 1 : 0);
      if (d) return o.has("r") ? -d : d;
    }
    if (by === "S") d = b.st.size - a.st.size;
    else if (by === "t" || (!ls.long && (o.has("c") || o.has("u")))) d = Math.floor(b.st.mtime / 1000) - Math.floor(a.st.mtime / 1000);
    else if (o.has("v")) d = strverscmp(a.name, b.name);
    else if (o.has("X")) d = strcmp(ext(a.name), ext(b.name));
    if (d === 0) d = strcmp(a.name, b.name);
    return o.has("r") ? -d : d;
  };
  return nodes.sort(cmp);
}

function ext(name: string): string {
  const i = name.indexOf(".");
  return i < 0 ? "" : name.slice(i);
}

function display(ls: Ls, nodes: Node[]): void {
  const { o } = ls;
  if (ls.width <= 0) {
    for (const n of nodes) ls.out.push(single(ls, n) + "\n");
    return;
  }
  // columns, filled down (or across with -x), as wide as the longest name plus two
  let colw = 0;
  for (const n of nodes) colw = Math.max(colw, [...printable(n.name)].length);
  colw += 2 + (o.has("i") ? 8 : 0) + (o.has("s") ? 5 : 0);
  let ncols = Math.floor(ls.width / colw);
  let nrows = nodes.length;
  if (ncols > 1) nrows = Math.ceil(nodes.length / ncols);
  else ncols = 1;
  for (let r = 0; r < nrows; r++) {
    let line = "";
    let column = 0;
    let nexttab = 0;
    for (let c = 0; c < ncols; c++) {
      const i = o.has("x") ? r * ncols + c : c * nrows + r;
      if (i >= nodes.length) continue;
      if (column > 0) {
        line += " ".repeat(Math.max(0, nexttab - column));
        column = nexttab;
      }
      nexttab = column + colw;
      const s = single(ls, nodes[i]);
      line += s;
      column += [...s].length;
    }
    ls.out.push(line + "\n");
  }
}

async function flush(ls: Ls): Promise<void> {
  if (ls.out.length) {
    await ls.ctx.stdout.write(ls.out.join(""));
    ls.out = [];
  }
}

async function scanDir(ls: Ls, dir: string): Promise<Node[] | null> {
  let names: string[];
  try {
    names = ls.ctx.fs.readdir(dir);
  } catch (e) {
    await flush(ls);
    await warn(ls.ctx, `can't open '${dir}': ${strerror(e)}`);
    ls.status = 1;
    return null;
  }
  const all = ls.o.has("a") ? [".", "..", ...names] : names;
  const nodes: Node[] = [];
  for (const name of all) {
    await ls.ctx.tick();
    if (name.startsWith(".") && !ls.o.has("a") && !ls.o.has("A")) continue;
    const full = joinPath(dir, name);
    const st = await statFor(ls, full, false);
    if (st) nodes.push({ name, full, st });
  }
  return nodes;
}

async function listDirs(ls: Ls, dirs: Node[], first: boolean, showName: boolean): Promise<void> {
  for (const d of dirs) {
    if (showName || ls.recursive) {
      if (!first) ls.out.push("\n");
      first = false;
      ls.out.push(`${d.full}:\n`);
    }
    const nodes = await scanDir(ls, d.full);
    if (ls.long || ls.o.has("s")) {
      let blocks = 1;
      for (const n of nodes ?? []) blocks += blocks512(n.st);
      const total = Math.floor(blocks / 2);
      ls.out.push(ls.o.has("h") ? `total ${humanSize(total * 1024, 0, 0).padEnd(7)}\n` : `total ${total}\n`);
    }
    if (!nodes || nodes.length === 0) continue;
    display(ls, sortNodes(ls, nodes));
    await flush(ls);
    if (ls.recursive) {
      const subs = nodes.filter((n) => n.st.type === "dir" && n.name !== "." && n.name !== "..");
      if (subs.length) await listDirs(ls, sortNodes(ls, subs), false, true);
    }
  }
}

defineApplet({
  name: "ls",
  async run(ctx) {
    unicode = unicodeOn(ctx);
    quote = ctx.argv.slice(1).some((a) => /^-[^-]*Q/.test(a));
    const o = getopt(ctx.argv.slice(1), "Cadi1lgnsxAkFpRQctuSXrvLHhT:w:", [
      { name: "full-time", key: "full-time" },
      { name: "group-directories-first", key: "group-directories-first" },
      { name: "color", key: "color", arg: "optional" },
    ]);
    // the last of -C/-x/-l/-1 decides the layout; -n, -g and --full-time imply -l
    let layout = "";
    let long = false;
    for (const { key } of o.seen) {
      if (key === "C" || key === "x") [layout, long] = [key, false];
      else if (key === "l" || key === "n" || key === "g" || key === "full-time") [layout, long] = ["l", true];
      else if (key === "1") layout = "1";
    }
    if (!layout) layout = ctx.stdout.isTTY ? "C" : "1";
    let width = 0;
    if (layout === "C" || layout === "x") {
      const w = o.last("w") ?? ctx.env.COLUMNS ?? "80";
      width = (parseInt(w, 10) || 80) - 1;
    }
    const ls: Ls = { ctx, o, acc: new Accounts(ctx.fs), long, out: [], status: 0, width, recursive: o.has("R") && !o.has("d"), colour: false };
    if (o.has("color")) {
      const v = o.last("color") ?? "always";
      const tty = ctx.stdout.isTTY === true && ctx.env.TERM !== "dumb";
      if (v.startsWith("n")) ls.colour = false;
      else if (["always", "yes", "force"].some((w) => w.startsWith(v))) ls.colour = true;
      else if (["auto", "tty", "if-tty"].some((w) => w.startsWith(v))) ls.colour = tty;
    }
    const args = o.operands.length ? o.operands : ["."];
    const followArgs = !(ls.long || o.has("i") || o.has("s") || o.has("F")) || o.has("H");
    const nodes: Node[] = [];
    for (const a of args) {
      const st = await statFor(ls, a, followArgs);
      if (st) nodes.push({ name: a, full: a, st });
    }
    if (nodes.length === 0) return ls.status;
    if (o.has("d")) {
      display(ls, sortNodes(ls, nodes));
    } else {
      const files = nodes.filter((n) => n.st.type !== "dir");
      const dirs = nodes.filter((n) => n.st.type === "dir");
      if (files.length) display(ls, sortNodes(ls, files));
      await flush(ls);
      if (dirs.length) await listDirs(ls, sortNodes(ls, dirs), files.length === 0, args.length > 1);
    }
    await flush(ls);
    return ls.status;
  },
});
