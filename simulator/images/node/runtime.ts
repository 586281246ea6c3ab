/**
 * The `node` program of the node:22-alpine model: runs a script (`node app.js`, `node -e`,
 * `node -p`, a script on standard input, or a small REPL on a terminal) with the JavaScript
 * subset of js/parse.ts, CommonJS `require` (relative files, JSON, node_modules packages written
 * in the subset) and these built-in modules:
 *
 *   http   createServer(handler).listen(port[, host][, cb]), request/response objects
 *          (method, url, headers, on('data'/'end'); statusCode, setHeader, writeHead, write,
 *          end), server.close/address/on('error'|'listening'), http.get(url, cb)
 *   fs     readFileSync, writeFileSync, appendFileSync, existsSync, mkdirSync, readdirSync,
 *          unlinkSync, statSync, readFile/writeFile (callbacks), fs.promises.readFile/writeFile
 *   path   join, resolve, dirname, basename, extname, sep;  os  hostname, platform, type, cpus, EOL
 *   util   format, inspect;  plus console, process (env, argv, exit, on('SIGTERM'...), pid,
 *          platform, version, versions, cwd, uptime, exitCode), timers, Buffer
 *
 * Errors print as node prints them (the source line, a caret, the stack, "Node.js v22.23.3").
 * As PID 1 with no handler node ignores SIGTERM (so `docker stop` waits its 10 s); a
 * `process.on('SIGTERM', ...)` handler makes it stop at once, as with the real runtime.
 */
import type { ProcessContext, Program } from "../../runtime/program";
import { SIGNAL_NAMES, SIGNALS } from "../../runtime/signals";
import { readAll, readLine } from "../../runtime/streams";
import { netStack, type Listener } from "../../runtime/applets/net-stack";
import { NetError, type Socket } from "../../runtime/applets/net-socket";
import { resolveHost } from "../../runtime/applets/net-resolve";
import { FsError } from "../../fs/types";
import { concat, text, utf8 } from "../../util/bytes";
import { httpDate, keepAlive, readRequest, REASONS } from "../lib/http";
import { Interp, Scope, type Host } from "./js/interp";
import { JsSyntaxError, parseExpression, parseProgram, type Node } from "./js/parse";
import { format, fromPlain, inspect, JsBuffer, JsDate, JsError, JsFunction, JsPromise, NativeFn, newObject, isPlainObject, Thrown, toNum, toStr, type JsObject } from "./js/values";

export const NODE_VERSION = "22.23.3";
const HTTP_REASONS: Record<number, string> = { ...REASONS, 405: "Method Not Allowed", 503: "Service Unavailable", 504: "Gateway Timeout", 408: "Request Timeout", 413: "Payload Too Large" };

class NodeExit {
  constructor(readonly code: number) {}
}

/** One running node process: its interpreter, event loop accounting and module cache. */
class Runtime implements Host {
  readonly interp: Interp;
  readonly globals = new Scope(null);
  /** Handles that keep the process alive (listening servers, timers). */
  refs = 0;
  /** Callbacks running now. */
  tasks = 0;
  private wake: (() => void) | null = null;
  exitCode = 0;
  exited = false;
  private fatal: unknown = null;
  private readonly modules = new Map<string, JsObject>();
  file = "[eval]";
  sources = new Map<string, string[]>();
  private readonly signalHandlers = new Map<number, unknown[]>();

  constructor(readonly ctx: ProcessContext) {
    this.interp = new Interp(this, this.globals);
    const std = Interp.standardGlobals(() => this.interp, () => ctx.now());
    for (const [k, v] of Object.entries(std)) this.globals.declare(k, v);
    this.globals.declare("console", this.console());
    this.globals.declare("process", this.process());
    this.globals.declare("globalThis", newObject());
    for (const [k, v] of Object.entries(this.timers())) this.globals.declare(k, v);
  }

  /** Steps run so far (to tell when running code has come to rest). */
  private activity = 0;

  tick(): Promise<void> {
    if (this.exited) return Promise.reject(new NodeExit(this.exitCode));
    this.activity++;
    return this.ctx.tick();
  }

  now(): number {
    return this.ctx.now();
  }

  where(line: number): string {
    return `Object.<anonymous> (${this.file}:${line}:${this.col(line)})`;
  }

  private col(line: number): number {
    const l = this.sources.get(this.file)?.[line - 1] ?? "";
    return l.length - l.trimStart().length + 1;
  }

  /** Rejected promises not yet known to be handled; checked when running code comes to rest. */
  private rejections: JsPromise[] = [];

  onUnhandledRejection(_v: unknown, p: JsPromise): void {
    this.rejections.push(p);
    this.poke();
  }

  poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Run a callback from the event loop: an exception in it ends the process. */
  async task(fn: () => Promise<unknown>): Promise<void> {
    if (this.exited) return;
    this.tasks++;
    try {
      const r = await fn();
      if (r instanceof JsPromise) r.handled = true;
    } catch (e) {
      if (e instanceof NodeExit) {
        this.exitCode = e.code;
        this.exited = true;
      } else if (e instanceof Thrown) {
        if (this.fatal === null) this.fatal = e.value;
      } else if (this.fatal === null && !(e instanceof Error && e.name === "Killed")) this.fatal = e instanceof Error ? new JsError("Error", e.message, "internal") : e;
    } finally {
      this.tasks--;
      this.poke();
    }
  }

  /**
   * Wait until nothing keeps the process alive, or it exits, or something was thrown. Code that
   * is still running (an async function before its first real wait) counts as alive: the loop
   * ends only after a quiet moment in which no script step ran.
   */
  async loop(): Promise<void> {
    for (;;) {
      while (!this.exited && this.fatal === null && (this.refs > 0 || this.tasks > 0) && this.rejections.length === 0) {
        await this.ctx.proc.guard(new Promise<void>((r) => (this.wake = r)));
      }
      if (this.exited || this.fatal !== null) return;
      const before = this.activity;
      await this.ctx.sleep(11);
      if (this.activity !== before) continue;
      const unhandled = this.rejections.find((p) => !p.handled);
      this.rejections = [];
      if (unhandled) {
        this.fatal = unhandled.value;
        return;
      }
      if (this.refs === 0 && this.tasks === 0) return;
    }
  }

  async reportFatal(): Promise<number> {
    if (this.fatal === null) return this.exitCode;
    await this.printUncaught(this.fatal);
    return 1;
  }

  async printUncaught(v: unknown): Promise<void> {
    let out = "";
    if (v instanceof JsError) {
      const m = /\((.*):(\d+):(\d+)\)/.exec(v.stack.split("\n")[1] ?? "");
      if (m) {
        const src = this.sources.get(m[1])?.[Number(m[2]) - 1];
        if (src !== undefined) out += `${m[1]}:${m[2]}\n${src}\n${" ".repeat(Number(m[3]) - 1)}^\n\n`;
      }
      out += v.stack;
      const extra = Object.entries(v.props);
      if (extra.length) out += " {\n" + extra.map(([k, x]) => `  ${k}: ${inspect(x, 1)}`).join(",\n") + "\n}";
      out += "\n";
    } else out += `Uncaught ${inspect(v, 1)}\n`;
    await this.ctx.stderr.write(`${out}\nNode.js v${NODE_VERSION}\n`);
  }

  nf(name: string, fn: (a: unknown[], self: unknown) => unknown): NativeFn {
    return new NativeFn(name, fn);
  }

  private console(): JsObject {
    const out = (a: unknown[]) => this.ctx.stdout.write(format(a) + "\n");
    const err = (a: unknown[]) => this.ctx.stderr.write(format(a) + "\n");
    return newObject({ log: this.nf("log", out), info: this.nf("info", out), debug: this.nf("debug", out), error: this.nf("error", err), warn: this.nf("warn", err), table: this.nf("table", out) });
  }

  private process(): JsObject {
    const env = newObject(this.ctx.env);
    const p = newObject({
      env,
      argv: [] as unknown[],
      pid: this.ctx.proc.nsPid,
      ppid: this.ctx.proc.parent?.nsPid ?? 0,
      platform: "linux",
      arch: "x64",
      version: `v${NODE_VERSION}`,
      versions: newObject({ node: NODE_VERSION, v8: "12.4.254.21-node.33", uv: "1.51.0", modules: "127" }),
      exitCode: undefined,
      title: "node",
    });
    p.exit = this.nf("exit", (a) => {
      throw new NodeExit(a[0] === undefined ? toNum(p.exitCode ?? 0) || 0 : toNum(a[0]));
    });
    p.cwd = this.nf("cwd", () => this.ctx.cwd);
    p.uptime = this.nf("uptime", () => (this.ctx.now() - this.ctx.proc.startTime) / 1000);
    p.memoryUsage = this.nf("memoryUsage", () => newObject({ rss: 45_000_000, heapTotal: 6_000_000, heapUsed: 4_500_000, external: 1_500_000, arrayBuffers: 10_000 }));
    p.hrtime = this.nf("hrtime", () => [Math.floor(this.ctx.now() / 1000), (this.ctx.now() % 1000) * 1e6]);
    const on = this.nf("on", (a) => {
      const name = toStr(a[0]);
      const sig = name.startsWith("SIG") ? (SIGNALS as Record<string, number>)[name.slice(3)] : undefined;
      if (sig !== undefined) {
        const list = this.signalHandlers.get(sig) ?? [];
        list.push(a[1]);
        this.signalHandlers.set(sig, list);
        this.ctx.proc.handlers.set(sig, "catch");
        this.watchSignals();
      }
      return p;
    });
    p.on = on;
    p.once = on;
    p.stdout = newObject({ write: this.nf("write", (a) => (void this.ctx.stdout.write(a[0] instanceof JsBuffer ? a[0].data : toStr(a[0])), true)), isTTY: this.ctx.stdout.isTTY ? true : undefined });
    p.stderr = newObject({ write: this.nf("write", (a) => (void this.ctx.stderr.write(toStr(a[0])), true)) });
    return p;
  }

  private watching = false;
  private watchSignals(): void {
    if (this.watching) return;
    this.watching = true;
    void (async () => {
      for (;;) {
        while (this.ctx.proc.pending.length === 0) await this.ctx.proc.guard(this.ctx.proc.nextSignal());
        const sig = this.ctx.proc.pending.shift()!;
        const handlers = this.signalHandlers.get(sig) ?? [];
        for (const h of handlers) await this.task(() => this.interp.call(h, [`SIG${SIGNAL_NAMES[sig]}`, sig]));
      }
    })().catch(() => {});
  }

  private timers(): Record<string, unknown> {
    const make = (repeat: boolean) =>
      this.nf(repeat ? "setInterval" : "setTimeout", (a) => {
        const ms = Math.max(1, toNum(a[1] ?? 1) || 1);
        const args = a.slice(2);
        const t = newObject({ _repeat: repeat });
        let cancel: () => void = () => {};
        let active = true;
        let reffed = true;
        const arm = () => {
          cancel = this.ctx.kernel.sched.at(ms, () => {
            if (!active || this.exited) return;
            if (!repeat) {
              active = false;
              if (reffed) this.refs--;
            } else arm();
            void this.task(() => this.interp.call(a[0], args));
          });
        };
        this.refs++;
        arm();
        const stop = () => {
          if (!active) return;
          active = false;
          cancel();
          if (reffed) this.refs--;
          this.poke();
        };
        timerStops.set(t, stop);
        t.unref = this.nf("unref", () => {
          if (active && reffed) {
            reffed = false;
            this.refs--;
            this.poke();
          }
          return t;
        });
        t.ref = this.nf("ref", () => {
          if (active && !reffed) {
            reffed = true;
            this.refs++;
          }
          return t;
        });
        t.hasRef = this.nf("hasRef", () => active && reffed);
        return t;
      });
    const timerStops = new WeakMap<object, () => void>();
    const clear = this.nf("clearTimeout", (a) => {
      if (a[0] && typeof a[0] === "object") timerStops.get(a[0] as object)?.();
    });
    return {
      setTimeout: make(false),
      setInterval: make(true),
      setImmediate: this.nf("setImmediate", (a) => {
        this.refs++;
        void Promise.resolve().then(() => {
          this.refs--;
          return this.task(() => this.interp.call(a[0], a.slice(1)));
        });
        return newObject();
      }),
      clearTimeout: clear,
      clearInterval: clear,
      queueMicrotask: this.nf("queueMicrotask", (a) => void this.task(() => this.interp.call(a[0], []))),
    };
  }

  // --- modules ---

  async runMain(path: string, source: string, argv: string[]): Promise<void> {
    (this.globals.lookup("process")!.v as JsObject).argv = argv;
    await this.runModule(path, source);
  }

  private nodeError(message: string, props: Record<string, unknown>, name = "Error"): Thrown {
    const e = new JsError(name, message, this.where(this.interp.line));
    Object.assign(e.props, props);
    return new Thrown(e);
  }

  async runModule(path: string, source: string): Promise<unknown> {
    const cached = this.modules.get(path);
    if (cached) return cached.exports;
    const module = newObject({ exports: newObject(), id: path, filename: path, loaded: false });
    this.modules.set(path, module);
    if (path.endsWith(".json")) {
      try {
        module.exports = fromPlain(JSON.parse(source));
      } catch (e) {
        throw this.nodeError(`${path}: ${e instanceof Error ? e.message : String(e)}`, {}, "SyntaxError");
      }
      return module.exports;
    }
    this.sources.set(path, source.split("\n"));
    const prevFile = this.file;
    this.file = path;
    let ast: Node[];
    try {
      ast = parseProgram(source);
    } catch (e) {
      if (e instanceof JsSyntaxError) {
        const line = this.sources.get(path)![e.line - 1] ?? "";
        await this.ctx.stderr.write(`${path}:${e.line}\n${line}\n${" ".repeat(Math.max(0, e.col - 1))}^\n\nSyntaxError: ${e.message}\n    at wrapSafe (node:internal/modules/cjs/loader:1486:18)\n    at Module._compile (node:internal/modules/cjs/loader:1528:20)\n\nNode.js v${NODE_VERSION}\n`);
        throw new NodeExit(1);
      }
      throw e;
    }
    const scope = new Scope(this.globals);
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) || "/" : this.ctx.cwd;
    scope.declare("module", module);
    scope.declare("exports", module.exports);
    scope.declare("require", this.nf("require", (a) => this.require(toStr(a[0]), dir, path)));
    scope.declare("__filename", path);
    scope.declare("__dirname", dir);
    scope.declare("this", module.exports);
    try {
      await this.interp.runBody(ast, scope);
    } finally {
      this.file = prevFile;
    }
    module.loaded = true;
    return module.exports;
  }

  private readFile(p: string): string | null {
    try {
      if (this.ctx.fs.stat(p).type !== "file") return null;
      return text(this.ctx.fs.readFile(p));
    } catch {
      return null;
    }
  }

  private async require(spec: string, dir: string, from: string): Promise<unknown> {
    const name = spec.replace(/^node:/, "");
    const builtin = this.builtin(name);
    if (builtin) return builtin;
    const tryFile = (p: string): string | null => {
      for (const c of [p, p + ".js", p + ".json", p + "/index.js"]) if (this.readFile(c) !== null) return c;
      const pkg = this.readFile(p + "/package.json");
      if (pkg) {
        try {
          const main = (JSON.parse(pkg) as { main?: string }).main;
          if (main) return tryFile(norm(p + "/" + main));
        } catch {
          /* a broken package.json: not found */
        }
      }
      return null;
    };
    let found: string | null = null;
    if (spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/")) found = tryFile(norm(spec.startsWith("/") ? spec : dir + "/" + spec));
    else
      for (let d = dir; ; d = d.slice(0, d.lastIndexOf("/")) || "/") {
        found = tryFile(norm(`${d}/node_modules/${spec}`));
        if (found || d === "/") break;
      }
    if (!found) {
      const e = new JsError("Error", `Cannot find module '${spec}'\nRequire stack:\n- ${from}`, `Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)`);
      e.stack = `Error: Cannot find module '${spec}'\nRequire stack:\n- ${from}\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at Function._load (node:internal/modules/cjs/loader:1192:37)\n    at Module.require (node:internal/modules/cjs/loader:1463:12)\n    at require (node:internal/modules/helpers:147:16)\n    at Object.<anonymous> (${from}:${this.interp.line}:${this.col(this.interp.line)})`;
      Object.assign(e.props, { code: "MODULE_NOT_FOUND", requireStack: [from] });
      const src = this.sources.get(from)?.[this.interp.line - 1];
      void src;
      throw new Thrown(e);
    }
    return this.runModule(found, this.readFile(found)!);
  }

  private builtinCache = new Map<string, unknown>();
  private builtin(name: string): unknown {
    if (this.builtinCache.has(name)) return this.builtinCache.get(name);
    let m: unknown;
    switch (name) {
      case "http":
        m = this.http();
        break;
      case "fs":
        m = this.fs();
        break;
      case "fs/promises":
        m = (this.builtin("fs") as JsObject).promises;
        break;
      case "path":
        m = this.path();
        break;
      case "os":
        m = newObject({
          hostname: this.nf("hostname", () => this.ctx.proc.ns.uts.hostname),
          platform: this.nf("platform", () => "linux"),
          type: this.nf("type", () => "Linux"),
          release: this.nf("release", () => "6.10.14-linuxkit"),
          arch: this.nf("arch", () => "x64"),
          cpus: this.nf("cpus", () => [0, 1].map(() => newObject({ model: "Layerlab virtual CPU", speed: 2400 }))),
          totalmem: this.nf("totalmem", () => 8_232_595_456),
          freemem: this.nf("freemem", () => 6_000_000_000),
          uptime: this.nf("uptime", () => Math.floor(this.ctx.now() / 1000) % 100000),
          homedir: this.nf("homedir", () => this.ctx.env.HOME ?? "/root"),
          tmpdir: this.nf("tmpdir", () => "/tmp"),
          EOL: "\n",
        });
        break;
      case "util":
        m = newObject({ format: this.nf("format", (a) => format(a)), inspect: this.nf("inspect", (a) => inspect(a[0], 1)) });
        break;
      default:
        return undefined;
    }
    this.builtinCache.set(name, m);
    return m;
  }

  private path(): JsObject {
    const p = newObject({ sep: "/", delimiter: ":" });
    p.join = this.nf("join", (a) => norm(a.map(toStr).filter((s) => s !== "").join("/")) || ".");
    p.resolve = this.nf("resolve", (a) => {
      let out = this.ctx.cwd;
      for (const s of a.map(toStr)) out = s.startsWith("/") ? s : out + "/" + s;
      return norm(out);
    });
    p.dirname = this.nf("dirname", (a) => {
      const s = toStr(a[0]).replace(/\/+$/, "");
      const i = s.lastIndexOf("/");
      return i < 0 ? "." : i === 0 ? "/" : s.slice(0, i);
    });
    p.basename = this.nf("basename", (a) => {
      const b = toStr(a[0]).replace(/\/+$/, "").split("/").pop() ?? "";
      const ext = a[1] === undefined ? "" : toStr(a[1]);
      return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
    });
    p.extname = this.nf("extname", (a) => {
      const b = toStr(a[0]).split("/").pop() ?? "";
      const i = b.lastIndexOf(".");
      return i > 0 ? b.slice(i) : "";
    });
    return p;
  }

  private fsError(e: unknown, syscall: string, path: string): Thrown {
    const code = e instanceof FsError ? e.code : "EIO";
    const errno: Record<string, number> = { ENOENT: -2, EACCES: -13, EEXIST: -17, ENOTDIR: -20, EISDIR: -21, ENOTEMPTY: -39, EROFS: -30 };
    const desc: Record<string, string> = { ENOENT: "no such file or directory", EACCES: "permission denied", EEXIST: "file already exists", ENOTDIR: "not a directory", EISDIR: "illegal operation on a directory", ENOTEMPTY: "directory not empty", EROFS: "read-only file system" };
    return this.nodeError(`${code}: ${desc[code] ?? "i/o error"}, ${syscall} '${path}'`, { errno: errno[code] ?? -5, code, syscall, path });
  }

  private abs(p: unknown): string {
    const s = toStr(p);
    return s.startsWith("/") ? s : norm(this.ctx.cwd + "/" + s);
  }

  private fs(): JsObject {
    const fs = this.ctx.fs;
    const enc = (o: unknown) => (typeof o === "string" ? o : isPlainObject(o) && typeof o.encoding === "string" ? o.encoding : null);
    const data = (v: unknown) => (v instanceof JsBuffer ? v.data : utf8(toStr(v)));
    const readFileSync = (a: unknown[]) => {
      const p = this.abs(a[0]);
      try {
        const d = fs.readFile(p);
        return enc(a[1]) ? text(d) : new JsBuffer(d);
      } catch (e) {
        throw this.fsError(e, "open", toStr(a[0]));
      }
    };
    const writeFileSync = (a: unknown[], append = false) => {
      try {
        fs.writeFile(this.abs(a[0]), data(a[1]), { append });
      } catch (e) {
        throw this.fsError(e, "open", toStr(a[0]));
      }
      return undefined;
    };
    const cb = (fn: (a: unknown[]) => unknown) => (a: unknown[]) => {
      const callback = a[a.length - 1];
      const args = a.slice(0, -1);
      let result: unknown;
      let error: unknown = null;
      try {
        result = fn(args);
      } catch (e) {
        if (!(e instanceof Thrown)) throw e;
        error = e.value;
      }
      this.refs++;
      void Promise.resolve().then(() => {
        this.refs--;
        return this.task(() => this.interp.call(callback, error ? [error] : [null, result]));
      });
      return undefined;
    };
    const promised = (fn: (a: unknown[]) => unknown) => (a: unknown[]) => {
      try {
        return new JsPromise(Promise.resolve(fn(a)), (v, jp) => this.onUnhandledRejection(v, jp));
      } catch (e) {
        return new JsPromise(Promise.reject(e), (v, jp) => this.onUnhandledRejection(v, jp));
      }
    };
    const stat = (a: unknown[]) => {
      try {
        const st = fs.stat(this.abs(a[0]));
        return newObject({ size: st.size, mode: st.mode, uid: st.uid, gid: st.gid, mtime: new JsDate(st.mtime), mtimeMs: st.mtime, isFile: this.nf("isFile", () => st.type === "file"), isDirectory: this.nf("isDirectory", () => st.type === "dir") });
      } catch (e) {
        throw this.fsError(e, "stat", toStr(a[0]));
      }
    };
    const readdir = (a: unknown[]) => {
      try {
        return fs.readdir(this.abs(a[0])).sort();
      } catch (e) {
        throw this.fsError(e, "scandir", toStr(a[0]));
      }
    };
    const mkdir = (a: unknown[]) => {
      const p = this.abs(a[0]);
      const recursive = isPlainObject(a[1]) && a[1].recursive === true;
      try {
        if (recursive) {
          let cur = "";
          for (const part of p.split("/").filter(Boolean)) {
            cur += "/" + part;
            if (!fs.exists(cur)) fs.mkdir(cur, 0o777);
          }
        } else fs.mkdir(p, 0o777);
      } catch (e) {
        throw this.fsError(e, "mkdir", toStr(a[0]));
      }
      return undefined;
    };
    const unlink = (a: unknown[]) => {
      try {
        fs.unlink(this.abs(a[0]));
      } catch (e) {
        throw this.fsError(e, "unlink", toStr(a[0]));
      }
      return undefined;
    };
    const o = newObject({
      readFileSync: this.nf("readFileSync", readFileSync),
      writeFileSync: this.nf("writeFileSync", (a) => writeFileSync(a)),
      appendFileSync: this.nf("appendFileSync", (a) => writeFileSync(a, true)),
      existsSync: this.nf("existsSync", (a) => fs.exists(this.abs(a[0]))),
      statSync: this.nf("statSync", stat),
      readdirSync: this.nf("readdirSync", readdir),
      mkdirSync: this.nf("mkdirSync", mkdir),
      unlinkSync: this.nf("unlinkSync", unlink),
      readFile: this.nf("readFile", cb(readFileSync)),
      writeFile: this.nf("writeFile", cb((a) => writeFileSync(a))),
      appendFile: this.nf("appendFile", cb((a) => writeFileSync(a, true))),
      readdir: this.nf("readdir", cb(readdir)),
      stat: this.nf("stat", cb(stat)),
      mkdir: this.nf("mkdir", cb(mkdir)),
      unlink: this.nf("unlink", cb(unlink)),
    });
    o.promises = newObject({
      readFile: this.nf("readFile", promised(readFileSync)),
      writeFile: this.nf("writeFile", promised((a) => writeFileSync(a))),
      appendFile: this.nf("appendFile", promised((a) => writeFileSync(a, true))),
      readdir: this.nf("readdir", promised(readdir)),
      stat: this.nf("stat", promised(stat)),
      mkdir: this.nf("mkdir", promised(mkdir)),
      unlink: this.nf("unlink", promised(unlink)),
    });
    return o;
  }

  // --- http ---

  private emitter(target: JsObject): (name: string, ...args: unknown[]) => Promise<boolean> {
    const listeners = new Map<string, unknown[]>();
    const on = this.nf("on", (a) => {
      const l = listeners.get(toStr(a[0])) ?? [];
      l.push(a[1]);
      listeners.set(toStr(a[0]), l);
      return target;
    });
    target.on = on;
    target.once = on;
    target.addListener = on;
    return async (name, ...args) => {
      const l = listeners.get(name) ?? [];
      for (const f of l) await this.interp.call(f, args, target);
      return l.length > 0;
    };
  }

  private http(): JsObject {
    const http = newObject({ STATUS_CODES: newObject(Object.fromEntries(Object.entries(HTTP_REASONS).map(([k, v]) => [k, v]))) });
    http.createServer = this.nf("createServer", (a) => this.createServer(isPlainObject(a[0]) ? a[1] : a[0]));
    http.get = this.nf("get", (a) => this.httpGet(a[0], a[a.length - 1]));
    return http;
  }

  private createServer(handler: unknown): JsObject {
    const server = newObject({ listening: false });
    const emit = this.emitter(server);
    if (handler) (server.on as NativeFn).fn(["request", handler], server);
    let listener: Listener | null = null;
    let port = 0;
    server.listen = this.nf("listen", (a) => {
      const args = [...a];
      const cb = args.length && (args[args.length - 1] instanceof JsFunction || args[args.length - 1] instanceof NativeFn) ? args.pop() : undefined;
      const opts = isPlainObject(args[0]) ? args[0] : null;
      port = toNum(opts ? opts.port : args[0] ?? 0) || 0;
      const host = opts ? (opts.host as string | undefined) : typeof args[1] === "string" ? args[1] : undefined;
      const ip = host === undefined || host === "::" || host === "0.0.0.0" ? "0.0.0.0" : host === "localhost" ? "127.0.0.1" : host;
      this.refs++;
      void Promise.resolve().then(() =>
        this.task(async () => {
          try {
            listener = netStack(this.ctx.kernel).listen(this.ctx.proc.ns.net, ip, port, this.ctx.proc);
          } catch (e) {
            this.refs--;
            if (!(e instanceof NetError)) throw e;
            const code = e.code === "EADDRINUSE" ? "EADDRINUSE" : e.code;
            const shown = host === undefined ? "::" : host;
            const err = new JsError("Error", `listen ${code}: ${e.code === "EADDRINUSE" ? "address already in use" : e.message.toLowerCase()} ${shown}:${port}`, "Server.setupListenHandle [as _listen2] (node:net:1937:16)");
            Object.assign(err.props, { code, errno: e.code === "EADDRINUSE" ? -98 : -99, syscall: "listen", address: shown, port });
            if (!(await emit("error", err))) throw new Thrown(err);
            return;
          }
          port = listener.port;
          server.listening = true;
          if (cb) await this.interp.call(cb, [], server);
          await emit("listening");
          for (;;) {
            const s = await this.ctx.proc.guard(listener.accept());
            if (!s) break;
            void this.serveHttp(s, emit);
          }
        }),
      );
      return server;
    });
    server.address = this.nf("address", () => (listener ? newObject({ address: "::", family: "IPv6", port }) : null));
    server.close = this.nf("close", (a) => {
      if (listener) {
        listener.close();
        listener = null;
        server.listening = false;
        this.refs--;
        this.poke();
      }
      if (a[0]) void this.task(() => this.interp.call(a[0], []));
      return server;
    });
    return server;
  }

  private async serveHttp(sock: Socket, emitServer: (name: string, ...args: unknown[]) => Promise<boolean>): Promise<void> {
    try {
      for (;;) {
        let cancel = () => {};
        const idle = new Promise<null>((r) => (cancel = this.ctx.kernel.sched.at(5000, () => r(null))));
        const req = await this.ctx.proc.guard(Promise.race([readRequest(sock.input), idle]));
        cancel();
        if (req === null || req === "bad") break;
        const ka = keepAlive(req);
        const headers = newObject();
        for (const [k, v] of req.headers) headers[k.toLowerCase()] = v;
        const reqObj = newObject({ method: req.method, url: req.target, headers, httpVersion: req.version.replace("HTTP/", "") || "0.9", socket: newObject({ remoteAddress: sock.remote.ip, remotePort: sock.remote.port }) });
        reqObj.setEncoding = this.nf("setEncoding", () => reqObj);
        const emitReq = this.emitter(reqObj);
        let done!: () => void;
        const finished = new Promise<void>((r) => (done = r));
        const res = this.response(req.method, ka, sock, done);
        await this.task(async () => {
          await emitServer("request", reqObj, res);
          if (req.body.length) await emitReq("data", new JsBuffer(req.body));
          await emitReq("end");
        });
        if (this.exited) break;
        await this.ctx.proc.guard(finished);
        if (!ka) break;
      }
    } catch (e) {
      if (!(e instanceof NetError) && !(e instanceof Error && (e.name === "BrokenPipe" || e.name === "Killed"))) throw e;
    } finally {
      sock.close();
    }
  }

  private response(method: string, ka: boolean, sock: Socket, done: () => void): JsObject {
    const res = newObject({ statusCode: 200, statusMessage: undefined, headersSent: false, writableEnded: false });
    const headers = new Map<string, [string, string]>();
    const body: Uint8Array[] = [];
    res.setHeader = this.nf("setHeader", (a) => {
      headers.set(toStr(a[0]).toLowerCase(), [toStr(a[0]), Array.isArray(a[1]) ? a[1].map(toStr).join(", ") : toStr(a[1])]);
      return res;
    });
    res.getHeader = this.nf("getHeader", (a) => headers.get(toStr(a[0]).toLowerCase())?.[1]);
    res.removeHeader = this.nf("removeHeader", (a) => void headers.delete(toStr(a[0]).toLowerCase()));
    res.writeHead = this.nf("writeHead", (a) => {
      res.statusCode = toNum(a[0]);
      const hs = typeof a[1] === "string" ? a[2] : a[1];
      if (typeof a[1] === "string") res.statusMessage = a[1];
      if (isPlainObject(hs)) for (const [k, v] of Object.entries(hs)) headers.set(k.toLowerCase(), [k, toStr(v)]);
      return res;
    });
    res.write = this.nf("write", (a) => {
      body.push(a[0] instanceof JsBuffer ? a[0].data : utf8(toStr(a[0])));
      return true;
    });
    res.end = this.nf("end", async (a) => {
      if (res.writableEnded) return res;
      if (a[0] !== undefined && !(a[0] instanceof JsFunction)) body.push(a[0] instanceof JsBuffer ? a[0].data : utf8(toStr(a[0])));
      res.writableEnded = true;
      res.headersSent = true;
      const status = toNum(res.statusCode);
      const payload = concat(body);
      const lines = [...headers.values()].map(([k, v]) => `${k}: ${v}`);
      lines.push(`Date: ${httpDate(this.ctx.now())}`, `Connection: ${ka ? "keep-alive" : "close"}`);
      if (ka) lines.push("Keep-Alive: timeout=5");
      if (!headers.has("content-length")) lines.push(`Content-Length: ${payload.length}`);
      const head = `HTTP/1.1 ${status} ${res.statusMessage ?? HTTP_REASONS[status] ?? "unknown"}\r\n${lines.join("\r\n")}\r\n\r\n`;
      try {
        await sock.output.write(concat([utf8(head), method === "HEAD" ? new Uint8Array(0) : payload]));
      } catch {
        /* the client went away */
      }
      done();
      return res;
    });
    return res;
  }

  private httpGet(target: unknown, cb: unknown): JsObject {
    const req = newObject();
    const emitReq = this.emitter(req);
    const url = typeof target === "string" ? target : isPlainObject(target) ? `http://${toStr(target.hostname ?? target.host ?? "localhost")}:${toStr(target.port ?? 80)}${toStr(target.path ?? "/")}` : "";
    this.refs++;
    void this.task(async () => {
      try {
        const m = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
        if (!m) throw new Thrown(this.nodeError(`Invalid URL`, { code: "ERR_INVALID_URL", input: url }, "TypeError").value);
        const port = Number(m[2] ?? 80);
        const ip = await resolveHost(this.ctx, m[1]);
        const fail = async (code: string, message: string) => {
          const e = new JsError("Error", message, "GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:120:26)");
          Object.assign(e.props, { code, syscall: code === "ENOTFOUND" ? "getaddrinfo" : "connect", hostname: m[1] });
          if (!(await emitReq("error", e))) throw new Thrown(e);
        };
        if (!ip) return fail("ENOTFOUND", `getaddrinfo ENOTFOUND ${m[1]}`);
        let s: Socket;
        try {
          s = await this.ctx.proc.guard(netStack(this.ctx.kernel).connect(this.ctx.proc.ns.net, ip, port, { owner: this.ctx.proc }));
        } catch (e) {
          if (!(e instanceof NetError)) throw e;
          return fail(e.code, `connect ${e.code} ${ip}:${port}`);
        }
        await s.output.write(`GET ${m[3] ?? "/"} HTTP/1.1\r\nHost: ${m[1]}${m[2] ? ":" + m[2] : ""}\r\nConnection: close\r\n\r\n`);
        const all = await readAll(s.input);
        s.close();
        const str = text(all);
        const end = str.indexOf("\r\n\r\n");
        const lines = str.slice(0, end < 0 ? str.length : end).split("\r\n");
        const hs = newObject();
        for (const l of lines.slice(1)) {
          const c = l.indexOf(":");
          if (c > 0) hs[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
        }
        const res = newObject({ statusCode: Number(lines[0].split(" ")[1]), statusMessage: lines[0].split(" ").slice(2).join(" "), headers: hs });
        res.setEncoding = this.nf("setEncoding", () => res);
        res.resume = this.nf("resume", () => res);
        const emitRes = this.emitter(res);
        if (cb instanceof JsFunction || cb instanceof NativeFn) await this.interp.call(cb, [res]);
        const bodyBytes = end < 0 ? new Uint8Array(0) : all.subarray(utf8(str.slice(0, end + 4)).length);
        if (bodyBytes.length) await emitRes("data", new JsBuffer(bodyBytes));
        await emitRes("end");
      } finally {
        this.refs--;
      }
    });
    return req;
  }
}

function norm(p: string): string {
  const abs = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
    } else out.push(part);
  }
  return (abs ? "/" : "") + out.join("/");
}

async function runSource(ctx: ProcessContext, rt: Runtime, path: string, source: string, argv: string[], print: boolean): Promise<number> {
  try {
    if (print) {
      rt.file = path;
      rt.sources.set(path, source.split("\n"));
      let v: unknown;
      try {
        v = await rt.interp.eval(parseExpression(source), rt.globals);
      } catch (e) {
        if (e instanceof JsSyntaxError) {
          await runSource(ctx, rt, path, source, argv, false);
          return rt.exitCode;
        }
        throw e;
      }
      await ctx.stdout.write(inspect(v) + "\n");
    } else await rt.runMain(path, source, argv);
    await rt.loop();
  } catch (e) {
    if (e instanceof NodeExit) return e.code;
    if (e instanceof Thrown) {
      await rt.printUncaught(e.value);
      return 1;
    }
    throw e;
  }
  if (rt.exited) return rt.exitCode;
  return rt.reportFatal();
}

async function repl(ctx: ProcessContext, rt: Runtime): Promise<number> {
  await ctx.stdout.write(`Welcome to Node.js v${NODE_VERSION}.\nType ".help" for more information.\n`);
  rt.file = "REPL";
  for (;;) {
    await ctx.stdout.write("> ");
    const line = await ctx.proc.guard(readLine(ctx.stdin));
    if (line === null || line.trim() === ".exit") break;
    if (!line.trim()) continue;
    if (line.trim() === ".help") {
      await ctx.stdout.write(".exit     Exit the REPL\n.help     Print this help message\n");
      continue;
    }
    rt.sources.set("REPL", [line]);
    try {
      let v: unknown;
      try {
        v = await rt.interp.eval(parseExpression(line), rt.globals);
      } catch (e) {
        if (!(e instanceof JsSyntaxError)) throw e;
        await rt.interp.runBody(parseProgram(line), rt.globals);
        v = undefined;
      }
      if (v instanceof JsPromise) v = await rt.interp.awaitValue(v);
      await ctx.stdout.write(inspect(v, 1) + "\n");
    } catch (e) {
      if (e instanceof NodeExit) return e.code;
      if (e instanceof Thrown) await ctx.stdout.write(`Uncaught ${e.value instanceof JsError ? e.value.stack.split("\n")[0] : inspect(e.value, 1)}\n`);
      else if (e instanceof JsSyntaxError) await ctx.stdout.write(`Uncaught SyntaxError: ${e.message}\n`);
      else throw e;
    }
  }
  return 0;
}

export const nodeProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const rt = new Runtime(ctx);
  let i = 0;
  while (i < args.length && args[i].startsWith("-") && args[i] !== "-") {
    const a = args[i];
    if (a === "-v" || a === "--version") {
      await ctx.stdout.write(`v${NODE_VERSION}\n`);
      return 0;
    }
    if (a === "-e" || a === "--eval" || a === "-p" || a === "--print") {
      const code = args[i + 1];
      if (code === undefined) {
        await ctx.stderr.write(`node: ${a} requires an argument\n`);
        return 9;
      }
      return runSource(ctx, rt, "[eval]", code, ["/usr/local/bin/node", ...args.slice(i + 2)], a === "-p" || a === "--print");
    }
    if (a === "-h" || a === "--help") {
      await ctx.stdout.write("Usage: node [options] [ script.js ] [arguments]\n       node inspect [options] [ script.js | host:port ] [arguments]\n\nOptions:\n  -                           script read from stdin (default if no file name is provided, interactive mode if a tty)\n  -e, --eval=...              evaluate script\n  -p, --print [...]           evaluate script and print result\n  -v, --version               print Node.js version\n\nDocumentation can be found at https://nodejs.org/\n");
      return 0;
    }
    if (a === "--watch" || a.startsWith("--max-old-space-size") || a === "--enable-source-maps" || a === "--no-warnings") {
      i++;
      continue;
    }
    await ctx.stderr.write(`/usr/local/bin/node: bad option: ${a}\n`);
    return 9;
  }
  const script = args[i];
  if (script === undefined || script === "-") {
    if (ctx.stdin.isTTY && script === undefined) return repl(ctx, rt);
    const src = text(await readAll(ctx.stdin));
    return runSource(ctx, rt, "[stdin]", src, ["/usr/local/bin/node", ...args.slice(i + 1)], false);
  }
  const path = norm(script.startsWith("/") ? script : `${ctx.cwd}/${script}`);
  let source: string | null = null;
  for (const c of [path, path + ".js", path + "/index.js"]) {
    try {
      if (ctx.fs.stat(c).type === "file") {
        source = text(ctx.fs.readFile(c));
        break;
      }
    } catch {
      /* next */
    }
  }
  if (source === null) {
    await ctx.stderr.write(`node:internal/modules/cjs/loader:1386\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1383:15)\n    at defaultResolveImpl (node:internal/modules/cjs/loader:1025:19)\n    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1030:22)\n    at Function._load (node:internal/modules/cjs/loader:1192:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:235:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:171:5)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${NODE_VERSION}\n`);
    return 1;
  }
  return runSource(ctx, rt, path, source, ["/usr/local/bin/node", path, ...args.slice(i + 1)], false);
};
