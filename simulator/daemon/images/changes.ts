/**
 * `docker commit -c` and `docker import -c`: Dockerfile instructions applied to an image config
 * (moby's BuildFromConfig). Only CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, USER,
 * VOLUME and WORKDIR are accepted; errors are the engine's texts.
 */
import type { ContainerConfig } from "../../api/types";
import { normalize } from "../../fs/path";
import { invalidParameter } from "../errdefs";
import { envMap, parseWords, processWord } from "./words";

const VALID = new Set(["cmd", "entrypoint", "healthcheck", "env", "expose", "label", "onbuild", "user", "volume", "workdir"]);

interface Instruction {
  name: string;
  rest: string;
}

/** The parser's view: continuation lines joined, blank lines and comments dropped. */
function instructions(changes: readonly string[]): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const line of changes.join("\n").split("\n")) {
    if (pending === "" && /^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, "");
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    if (full === "") continue;
    const m = /^(\S+)\s*(.*)$/s.exec(full)!;
    out.push({ name: m[1].toLowerCase(), rest: m[2] });
  }
  if (pending.trim() !== "") {
    const m = /^(\S+)\s*(.*)$/s.exec(pending.trim())!;
    out.push({ name: m[1].toLowerCase(), rest: m[2] });
  }
  return out;
}

/** Exec form (a JSON array of strings) or shell form (the shell plus the whole line). */
function commandLine(rest: string, shell: string[]): string[] {
  if (rest.startsWith("[")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rest);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      if (!parsed.every((x) => typeof x === "string")) throw invalidParameter("when using JSON array syntax, arrays must be comprised of strings only");
      return parsed as string[];
    }
  }
  return rest === "" ? [...shell] : [...shell, rest];
}

/** KEY=VALUE pairs, or the old "KEY value" form (ENV and LABEL). */
function nameValues(what: string, rest: string, env: ReadonlyMap<string, string>): Array<[string, string]> {
  const words = parseWords(rest);
  if (words.length === 0) throw invalidParameter(`${what} requires at least one argument`);
  if (!words[0].includes("=")) {
    const parts = rest.trim().split(/\s+(.*)/s);
    if (parts.length < 2 || parts[1] === "") throw invalidParameter(`${what} must have two arguments`);
    return [[processWord(parts[0], env), processWord(parts[1], env)]];
  }
  return words.map((w) => {
    if (!w.includes("=")) throw invalidParameter(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    const i = w.indexOf("=");
    return [processWord(w.slice(0, i), env), processWord(w.slice(i + 1), env)];
  });
}

/** EXPOSE's port specs: "80", "80/udp", "8000-8002", with host parts ignored. */
function exposedPorts(specs: string[]): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    const [portPart, proto = "tcp"] = spec.split("/");
    const container = portPart.slice(portPart.lastIndexOf(":") + 1);
    if (!["tcp", "udp", "sctp"].includes(proto.toLowerCase())) throw invalidParameter(`invalid proto: ${proto}`);
    const m = /^(\d+)(?:-(\d+))?$/.exec(container);
    if (!m || Number(m[1]) > 65535 || (m[2] !== undefined && Number(m[2]) > 65535)) throw invalidParameter(`Invalid containerPort: ${container}`);
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (end < start) throw invalidParameter(`Invalid range specified for container port: ${container}`);
    for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  }
  return out;
}

/** Go duration text ("30s", "1m30s", "500ms") in nanoseconds. */
function duration(flag: string, s: string): number {
  const units: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const re = /(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let i = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw invalidParameter(`time: invalid duration "${s}"`);
    total += Number(m[1]) * units[m[2]];
    i = re.lastIndex;
  }
  if (s === "" || s === "0") return 0;
  if (total < 1e6) throw invalidParameter(`Interval "${flag}" cannot be less than 1ms`);
  return total;
}

function healthcheck(rest: string): NonNullable<ContainerConfig["Healthcheck"]> {
  let r = rest.trim();
  const hc: NonNullable<ContainerConfig["Healthcheck"]> = { Test: [] };
  for (let m = /^--([a-z-]+)=(\S*)\s*/.exec(r); m; m = /^--([a-z-]+)=(\S*)\s*/.exec(r)) {
    const [all, flag, value] = m;
    if (flag === "interval") hc.Interval = duration(flag, value);
    else if (flag === "timeout") hc.Timeout = duration(flag, value);
    else if (flag === "start-period") hc.StartPeriod = duration(flag, value);
    else if (flag === "retries") hc.Retries = Number(value);
    else throw invalidParameter(`Unknown flag: ${flag}`);
    r = r.slice(all.length);
  }
  const [word, ...more] = r.split(/\s+(.*)/s);
  const kind = word.toUpperCase();
  if (kind === "NONE") {
    if (more.join("").trim() !== "") throw invalidParameter("HEALTHCHECK NONE takes no arguments");
    return { Test: ["NONE"] };
  }
  if (kind !== "CMD") throw invalidParameter(`Unknown type "${kind}" in HEALTHCHECK (try CMD)`);
  const line = (more[0] ?? "").trim();
  const exec = line.startsWith("[") ? commandLine(line, ["\0"]) : null;
  hc.Test = exec && exec[0] !== "\0" ? ["CMD", ...exec] : ["CMD-SHELL", line];
  return hc;
}

/** The config with `changes` applied (a copy; the input is left alone). */
export function applyChanges(base: ContainerConfig, changes: readonly string[]): ContainerConfig {
  if (changes.length === 0) return base;
  const list = instructions(changes);
  if (list.length === 0) throw invalidParameter("file with no instructions");
  for (const ins of list) if (!VALID.has(ins.name)) throw invalidParameter(`${ins.name} is not a valid change command`);
  const c: ContainerConfig = structuredCopy(base);
  let cmdSet = false;
  for (const { name, rest } of list) {
    const env = envMap(c.Env);
    const shell = c.Shell && c.Shell.length ? c.Shell : ["/bin/sh", "-c"];
    const word = (s: string) => {
      try {
        return processWord(s, env);
      } catch (e) {
        throw invalidParameter(e instanceof Error ? e.message : String(e));
      }
    };
    switch (name) {
      case "cmd":
        c.Cmd = commandLine(rest, shell);
        cmdSet = true;
        break;
      case "entrypoint":
        c.Entrypoint = commandLine(rest, shell);
        if (!cmdSet) c.Cmd = null;
        break;
      case "env":
        for (const [k, v] of nameValues("ENV", rest, env)) {
          const list = c.Env ?? [];
          const i = list.findIndex((e) => e.split("=")[0] === k);
          if (i >= 0) list[i] = `${k}=${v}`;
          else list.push(`${k}=${v}`);
          c.Env = list;
        }
        break;
      case "label":
        for (const [k, v] of nameValues("LABEL", rest, env)) c.Labels = { ...(c.Labels ?? {}), [k]: v };
        break;
      case "expose": {
        const specs = rest.trim() === "" ? [] : rest.trim().split(/\s+/).map(word);
        if (specs.length === 0) throw invalidParameter("EXPOSE requires at least one argument");
        c.ExposedPorts = { ...(c.ExposedPorts ?? {}) };
        for (const p of exposedPorts(specs)) c.ExposedPorts[p] = {};
        break;
      }
      case "workdir": {
        if (rest.trim() === "") throw invalidParameter("WORKDIR requires exactly one argument");
        const w = word(rest.trim());
        c.WorkingDir = w.startsWith("/") ? w : normalize("/" + c.WorkingDir + "/" + w);
        break;
      }
      case "user":
        if (rest.trim() === "") throw invalidParameter("USER requires exactly one argument");
        c.User = word(rest.trim());
        break;
      case "volume": {
        const items = rest.trim().startsWith("[") ? commandLine(rest.trim(), []) : rest.trim() === "" ? [] : rest.trim().split(/\s+/);
        if (items.length === 0) throw invalidParameter("VOLUME requires at least one argument");
        c.Volumes = { ...(c.Volumes ?? {}) };
        for (const v of items.map(word)) {
          if (v.trim() === "") throw invalidParameter("VOLUME specified can not be an empty string");
          c.Volumes[v] = {};
        }
        break;
      }
      case "healthcheck":
        c.Healthcheck = healthcheck(rest);
        break;
      case "onbuild": {
        const trigger = rest.trim();
        const first = trigger.split(/\s+/)[0].toUpperCase();
        if (trigger === "") throw invalidParameter("ONBUILD requires at least one argument");
        if (first === "ONBUILD") throw invalidParameter("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        if (first === "FROM" || first === "MAINTAINER") throw invalidParameter(`${first} isn't allowed as an ONBUILD trigger`);
        c.OnBuild = [...(c.OnBuild ?? []), trigger];
        break;
      }
    }
  }
  return c;
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
