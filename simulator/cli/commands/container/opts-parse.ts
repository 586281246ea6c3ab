/**
 * Parsers the docker CLI runs on `run`/`create` options before it calls the API (docker/cli
 * opts and go-connections/nat), with their error texts. Their errors are client errors: printed
 * without "Error response from daemon".
 */
import type { MountSpec, PortBinding, RestartPolicy } from "../../../daemon/container/container";
import { FsError } from "../../../fs/types";
import { text } from "../../../util/bytes";
import type { CliEnv } from "../../command";

/** An error the CLI raises itself (no "Error response from daemon: " prefix). */
export class ClientError extends Error {}

/** strconv.ParseUint(s, 10, 16) as ParsePortRange uses it: "80" or "8000-8010". */
function portRange(s: string): [number, number] | null {
  const one = (x: string) => (/^\d+$/.test(x) && Number(x) <= 65535 ? Number(x) : null);
  if (!s.includes("-")) {
    const p = one(s);
    return p === null ? null : [p, p];
  }
  const [a, b] = s.split("-", 2);
  const lo = one(a);
  const hi = one(b);
  if (lo === null || hi === null || hi < lo) return null;
  return [lo, hi];
}

function isIP(s: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s)) return s.split(".").every((o) => Number(o) <= 255 && !/^0\d/.test(o));
  return s.includes(":") && /^[0-9a-fA-F:.]+$/.test(s);
}

export interface PortSpecs {
  exposed: Record<string, Record<string, never>>;
  bindings: Record<string, PortBinding[]>;
}

/** nat.ParsePortSpecs for -p values: "80", "8080:80", "127.0.0.1:8080:80/udp", "127.0.0.1::80", ranges. */
export function parsePorts(specs: string[]): PortSpecs {
  const exposed: PortSpecs["exposed"] = {};
  const bindings: PortSpecs["bindings"] = {};
  for (const raw of specs) {
    const parts = raw.split(":");
    const n = parts.length;
    let ip = n >= 3 ? parts.slice(0, n - 2).join(":") : "";
    const hostPort = n >= 2 ? parts[n - 2] : "";
    let containerPort = parts[n - 1];
    let proto = "tcp";
    const slash = containerPort.split("/");
    if (containerPort === "" || slash[0] === "") containerPort = "";
    else if (slash.length > 1 && slash[1] !== "") [containerPort, proto] = [slash[0], slash[1]];
    else containerPort = slash[0];
    if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
    if (ip !== "" && !isIP(ip)) throw new ClientError(`invalid IP address: ${ip}`);
    if (containerPort === "") throw new ClientError(`no port specified: ${raw}<empty>`);
    const cr = portRange(containerPort);
    if (!cr) throw new ClientError(`invalid containerPort: ${containerPort}`);
    let hr: [number, number] | null = null;
    if (hostPort !== "") {
      hr = portRange(hostPort);
      if (!hr) throw new ClientError(`invalid hostPort: ${hostPort}`);
      if (cr[1] - cr[0] !== hr[1] - hr[0] && cr[0] !== cr[1]) throw new ClientError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
    if (!["tcp", "udp", "sctp"].includes(proto.toLowerCase())) throw new ClientError(`invalid proto: ${proto}`);
    for (let i = 0; i <= cr[1] - cr[0]; i++) {
      const key = `${cr[0] + i}/${proto}`;
      let hp = "";
      if (hr) hp = cr[0] === cr[1] && hr[0] !== hr[1] ? `${hr[0]}-${hr[1]}` : String(hr[0] + i);
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: ip, HostPort: hp });
    }
  }
  return { exposed, bindings };
}

/** opts.ParseRestartPolicy: the name is checked by the daemon, the count here. */
export function parseRestart(s: string): RestartPolicy {
  const i = s.indexOf(":");
  const name = i < 0 ? s : s.slice(0, i);
  const count = i < 0 ? "" : s.slice(i + 1);
  if (i >= 0 && name === "") throw new ClientError("invalid restart policy format: no policy provided before colon");
  if (count !== "" && !/^[+-]?\d+$/.test(count)) throw new ClientError("invalid restart policy format: maximum retry count must be an integer");
  return { Name: name as RestartPolicy["Name"], MaximumRetryCount: count === "" ? 0 : Number(count) };
}

/** --mount type=...,source=...,target=...[,readonly][,volume-nocopy] */
export function parseMount(spec: string): MountSpec {
  const m: MountSpec = { Type: "volume", Source: "", Target: "", ReadOnly: false };
  for (const kv of spec.split(",")) {
    const i = kv.indexOf("=");
    const k = (i < 0 ? kv : kv.slice(0, i)).toLowerCase();
    const v = i < 0 ? "" : kv.slice(i + 1);
    if (k === "type") m.Type = v as MountSpec["Type"];
    else if (k === "source" || k === "src") m.Source = v;
    else if (k === "target" || k === "dst" || k === "destination") m.Target = v;
    else if (k === "readonly" || k === "ro") m.ReadOnly = v === "" || v === "true" || v === "1";
    else if (k === "volume-nocopy") m.NoCopy = v === "" || v === "true";
    else throw new ClientError(`unexpected key '${k}' in '${kv}'`);
  }
  if (!["bind", "volume", "tmpfs"].includes(m.Type)) throw new ClientError(`invalid value for 'type': ${m.Type}`);
  if (!m.Target) throw new ClientError("target is required");
  return m;
}

/**
 * opts.ReadKVStrings / ReadKVEnvStrings: lines of the files (comments and blank lines skipped),
 * then the flag values. With `lookup`, a name without "=" takes the CLI's own value when it has one.
 */
export function readKV(env: CliEnv, files: string[], values: string[], lookup: boolean): string[] {
  const out: string[] = [];
  for (const f of files) {
    let body: string;
    try {
      body = text(env.ctx.fs.readFile(f));
    } catch (e) {
      const why = e instanceof FsError ? (e.code === "ENOENT" ? "no such file or directory" : e.code === "EACCES" ? "permission denied" : e.code === "EISDIR" ? "is a directory" : e.code.toLowerCase()) : String(e);
      if (e instanceof FsError && e.code === "EISDIR") throw new ClientError(`invalid env file (${f}): read ${f}: is a directory`);
      throw new ClientError(`open ${f}: ${why}`);
    }
    for (const raw of body.split("\n")) {
      const line = raw.replace(/^[ \t\r\n\v\f]+/, "");
      if (line === "" || line.startsWith("#")) continue;
      const eq = line.indexOf("=");
      if (eq >= 0) {
        const name = line.slice(0, eq);
        if (/[ \t\r\n\v\f]/.test(name)) throw new ClientError(`poorly formatted environment: variable '${name}' contains whitespaces`);
        if (name === "") throw new ClientError(`poorly formatted environment: no variable name on line '${line}'`);
        out.push(line);
      } else if (lookup) {
        const name = line.trim();
        out.push(env.ctx.env[name] !== undefined ? `${name}=${env.ctx.env[name]}` : name);
      } else out.push(line);
    }
  }
  for (const v of values) {
    if (lookup && !v.includes("=")) {
      if (env.ctx.env[v] !== undefined) out.push(`${v}=${env.ctx.env[v]}`);
      else out.push(v);
    } else out.push(v);
  }
  return out;
}
