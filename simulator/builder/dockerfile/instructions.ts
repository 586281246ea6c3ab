/**
 * Parsed nodes to typed instructions grouped in stages, with BuildKit's validation messages
 * ("COPY requires at least two arguments, ...", "unknown flag: x", "unknown instruction: FOO").
 */
import { type Heredoc, type Node, parseHeredocWord } from "./parser";

export interface Loc {
  startLine: number;
  endLine: number;
}

interface Base extends Loc {
  /** The instruction as written (after continuations were joined), for cache keys and history. */
  original: string;
  /** Upper-case keyword. */
  name: string;
}

export interface KV {
  key: string;
  value: string;
  /** `ENV key value` / `LABEL` without '='. */
  noDelim: boolean;
}

export interface ShellCmd {
  /** Exec form words, or one shell-form string. */
  cmdLine: string[];
  /** Shell form: prepend the stage's SHELL. */
  prependShell: boolean;
  files: Heredoc[];
}

export interface SourceContent {
  path: string;
  data: string;
  expand: boolean;
}

export type Instruction =
  | (Base & { kind: "RUN" } & ShellCmd)
  | (Base & { kind: "CMD" } & ShellCmd)
  | (Base & { kind: "ENTRYPOINT" } & ShellCmd)
  | (Base & { kind: "SHELL"; shell: string[] })
  | (Base & { kind: "ENV"; env: KV[] })
  | (Base & { kind: "LABEL"; labels: KV[] })
  | (Base & { kind: "MAINTAINER"; maintainer: string })
  | (Base & { kind: "EXPOSE"; ports: string[] })
  | (Base & { kind: "COPY" | "ADD"; sources: string[]; contents: SourceContent[]; dest: string; from: string; chown: string; chmod: string; json: boolean })
  | (Base & { kind: "VOLUME"; volumes: string[] })
  | (Base & { kind: "USER"; user: string })
  | (Base & { kind: "WORKDIR"; path: string })
  | (Base & { kind: "ARG"; args: { key: string; value?: string }[] })
  | (Base & { kind: "ONBUILD"; expression: string })
  | (Base & { kind: "STOPSIGNAL"; signal: string })
  | (Base & { kind: "HEALTHCHECK"; test: string[]; interval: number; timeout: number; startPeriod: number; startInterval: number; retries: number });

export interface Stage extends Loc {
  name: string;
  baseName: string;
  platform: string;
  original: string;
  commands: Instruction[];
}

export class InstructionError extends Error {
  constructor(
    message: string,
    readonly loc: Loc,
    /** An unknown instruction (the legacy builder words it the same way). */
    readonly unknown = false,
  ) {
    super(message);
  }
}

const KNOWN = new Set(["add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir"]);

type FlagSpec = Record<string, "string" | "bool">;

function parseFlags(flags: string[], spec: FlagSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flags) {
    if (!f.startsWith("--")) throw new Error(`arg should start with -- : ${f}`);
    const body = f.slice(2);
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    const kind = spec[name];
    if (!kind) throw new Error(`unknown flag: ${name}`);
    if (name in out) throw new Error(`duplicate flag specified: ${name}`);
    if (kind === "bool") {
      const v = eq < 0 ? "true" : body.slice(eq + 1).toLowerCase();
      if (v !== "true" && v !== "false") throw new Error(`expecting boolean value for flag ${name}, not: ${body.slice(eq + 1)}`);
      out[name] = v;
    } else {
      if (eq < 0) throw new Error(`missing a value on flag: ${name}`);
      const v = body.slice(eq + 1);
      if (v === "") throw new Error(`missing a value on flag: ${name}`);
      out[name] = v;
    }
  }
  return out;
}

const atLeastOne = (c: string) => new Error(`${c} requires at least one argument`);
const exactlyOne = (c: string) => new Error(`${c} requires exactly one argument`);
const noDest = (c: string) => new Error(`${c} requires at least two arguments, but only one was provided. Destination could not be determined`);

function kvs(args: string[], cmd: string): KV[] {
  if (args.length === 0) throw atLeastOne(cmd);
  const out: KV[] = [];
  if (args.length % 3 !== 0) throw new Error(`Bad input to ${cmd}, too many arguments`);
  for (let j = 0; j < args.length; j += 3) {
    if (args[j] === "") throw new Error(`${cmd} names can not be blank`);
    out.push({ key: args[j], value: args[j + 1], noDelim: args[j + 2] === "" });
  }
  return out;
}

function shellCmd(n: Node, emptyAsNil: boolean): ShellCmd {
  let args = n.json ? n.args : n.args.length ? [n.args.join(" ")] : [];
  if (emptyAsNil && args.length === 0) args = [];
  return { cmdLine: args, prependShell: !n.json, files: n.heredocs };
}

function duration(v: string | undefined, flag: string): number {
  if (!v) return 0;
  const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(v);
  const units: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };
  if (!m) throw new Error(`time: invalid duration "${v}"`);
  const ns = Number(m[1]) * units[m[2]];
  if (ns !== 0 && ns < 1e6) throw new Error(`Interval "${flag}" cannot be less than 1ms`);
  return ns;
}

function sourcesAndDest(n: Node, cmd: string): { sources: string[]; contents: SourceContent[]; dest: string } {
  const srcs = n.args.slice(0, -1);
  const dest = n.args[n.args.length - 1];
  if (parseHeredocWord(dest)) throw new Error(`${cmd} cannot accept a heredoc as a destination`);
  const sources: string[] = [];
  const contents: SourceContent[] = [];
  for (const s of srcs) {
    const h = parseHeredocWord(s);
    if (h) {
      const doc = n.heredocs.find((d) => d.name === h.name);
      let data = doc?.content ?? "";
      if (h.chomp) data = data.replace(/^\t+/gm, "");
      contents.push({ path: h.name, data, expand: h.expand });
    } else sources.push(s);
  }
  return { sources, contents, dest };
}

/** One node to an instruction (FROM gives a stage header). */
export function parseInstruction(n: Node): Instruction | Stage {
  const lower = n.cmd.toLowerCase();
  const base = { original: n.original, name: n.cmd.toUpperCase(), startLine: n.startLine, endLine: n.endLine };
  const a = n.args;
  const noFlags = () => parseFlags(n.flags, {});
  switch (lower) {
    case "from": {
      const f = parseFlags(n.flags, { platform: "string" });
      let name = "";
      if (a.length === 3 && a[1].toLowerCase() === "as") {
        name = a[2].toLowerCase();
        if (!/^[a-z][a-z0-9-_.]*$/.test(name)) throw new Error(`invalid name for build stage: "${a[2]}", name can't start with a number or contain symbols`);
      } else if (a.length !== 1) throw new Error("FROM requires either one or three arguments");
      return { name, baseName: a[0], platform: f.platform ?? "", original: n.original.trim(), commands: [], startLine: n.startLine, endLine: n.endLine };
    }
    case "run":
      noFlags();
      return { ...base, kind: "RUN", ...shellCmd(n, false) };
    case "cmd":
      noFlags();
      return { ...base, kind: "CMD", ...shellCmd(n, false) };
    case "entrypoint":
      noFlags();
      return { ...base, kind: "ENTRYPOINT", ...shellCmd(n, true) };
    case "shell":
      noFlags();
      if (a.length === 0) throw atLeastOne("SHELL");
      if (!n.json) throw new Error("SHELL requires the arguments to be in JSON form");
      return { ...base, kind: "SHELL", shell: a };
    case "env":
      noFlags();
      return { ...base, kind: "ENV", env: kvs(a, "ENV") };
    case "label":
      noFlags();
      return { ...base, kind: "LABEL", labels: kvs(a, "LABEL") };
    case "maintainer":
      if (a.length !== 1) throw exactlyOne("MAINTAINER");
      noFlags();
      return { ...base, kind: "MAINTAINER", maintainer: a[0] };
    case "expose":
      if (a.length === 0) throw atLeastOne("EXPOSE");
      noFlags();
      return { ...base, kind: "EXPOSE", ports: [...a].sort() };
    case "add":
    case "copy": {
      const cmd = lower.toUpperCase() as "ADD" | "COPY";
      if (a.length < 2) throw noDest(cmd);
      const spec: FlagSpec = cmd === "ADD" ? { chown: "string", chmod: "string", link: "bool", "keep-git-dir": "bool", checksum: "string" } : { chown: "string", from: "string", chmod: "string", link: "bool" };
      const f = parseFlags(n.flags, spec);
      return { ...base, kind: cmd, ...sourcesAndDest(n, cmd), from: f.from ?? "", chown: f.chown ?? "", chmod: f.chmod ?? "", json: n.json };
    }
    case "volume": {
      if (a.length === 0) throw atLeastOne("VOLUME");
      noFlags();
      const volumes = a.map((v) => v.trim());
      if (volumes.some((v) => v === "")) throw new Error("VOLUME specified can not be an empty string");
      return { ...base, kind: "VOLUME", volumes };
    }
    case "user":
      if (a.length !== 1) throw exactlyOne("USER");
      noFlags();
      return { ...base, kind: "USER", user: a[0] };
    case "workdir":
      if (a.length !== 1) throw exactlyOne("WORKDIR");
      noFlags();
      return { ...base, kind: "WORKDIR", path: a[0] };
    case "arg": {
      if (a.length === 0) throw atLeastOne("ARG");
      noFlags();
      const args = a.map((w) => {
        const eq = w.indexOf("=");
        if (eq === 0) throw new Error("ARG names can not be blank");
        return eq < 0 ? { key: w } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
      });
      return { ...base, kind: "ARG", args };
    }
    case "onbuild": {
      if (!n.sub) throw atLeastOne("ONBUILD");
      noFlags();
      const t = n.sub.cmd.toUpperCase();
      if (t === "ONBUILD") throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      if (t === "MAINTAINER" || t === "FROM") throw new Error(`${t} isn't allowed as an ONBUILD trigger`);
      let expression = n.original.replace(/^\s*ONBUILD\s*/i, "");
      for (const h of n.heredocs) expression += "\n" + h.content + h.name;
      return { ...base, kind: "ONBUILD", expression };
    }
    case "stopsignal":
      if (a.length !== 1) throw exactlyOne("STOPSIGNAL");
      noFlags();
      return { ...base, kind: "STOPSIGNAL", signal: a[0] };
    case "healthcheck": {
      if (a.length === 0) throw atLeastOne("HEALTHCHECK");
      const typ = a[0].toUpperCase();
      const rest = a.slice(1);
      if (typ === "NONE") {
        if (rest.length) throw new Error("HEALTHCHECK NONE takes no arguments");
        return { ...base, kind: "HEALTHCHECK", test: ["NONE"], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
      }
      const f = parseFlags(n.flags, { interval: "string", timeout: "string", "start-period": "string", "start-interval": "string", retries: "string" });
      if (typ !== "CMD") throw new Error(`Unknown type "${typ}" in HEALTHCHECK (try CMD)`);
      const cmd = n.json ? rest : rest.length ? [rest.join(" ")] : [];
      if (cmd.length === 0) throw new Error("Missing command after HEALTHCHECK CMD");
      const retries = f.retries ? Number(f.retries) : 0;
      if (f.retries && !/^-?\d+$/.test(f.retries)) throw new Error(`strconv.ParseInt: parsing "${f.retries}": invalid syntax`);
      if (retries < 0) throw new Error(`--retries cannot be negative (${retries})`);
      return {
        ...base,
        kind: "HEALTHCHECK",
        test: [n.json ? "CMD" : "CMD-SHELL", ...cmd],
        interval: duration(f.interval, "interval"),
        timeout: duration(f.timeout, "timeout"),
        startPeriod: duration(f["start-period"], "start-period"),
        startInterval: duration(f["start-interval"], "start-interval"),
        retries,
      };
    }
  }
  throw new InstructionError(`unknown instruction: ${n.cmd}`, n, true);
}

export interface ParsedFile {
  stages: Stage[];
  /** ARGs before the first FROM. */
  metaArgs: Extract<Instruction, { kind: "ARG" }>[];
}

/** Nodes to stages; errors are InstructionErrors with the node's lines. */
export function parseStages(nodes: Node[]): ParsedFile {
  const stages: Stage[] = [];
  const metaArgs: ParsedFile["metaArgs"] = [];
  for (const n of nodes) {
    let ins: Instruction | Stage;
    try {
      if (!KNOWN.has(n.cmd.toLowerCase())) throw new InstructionError(`unknown instruction: ${n.cmd}`, n, true);
      ins = parseInstruction(n);
    } catch (e) {
      if (e instanceof InstructionError) throw e;
      throw new InstructionError((e as Error).message, n);
    }
    if ("commands" in ins) {
      stages.push(ins);
      continue;
    }
    if (stages.length === 0) {
      if (ins.kind === "ARG") {
        metaArgs.push(ins);
        continue;
      }
      throw new InstructionError("no build stage in current context", n);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  return { stages, metaArgs };
}
