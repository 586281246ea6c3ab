/**
 * nginx's configuration syntax: directives ending in ";", blocks in "{ }", "#" comments, quoted
 * arguments, and `include` (with a glob in the file name) expanded where it stands. Errors read
 * as nginx's: `[emerg] unexpected "}" in /etc/nginx/conf.d/default.conf:12`. Directive names are
 * not checked against nginx's list (an unknown directive is kept, not refused).
 */
import type { Vfs } from "../../runtime/vfs";
import { text } from "../../util/bytes";

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  file: string;
  line: number;
}

export class ConfError extends Error {}

export const CONF_PREFIX = "/etc/nginx/";

interface Tok {
  s: string;
  line: number;
  kind: "word" | ";" | "{" | "}";
}

function tokenize(src: string, file: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === ";" || c === "{" || c === "}") {
      out.push({ s: c, line, kind: c });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let s = "";
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === "\\" && i + 1 < src.length) {
          s += src[i + 1];
          i += 2;
          continue;
        }
        if (src[i] === "\n") line++;
        s += src[i++];
      }
      if (i >= src.length) throw new ConfError(`unexpected end of file, expecting ";" or "}" in ${file}:${line}`);
      i++;
      out.push({ s, line: start, kind: "word" });
    } else {
      let s = "";
      while (i < src.length && !/[\s;{}]/.test(src[i])) {
        if (src[i] === "\\" && i + 1 < src.length) {
          s += src[i] + src[i + 1];
          i += 2;
          continue;
        }
        s += src[i++];
      }
      out.push({ s, line, kind: "word" });
    }
  }
  return out;
}

function readConf(fs: Vfs, path: string, from: { file: string; line: number } | null): string {
  try {
    return text(fs.readFile(path));
  } catch {
    const where = from ? ` in ${from.file}:${from.line}` : "";
    throw new ConfError(`open() "${path}" failed (2: No such file or directory)${where}`);
  }
}

function globFiles(fs: Vfs, pattern: string): string[] {
  const slash = pattern.lastIndexOf("/");
  const dir = pattern.slice(0, slash) || "/";
  const re = new RegExp("^" + pattern.slice(slash + 1).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => re.test(n) && !n.startsWith(".")).sort().map((n) => `${dir}/${n}`);
}

/** Parse a configuration file with its includes. */
export function parseConf(fs: Vfs, path: string): Directive[] {
  return parseFile(fs, path, null, 0);
}

function parseFile(fs: Vfs, path: string, from: { file: string; line: number } | null, depth: number): Directive[] {
  if (depth > 16) throw new ConfError(`too many nested includes in ${path}`);
  const toks = tokenize(readConf(fs, path, from), path);
  let i = 0;
  const block = (inBlock: boolean): Directive[] => {
    const out: Directive[] = [];
    for (;;) {
      if (i >= toks.length) {
        if (inBlock) throw new ConfError(`unexpected end of file, expecting "}" in ${path}:${toks.length ? toks[toks.length - 1].line : 1}`);
        return out;
      }
      const t = toks[i];
      if (t.kind === "}") {
        if (!inBlock) throw new ConfError(`unexpected "}" in ${path}:${t.line}`);
        i++;
        return out;
      }
      if (t.kind !== "word") throw new ConfError(`unexpected "${t.s}" in ${path}:${t.line}`);
      const name = t.s;
      const args: string[] = [];
      i++;
      for (;;) {
        const a = toks[i];
        if (!a) throw new ConfError(`unexpected end of file, expecting ";" or "}" in ${path}:${t.line}`);
        if (a.kind === "word") {
          args.push(a.s);
          i++;
          continue;
        }
        if (a.kind === ";") {
          i++;
          if (name === "include") {
            if (args.length !== 1) throw new ConfError(`invalid number of arguments in "include" directive in ${path}:${t.line}`);
            const target = args[0].startsWith("/") ? args[0] : CONF_PREFIX + args[0];
            const files = /[*?[]/.test(target) ? globFiles(fs, target) : [target];
            for (const f of files) out.push(...parseFile(fs, f, { file: path, line: t.line }, depth + 1));
          } else out.push({ name, args, file: path, line: t.line });
          break;
        }
        if (a.kind === "{") {
          i++;
          out.push({ name, args, block: block(true), file: path, line: t.line });
          break;
        }
        throw new ConfError(`unexpected "}" in ${path}:${a.line}`);
      }
    }
  };
  return block(false);
}

export function find(ds: Directive[] | undefined, name: string): Directive | undefined {
  return ds?.find((d) => d.name === name);
}

export function findAll(ds: Directive[] | undefined, name: string): Directive[] {
  return ds?.filter((d) => d.name === name) ?? [];
}
