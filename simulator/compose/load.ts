/**
 * Loading a Compose project the way compose-go does, for the attributes the simulator supports:
 * finding the file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml, here or
 * in a parent directory, or the -f files, merged in order), the project name (-p,
 * COMPOSE_PROJECT_NAME, `name:`, else the directory's name, normalised), `.env` and
 * interpolation (${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, $VAR,
 * $$), validation with compose-go's messages, and the canonical model (types.ts): short syntaxes
 * expanded, relative paths resolved against the project directory, env_file read.
 *
 * Service attributes: image, build (string or context/dockerfile/args/target), command,
 * entrypoint, environment, env_file, ports, expose, volumes, networks (list or map with
 * aliases), network_mode, depends_on (list or map with condition), container_name, hostname,
 * restart, working_dir, user, labels, stop_signal, stop_grace_period, tty, stdin_open,
 * healthcheck, extra_hosts, init, privileged, read_only, cap_add, cap_drop, dns, tmpfs.
 * Top level: name, services, networks, volumes, and `version` (obsolete: warned and ignored).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import type { Vfs } from "../runtime/vfs";
import { text } from "../util/bytes";
import { ComposeError, type DependsOn, type PortConfig, type Project, type Service, type VolumeMount } from "./types";

export const DEFAULT_FILES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
export const OVERRIDE_FILES = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

export interface LoadOptions {
  cwd: string;
  /** -f files, in order (relative to cwd). */
  files: string[];
  /** -p */
  projectName?: string;
  /** --project-directory */
  projectDir?: string;
  /** The environment the command runs with. */
  env: Record<string, string>;
  /** --env-file files (default: .env in the project directory). */
  envFiles?: string[];
}

export function normalizeProjectName(s: string): string {
  return (s.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join("").replace(/^[_-]+/, "");
}

function join(dir: string, p: string): string {
  if (p.startsWith("/")) return normPath(p);
  return normPath(`${dir}/${p}`);
}

export function normPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

function readText(fs: Vfs, p: string): string | null {
  try {
    if (fs.stat(p).type !== "file") return null;
    return text(fs.readFile(p));
  } catch {
    return null;
  }
}

/** KEY=VALUE lines of a .env or env_file (comments, blank lines, `export `, quotes). */
export function parseEnvFile(s: string): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  for (const raw of s.split("\n")) {
    const line = raw.replace(/\r$/, "").trim();
    if (!line || line.startsWith("#")) continue;
    const l = line.replace(/^export\s+/, "");
    const i = l.indexOf("=");
    if (i < 0) {
      out.push([l.trim(), null]);
      continue;
    }
    const key = l.slice(0, i).trim();
    let value = l.slice(i + 1).trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length > 1) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    } else value = value.replace(/\s+#.*$/, "");
    out.push([key, value]);
  }
  return out;
}

/** Where a value came from in a file (for messages naming the line). */
interface Located {
  value: unknown;
  lines: Map<unknown, number>;
}

/** Parse YAML, keeping the line of every mapping and sequence value; errors as compose-go words them. */
function parseYaml(src: string, file: string): Located {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lc.linePos(e.pos[0]).line;
    const msg = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").replace(/\.$/, "");
    throw new ComposeError(`failed to parse ${file}: yaml: line ${line}: ${msg.charAt(0).toLowerCase() + msg.slice(1)}`, 15);
  }
  const lines = new Map<unknown, number>();
  const conv = (n: YamlNode | null | undefined): unknown => {
    if (!n) return null;
    if (isMap(n)) {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const it of n.items) {
        if (!isPair(it)) continue;
        const k = isScalar(it.key) ? String(it.key.value) : String(it.key);
        o[k] = conv(it.value as YamlNode);
        const v = o[k];
        if (v && typeof v === "object") lines.set(v, lc.linePos((it.key as YamlNode).range?.[0] ?? 0).line);
      }
      return o;
    }
    if (isSeq(n)) return n.items.map((x) => conv(x as YamlNode));
    if (isScalar(n)) return n.value;
    return null;
  };
  const value = conv(doc.contents as YamlNode);
  return { value, lines };
}

// --- interpolation ---

function interpolate(v: unknown, env: Record<string, string>, path: string): unknown {
  if (typeof v === "string") return interpolateString(v, env, path);
  if (Array.isArray(v)) return v.map((x, i) => interpolate(x, env, `${path}.[]`.replace(/^\./, "") || String(i)));
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) o[k] = interpolate(x, env, path ? `${path}.${k}` : k);
    return o;
  }
  return v;
}

function interpolateString(s: string, env: Record<string, string>, path: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "$") {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === "$") {
      out += "$";
      i++;
      continue;
    }
    if (n === "{") {
      const end = s.indexOf("}", i);
      if (end < 0) throw new ComposeError(`invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${s}`, 15);
      const body = s.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s.exec(body);
      if (!m) throw new ComposeError(`invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${s}`, 15);
      const [, name, op, arg = ""] = m;
      const val = env[name];
      const unsetOrEmpty = val === undefined || val === "";
      if (!op) out += val ?? "";
      else if (op === ":-") out += unsetOrEmpty ? interpolateString(arg, env, path) : val;
      else if (op === "-") out += val === undefined ? interpolateString(arg, env, path) : val;
      else if (op === ":+") out += unsetOrEmpty ? "" : interpolateString(arg, env, path);
      else if (op === "+") out += val === undefined ? "" : interpolateString(arg, env, path);
      else if (op === ":?" || op === "?") {
        if (op === ":?" ? unsetOrEmpty : val === undefined) throw new ComposeError(`required variable ${name} is missing a value${arg ? ": " + arg : ""}`, 15);
        out += val;
      }
      i = end;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
    if (!m) {
      out += "$";
      continue;
    }
    out += env[m[0]] ?? "";
    i += m[0].length;
  }
  return out;
}

// --- validation (compose-go's schema messages for what the simulator checks) ---

const TOP_KEYS = new Set(["version", "name", "services", "networks", "volumes", "secrets", "configs", "include"]);
const SERVICE_KEYS = new Set(["image", "build", "command", "entrypoint", "environment", "env_file", "ports", "expose", "volumes", "networks", "network_mode", "depends_on", "container_name", "hostname", "restart", "working_dir", "user", "labels", "stop_signal", "stop_grace_period", "tty", "stdin_open", "healthcheck", "extra_hosts", "init", "privileged", "read_only", "cap_add", "cap_drop", "dns", "tmpfs", "platform", "pull_policy", "profiles", "deploy", "logging", "domainname", "mem_limit", "cpus", "ulimits", "security_opt", "sysctls", "shm_size", "devices", "links", "secrets", "configs", "scale"]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "object") return "mapping";
  return typeof v;
}

function validate(raw: Obj, file: string): void {
  const fail = (m: string) => {
    throw new ComposeError(`validating ${file}: ${m}`, 15);
  };
  for (const k of Object.keys(raw)) if (!TOP_KEYS.has(k) && !k.startsWith("x-")) fail(`(root) additional properties '${k}' not allowed`);
  if (raw.name !== undefined && typeof raw.name !== "string") fail("name must be a string");
  const services = raw.services;
  if (services !== undefined && services !== null && !isObj(services)) fail("services must be a mapping");
  for (const [name, s] of Object.entries(isObj(services) ? services : {})) {
    if (!isObj(s)) {
      if (s === null) continue;
      fail(`services.${name} must be a mapping`);
    }
    const svc = s as Obj;
    for (const k of Object.keys(svc)) if (!SERVICE_KEYS.has(k) && !k.startsWith("x-")) fail(`services.${name} additional properties '${k}' not allowed`);
    const want = (k: string, ok: (v: unknown) => boolean, t: string) => {
      if (svc[k] !== undefined && svc[k] !== null && !ok(svc[k])) fail(`services.${name}.${k} must be a ${t}`);
    };
    want("image", (v) => typeof v === "string", "string");
    want("ports", Array.isArray, "array");
    want("volumes", Array.isArray, "array");
    want("expose", Array.isArray, "array");
    want("environment", (v) => Array.isArray(v) || isObj(v), "array or mapping");
    want("networks", (v) => Array.isArray(v) || isObj(v), "array or mapping");
    want("depends_on", (v) => Array.isArray(v) || isObj(v), "array or mapping");
    want("build", (v) => typeof v === "string" || isObj(v), "mapping or string");
    want("command", (v) => typeof v === "string" || Array.isArray(v), "array or string");
    want("entrypoint", (v) => typeof v === "string" || Array.isArray(v), "array or string");
    want("env_file", (v) => typeof v === "string" || Array.isArray(v), "array or string");
    want("container_name", (v) => typeof v === "string", "string");
    for (const [i, p] of (Array.isArray(svc.ports) ? svc.ports : []).entries()) if (typeof p !== "string" && typeof p !== "number" && !isObj(p)) fail(`services.${name}.ports.${i} must be a mapping, number or string`);
  }
  for (const top of ["networks", "volumes"] as const) {
    const v = raw[top];
    if (v !== undefined && v !== null && !isObj(v)) fail(`${top} must be a mapping`);
  }
}

// --- canonical form ---

/** A shell-ish split of a command string, as compose-go's shellwords does. */
export function splitCommand(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === "\\" && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === "\\" && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (cur || has) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (cur || has) out.push(cur);
  return out;
}

function parsePorts(v: unknown, name: string): PortConfig[] {
  const out: PortConfig[] = [];
  for (const p of Array.isArray(v) ? v : []) {
    if (isObj(p)) {
      out.push({ mode: "ingress", target: Number(p.target), published: p.published === undefined ? "" : String(p.published), host_ip: String(p.host_ip ?? ""), protocol: p.protocol === "udp" ? "udp" : "tcp" });
      continue;
    }
    const spec = String(p);
    const [main, proto = "tcp"] = spec.split("/");
    const parts = main.split(":");
    let hostIp = "";
    let published = "";
    let target: string;
    if (parts.length === 1) target = parts[0];
    else if (parts.length === 2) [published, target] = parts;
    else {
      hostIp = parts.slice(0, -2).join(":").replace(/^\[|\]$/g, "");
      published = parts[parts.length - 2];
      target = parts[parts.length - 1];
    }
    const range = (x: string) => {
      const [a, b] = x.split("-").map(Number);
      return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
    };
    const targets = range(target);
    const pubs = published ? range(published) : [];
    if (targets.some((t) => !Number.isInteger(t) || t < 1 || t > 65535)) throw new ComposeError(`Invalid containerPort: ${target}`, 15);
    targets.forEach((t, i) => out.push({ mode: "ingress", target: t, published: pubs.length ? String(pubs.length === targets.length ? pubs[i] : pubs[0]) : published, host_ip: hostIp, protocol: proto === "udp" ? "udp" : "tcp" }));
    void name;
  }
  return out;
}

function parseVolumes(v: unknown, workingDir: string): VolumeMount[] {
  const out: VolumeMount[] = [];
  for (const x of Array.isArray(v) ? v : []) {
    if (isObj(x)) {
      const type = (x.type as VolumeMount["type"]) ?? "volume";
      let source = String(x.source ?? "");
      if (type === "bind") source = join(workingDir, source.replace(/^~/, "/root"));
      out.push({ type, source, target: String(x.target ?? ""), read_only: x.read_only === true, ...(type === "volume" && isObj(x.volume) && x.volume.nocopy === true ? { nocopy: true } : {}), ...(type === "bind" ? { create_host_path: isObj(x.bind) ? x.bind.create_host_path !== false : true } : {}) });
      continue;
    }
    const spec = String(x);
    const parts = spec.split(":");
    if (parts.length === 1) {
      out.push({ type: "volume", source: "", target: parts[0], read_only: false });
      continue;
    }
    const [src, target, mode = ""] = parts;
    const opts = mode.split(",");
    const isPath = src.startsWith("/") || src.startsWith(".") || src.startsWith("~");
    out.push({
      type: isPath ? "bind" : "volume",
      source: isPath ? join(workingDir, src.replace(/^~/, "/root")) : src,
      target,
      read_only: opts.includes("ro"),
      ...(opts.includes("nocopy") ? { nocopy: true } : {}),
      ...(isPath ? { create_host_path: true } : {}),
    });
  }
  return out;
}

function envList(v: unknown): Array<[string, string | null]> {
  if (Array.isArray(v))
    return v.map((e) => {
      const s = String(e);
      const i = s.indexOf("=");
      return i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 1)];
    });
  if (isObj(v)) return Object.entries(v).map(([k, x]) => [k, x === null || x === undefined ? null : String(x)]);
  return [];
}

function strList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** Merge b over a as Compose merges files: mappings key by key, sequences per attribute rules. */
function merge(a: unknown, b: unknown, path: string): unknown {
  if (isObj(a) && isObj(b)) {
    const o: Obj = Object.create(null) as Obj;
    for (const [k, v] of Object.entries(a)) o[k] = v;
    for (const [k, v] of Object.entries(b)) o[k] = k in o ? merge(o[k], v, path ? `${path}.${k}` : k) : v;
    return o;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (/^services\.[^.]+\.(command|entrypoint)$/.test(path)) return b;
    if (/^services\.[^.]+\.(ports|expose|volumes|env_file|extra_hosts|dns|cap_add|cap_drop|tmpfs)$/.test(path)) {
      const seen = new Set(a.map((x) => JSON.stringify(x)));
      return [...a, ...b.filter((x) => !seen.has(JSON.stringify(x)))];
    }
    return b;
  }
  return b;
}

export interface Loaded {
  project: Project;
  /** The variables interpolation used (the process environment over .env). */
  env: Record<string, string>;
}

export function loadProject(fs: Vfs, o: LoadOptions): Loaded {
  const base = o.projectDir ? join(o.cwd, o.projectDir) : o.cwd;
  let files: string[] = [];
  const warnings: string[] = [];
  if (o.files.length) {
    files = o.files.map((f) => join(o.cwd, f));
    for (const f of files) if (readText(fs, f) === null) throw new ComposeError(`open ${f}: no such file or directory`, 14);
  } else {
    for (let dir = base; ; dir = dirname(dir)) {
      const found = DEFAULT_FILES.map((n) => `${dir === "/" ? "" : dir}/${n}`).filter((p) => readText(fs, p) !== null);
      if (found.length) {
        if (found.length > 1) warnings.push(`Found multiple config files with supported names: ${found.join(", ")}`, `Using ${found[0]}`);
        files = [found[0]];
        const override = OVERRIDE_FILES.map((n) => `${dir === "/" ? "" : dir}/${n}`).find((p) => readText(fs, p) !== null);
        if (override) files.push(override);
        break;
      }
      if (dir === "/") break;
    }
    if (!files.length) throw new ComposeError("no configuration file provided: not found", 14);
  }
  const workingDir = o.projectDir ? base : dirname(files[0]);
  // .env in the project directory, then the process environment over it
  const env: Record<string, string> = {};
  const envFiles = o.envFiles?.length ? o.envFiles.map((f) => join(o.cwd, f)) : [`${workingDir}/.env`];
  for (const f of envFiles) {
    const t = readText(fs, f);
    if (t === null) {
      if (o.envFiles?.length) throw new ComposeError(`couldn't find env file: ${f}`, 14);
      continue;
    }
    for (const [k, v] of parseEnvFile(t)) if (v !== null) env[k] = v;
  }
  Object.assign(env, o.env);
  let dict: Obj = Object.create(null) as Obj;
  const lines = new Map<unknown, number>();
  for (const f of files) {
    const parsed = parseYaml(readText(fs, f)!, f);
    if (parsed.value === null) continue;
    if (!isObj(parsed.value)) throw new ComposeError("top-level object must be a mapping", 15);
    for (const [k, l] of parsed.lines) lines.set(k, l);
    const raw = interpolate(parsed.value, env, "") as Obj;
    dict = merge(dict, raw, "") as Obj;
    validate(dict, f);
    if ("version" in raw) warnings.push(`${f}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
  }
  // the project name
  let name: string;
  if (o.projectName !== undefined && o.projectName !== "") {
    if (normalizeProjectName(o.projectName) !== o.projectName) throw new ComposeError(`invalid project name "${o.projectName}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`, 15);
    name = o.projectName;
  } else if (env.COMPOSE_PROJECT_NAME) name = env.COMPOSE_PROJECT_NAME;
  else if (typeof dict.name === "string" && dict.name) name = normalizeProjectName(dict.name);
  else name = normalizeProjectName(workingDir.split("/").filter(Boolean).pop() ?? "");
  if (!name) throw new ComposeError(`project name must not be empty`, 15);
  const rawServices = isObj(dict.services) ? dict.services : {};
  const services: Service[] = [];
  for (const [sname, rs] of Object.entries(rawServices)) {
    const s = (isObj(rs) ? rs : {}) as Obj;
    const environment: Record<string, string | null> = {};
    for (const f of strList(s.env_file)) {
      const p = join(workingDir, f);
      const t = readText(fs, p);
      if (t === null) throw new ComposeError(`env file ${p} not found: stat ${p}: no such file or directory`, 14);
      for (const [k, v] of parseEnvFile(t)) environment[k] = v ?? env[k] ?? null;
    }
    for (const [k, v] of envList(s.environment)) environment[k] = v ?? env[k] ?? null;
    let build: Service["build"];
    if (typeof s.build === "string") build = { context: join(workingDir, s.build), dockerfile: "Dockerfile", args: {}, target: "" };
    else if (isObj(s.build)) {
      const args: Record<string, string | null> = {};
      for (const [k, v] of envList(s.build.args)) args[k] = v ?? env[k] ?? null;
      build = { context: join(workingDir, String(s.build.context ?? ".")), dockerfile: String(s.build.dockerfile ?? "Dockerfile"), args, target: String(s.build.target ?? "") };
    }
    const networks: Service["networks"] = {};
    if (Array.isArray(s.networks)) for (const n of s.networks) networks[String(n)] = null;
    else if (isObj(s.networks)) for (const [k, v] of Object.entries(s.networks)) networks[k] = isObj(v) ? { aliases: strList(v.aliases) } : null;
    const depends_on: Record<string, DependsOn> = {};
    if (Array.isArray(s.depends_on)) for (const d of s.depends_on) depends_on[String(d)] = { condition: "service_started", restart: false, required: true };
    else if (isObj(s.depends_on))
      for (const [k, v] of Object.entries(s.depends_on)) {
        const d = isObj(v) ? v : {};
        depends_on[k] = { condition: (d.condition as DependsOn["condition"]) ?? "service_started", restart: d.restart === true, required: d.required !== false };
      }
    const labels: Record<string, string> = {};
    for (const [k, v] of envList(s.labels)) labels[k] = v ?? "";
    const cmd = (v: unknown): string[] | null | undefined => (v === undefined ? undefined : v === null ? null : Array.isArray(v) ? v.map(String) : splitCommand(String(v)));
    const hc = isObj(s.healthcheck) ? s.healthcheck : null;
    services.push({
      name: sname,
      ...(s.image !== undefined ? { image: String(s.image) } : {}),
      ...(build ? { build } : {}),
      ...(s.command !== undefined ? { command: cmd(s.command) } : {}),
      ...(s.entrypoint !== undefined ? { entrypoint: cmd(s.entrypoint) } : {}),
      environment,
      ports: parsePorts(s.ports, sname),
      expose: strList(s.expose),
      volumes: parseVolumes(s.volumes, workingDir),
      networks: s.network_mode === undefined && Object.keys(networks).length === 0 ? { default: null } : networks,
      ...(s.network_mode !== undefined ? { network_mode: String(s.network_mode) } : {}),
      depends_on,
      ...(s.container_name !== undefined ? { container_name: String(s.container_name) } : {}),
      ...(s.hostname !== undefined ? { hostname: String(s.hostname) } : {}),
      ...(s.restart !== undefined ? { restart: String(s.restart) } : {}),
      ...(s.working_dir !== undefined ? { working_dir: String(s.working_dir) } : {}),
      ...(s.user !== undefined ? { user: String(s.user) } : {}),
      labels,
      ...(s.stop_signal !== undefined ? { stop_signal: String(s.stop_signal) } : {}),
      ...(s.stop_grace_period !== undefined ? { stop_grace_period: String(s.stop_grace_period) } : {}),
      ...(s.tty !== undefined ? { tty: s.tty === true } : {}),
      ...(s.stdin_open !== undefined ? { stdin_open: s.stdin_open === true } : {}),
      ...(hc ? { healthcheck: { test: typeof hc.test === "string" ? ["CMD-SHELL", hc.test] : strList(hc.test), ...(hc.interval ? { interval: String(hc.interval) } : {}), ...(hc.timeout ? { timeout: String(hc.timeout) } : {}), ...(hc.retries !== undefined ? { retries: Number(hc.retries) } : {}), ...(hc.start_period ? { start_period: String(hc.start_period) } : {}) } } : {}),
      extra_hosts: strList(s.extra_hosts),
      ...(s.init !== undefined ? { init: s.init === true } : {}),
      ...(s.privileged !== undefined ? { privileged: s.privileged === true } : {}),
      ...(s.read_only !== undefined ? { read_only: s.read_only === true } : {}),
      cap_add: strList(s.cap_add),
      cap_drop: strList(s.cap_drop),
      dns: strList(s.dns),
      tmpfs: strList(s.tmpfs),
    });
  }
  const networks: Project["networks"] = {};
  const rawNetworks = isObj(dict.networks) ? dict.networks : {};
  const needDefault = services.some((s) => "default" in s.networks) || "default" in rawNetworks;
  for (const [k, v] of Object.entries(rawNetworks)) {
    const n = isObj(v) ? v : {};
    const external = n.external === true || isObj(n.external);
    networks[k] = { name: typeof n.name === "string" ? n.name : external ? k : `${name}_${k}`, external, ...(n.driver ? { driver: String(n.driver) } : {}), labels: Object.fromEntries(envList(n.labels).map(([a, b]) => [a, b ?? ""])) };
  }
  if (needDefault && !networks.default) networks.default = { name: `${name}_default`, external: false, labels: {} };
  const volumes: Project["volumes"] = {};
  for (const [k, v] of Object.entries(isObj(dict.volumes) ? dict.volumes : {})) {
    const n = isObj(v) ? v : {};
    const external = n.external === true || isObj(n.external);
    volumes[k] = { name: typeof n.name === "string" ? n.name : external ? k : `${name}_${k}`, external, ...(n.driver ? { driver: String(n.driver) } : {}), labels: Object.fromEntries(envList(n.labels).map(([a, b]) => [a, b ?? ""])) };
  }
  const project: Project = { name, workingDir, composeFiles: files, services, networks, volumes, warnings };
  checkProject(project);
  void lines;
  return { project, env };
}

/** compose-go's checkConsistency, and dependency cycles. */
function checkProject(p: Project): void {
  const names = new Set(p.services.map((s) => s.name));
  for (const s of p.services) {
    if (!s.image && !s.build) throw new ComposeError(`service "${s.name}" has neither an image nor a build context specified: invalid compose project`, 15);
    for (const n of Object.keys(s.networks)) if (!p.networks[n]) throw new ComposeError(`service "${s.name}" refers to undefined network ${n}: invalid compose project`, 15);
    for (const d of Object.keys(s.depends_on)) if (!names.has(d)) throw new ComposeError(`service "${s.name}" depends on undefined service "${d}": invalid compose project`, 15);
    for (const v of s.volumes) if (v.type === "volume" && v.source && !p.volumes[v.source]) throw new ComposeError(`service "${s.name}" refers to undefined volume ${v.source}: invalid compose project`, 15);
  }
  const byName = new Map(p.services.map((s) => [s.name, s]));
  const visiting: string[] = [];
  const done = new Set<string>();
  const visit = (n: string) => {
    if (done.has(n)) return;
    const i = visiting.indexOf(n);
    if (i >= 0) throw new ComposeError(`dependency cycle detected: ${visiting.slice(i).join(" -> ")} -> ${n}`, 15);
    visiting.push(n);
    for (const d of Object.keys(byName.get(n)?.depends_on ?? {})) visit(d);
    visiting.pop();
    done.add(n);
  };
  for (const s of p.services) visit(s.name);
}

/** Services in dependency order (dependencies first), otherwise in the order of the file. */
export function dependencyOrder(p: Project, only?: string[]): Service[] {
  const byName = new Map(p.services.map((s) => [s.name, s]));
  const out: Service[] = [];
  const seen = new Set<string>();
  const add = (s: Service) => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const d of Object.keys(s.depends_on).sort()) {
      const dep = byName.get(d);
      if (dep) add(dep);
    }
    out.push(s);
  };
  const roots = only?.length ? only.map((n) => byName.get(n)!).filter(Boolean) : [...p.services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const s of roots) add(s);
  return out;
}
