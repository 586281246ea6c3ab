/** The options `docker run` and `docker create` share, and turning them into a create request. */
import type { ContainerConfig } from "../../../api/types";
import type { HostConfig } from "../../../daemon/container/container";
import type { CreateRequest } from "../../../daemon/create";
import { invalidParameter } from "../../../daemon/errdefs";
import { parseSignal } from "../../../runtime/signals";
import { bool, list, num, str, type CliEnv, type Values } from "../../command";
import type { FlagDef } from "../../flags";
import { ramInBytes } from "../../formatter/units";
import { ClientError, parseMount, parsePorts, parseRestart, readKV } from "./opts-parse";
import { containerFlags, RUN_ONLY_FLAGS } from "./opts-flags";
import { extraHostConfig, healthConfig } from "./opts-extra";

export const CREATE_FLAGS: FlagDef[] = containerFlags('Pull image before creating ("always", "|missing", "never")');
export const RUN_FLAGS: FlagDef[] = [...containerFlags('Pull image before running ("always", "missing", "never")'), ...RUN_ONLY_FLAGS];

/** A `bytes` flag value: the flag parser already gives a number; strings are parsed as docker does. */
function bytesOf(x: unknown): { ok: true; value: number } | { ok: false; error: string } {
  if (x === undefined || x === null || x === "" || x === 0) return { ok: true, value: 0 };
  if (typeof x === "number") return { ok: true, value: x };
  if (x === "-1") return { ok: true, value: -1 };
  if (/^-?\d+$/.test(String(x))) return { ok: true, value: Number(x) };
  return ramInBytes(String(x));
}

export function buildCreateRequest(env: CliEnv, v: Values, args: string[], changed: string[] = []): CreateRequest {
  const [image, ...cmd] = args;
  const ports = parsePorts(list(v, "publish"));
  for (const x of list(v, "expose")) ports.exposed[x.includes("/") ? x : `${x}/tcp`] = {};
  const e = readKV(env, list(v, "env-file"), list(v, "env"), true);
  const labels: Record<string, string> = {};
  for (const l of readKV(env, list(v, "label-file"), list(v, "label"), false)) {
    const i = l.indexOf("=");
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? "" : l.slice(i + 1);
  }
  const restart = parseRestart(str(v, "restart"));
  if (bool(v, "rm") && restart.Name !== "no" && restart.Name !== "") throw new ClientError("conflicting options: cannot specify both --restart and --rm");
  const binds: string[] = [];
  const volumes: Record<string, Record<string, never>> = {};
  for (const b of list(v, "volume")) {
    if (b.includes(":")) binds.push(b);
    else volumes[b] = {};
  }
  const attach = list(v, "attach").map((a) => a.toLowerCase());
  const tmpfs: Record<string, string> = {};
  for (const t of list(v, "tmpfs")) tmpfs[t.split(":")[0]] = t.split(":")[1] ?? "";
  const config: Partial<ContainerConfig> = {
    Hostname: str(v, "hostname"),
    Domainname: str(v, "domainname"),
    User: str(v, "user"),
    Tty: bool(v, "tty"),
    OpenStdin: bool(v, "interactive"),
    StdinOnce: bool(v, "interactive"),
    AttachStdin: bool(v, "interactive") || attach.includes("stdin"),
    AttachStdout: attach.length === 0 || attach.includes("stdout"),
    AttachStderr: attach.length === 0 || attach.includes("stderr"),
    Env: e.length ? e : null,
    Cmd: cmd.length ? cmd : null,
    WorkingDir: str(v, "workdir"),
    Entrypoint: str(v, "entrypoint") !== "" ? [str(v, "entrypoint")] : changed.includes("entrypoint") ? [""] : null,
    Volumes: Object.keys(volumes).length ? volumes : null,
    Labels: labels,
    ExposedPorts: Object.keys(ports.exposed).length ? ports.exposed : undefined,
  };
  const health = healthConfig(v, changed);
  if (health) config.Healthcheck = health;
  if (str(v, "stop-signal")) {
    if (parseSignal(str(v, "stop-signal")) === null) throw invalidParameter(`Invalid signal: ${str(v, "stop-signal")}`);
    config.StopSignal = str(v, "stop-signal");
  }
  if (v["stop-timeout"] !== undefined && v["stop-timeout"] !== 0) config.StopTimeout = num(v, "stop-timeout");
  const mem = bytesOf(v.memory);
  if (!mem.ok) throw new ClientError(mem.error);
  const swap = bytesOf(v["memory-swap"]);
  if (!swap.ok) throw new ClientError(swap.error);
  const network = str(v, "network") || str(v, "net") || "default";
  const hostConfig: Partial<HostConfig> = {
    Binds: binds.length ? binds : null,
    AutoRemove: bool(v, "rm"),
    RestartPolicy: restart.Name === "" ? { Name: "no", MaximumRetryCount: restart.MaximumRetryCount } : restart,
    NetworkMode: network,
    PortBindings: ports.bindings,
    PublishAllPorts: bool(v, "publish-all"),
    Memory: mem.value,
    MemorySwap: swap.value,
    NanoCpus: Math.round(Number(v.cpus ?? 0) * 1e9),
    CpuShares: num(v, "cpu-shares"),
    PidsLimit: v["pids-limit"] ? num(v, "pids-limit") : null,
    ReadonlyRootfs: bool(v, "read-only"),
    CapAdd: list(v, "cap-add").length ? list(v, "cap-add") : null,
    CapDrop: list(v, "cap-drop").length ? list(v, "cap-drop") : null,
    Privileged: bool(v, "privileged"),
    Init: bool(v, "init") ? true : null,
    Tmpfs: Object.keys(tmpfs).length ? tmpfs : null,
    VolumesFrom: list(v, "volumes-from").length ? list(v, "volumes-from") : null,
    Dns: list(v, "dns"),
    ExtraHosts: list(v, "add-host").length ? list(v, "add-host") : null,
    Links: list(v, "link").length ? list(v, "link") : null,
    Mounts: list(v, "mount").map(parseMount),
    extra: extraHostConfig(v, changed),
  };
  const aliases = list(v, "network-alias");
  const userNetwork = !["default", "bridge", "host", "none"].includes(network) && !network.startsWith("container:");
  if (aliases.length && !userNetwork) throw new ClientError("network-scoped aliases are only supported for user-defined networks");
  const networkingConfig = aliases.length ? { EndpointsConfig: { [network]: { Aliases: aliases } } } : undefined;
  return { name: str(v, "name") || undefined, image, config, hostConfig, networkingConfig, ...(str(v, "platform") ? { platform: str(v, "platform") } : {}) };
}

/** What the CLI prints after a create: the engine's warnings, then its own about a localhost DNS server. */
export function createWarnings(req: CreateRequest, engine: string[]): string {
  const all = [...engine];
  const local = (req.hostConfig.Dns ?? []).find((x) => /^127\.\d+\.\d+\.\d+$/.test(x) || x === "::1");
  if (local) all.push(`Localhost DNS (${local}) may fail in containers.`);
  return all.map((w) => `WARNING: ${w}\n`).join("");
}
