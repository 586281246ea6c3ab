/**
 * docker ps on the daemon side (moby's daemon/list.go): which containers, newest first, after
 * the filters. Filter keys and values are checked the way the daemon does, with its error texts.
 */
import type { Container } from "./container/container";
import type { Daemon } from "./daemon";
import { invalidParameter } from "./errdefs";
import { lookupImage } from "./images/lookup";

export interface ListOptions {
  all: boolean;
  /** -n / --last: at most this many of the newest (all states); 0 or less for no limit. */
  limit: number;
  /** "key=value" strings as the CLI's --filter collects them. */
  filters: string[];
}

const ACCEPTED = new Set(["ancestor", "before", "exited", "id", "isolation", "label", "name", "status", "health", "since", "volume", "network", "is-task", "publish", "expose"]);
const STATES = new Set(["created", "running", "paused", "restarting", "removing", "exited", "dead"]);

function invalidFilter(key: string, value?: string) {
  return invalidParameter(`Invalid filter '${value === undefined ? key : `${key}=${value}`}'`);
}

/** Containers newest first: by creation time, then by the order they were made. */
export function newestFirst(d: Daemon): Container[] {
  return [...d.containers.values()].reverse().sort((a, b) => b.created - a.created);
}

/** The ancestor images of a container's image: the image and every parent up the chain. */
function ancestry(d: Daemon, imageId: string): Set<string> {
  const out = new Set<string>();
  let id: string | undefined = imageId;
  while (id && !out.has(id)) {
    out.add(id);
    id = d.images.get(id)?.parent || undefined;
  }
  return out;
}

/** The command as `docker ps` shows it: arguments holding a space in single quotes. */
export function commandText(c: Container): string {
  if (c.args.length === 0) return c.path;
  return `${c.path} ${c.args.map((a) => (a.includes(" ") ? `'${a}'` : a)).join(" ")}`;
}

export function listContainers(d: Daemon, opts: ListOptions): Container[] {
  const byKey = new Map<string, string[]>();
  for (const f of opts.filters) {
    const i = f.indexOf("=");
    const k = i < 0 ? f : f.slice(0, i);
    byKey.set(k, [...(byKey.get(k) ?? []), i < 0 ? "" : f.slice(i + 1)]);
  }
  let all = opts.all;
  for (const k of byKey.keys()) if (!ACCEPTED.has(k)) throw invalidFilter(k);
  for (const v of byKey.get("status") ?? []) {
    if (!STATES.has(v)) throw invalidFilter("status", v);
    all = true;
  }
  for (const v of byKey.get("health") ?? []) if (!["starting", "healthy", "unhealthy", "none"].includes(v)) throw invalidParameter(`Unrecognised filter value for health: ${v}`);
  for (const v of byKey.get("exited") ?? []) if (!/^-?\d+$/.test(v)) throw invalidParameter(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
  const ref = (key: string): Container | null => {
    const v = byKey.get(key);
    if (!v) return null;
    return d.mustContainer(v[v.length - 1]);
  };
  const before = ref("before");
  const since = ref("since");
  const ancestors = (byKey.get("ancestor") ?? []).map((a) => lookupImage(d, a)?.id ?? null);
  const any = (key: string, test: (v: string) => boolean) => {
    const vals = byKey.get(key);
    return !vals || vals.some(test);
  };
  const every = (key: string, test: (v: string) => boolean) => (byKey.get(key) ?? []).every(test);
  let list = newestFirst(d);
  if (before) list = list.filter((c) => c.created < before.created || (c.created === before.created && order(d, c) < order(d, before)));
  if (since) list = list.filter((c) => c.created > since.created || (c.created === since.created && order(d, c) > order(d, since)));
  list = list.filter((c) => {
    if (!all && opts.limit <= 0 && !before && !since && !c.state.Running) return false;
    const labels = c.config.Labels ?? {};
    return (
      any("name", (v) => safeRegExp(v).test("/" + c.name)) &&
      any("id", (v) => c.id.startsWith(v)) &&
      any("status", (v) => c.state.Status === v) &&
      any("exited", (v) => !c.state.Running && c.hasBeenStarted && c.state.ExitCode === Number(v)) &&
      every("label", (v) => {
        const i = v.indexOf("=");
        const k = i < 0 ? v : v.slice(0, i);
        return k in labels && (i < 0 || labels[k] === v.slice(i + 1));
      }) &&
      (ancestors.length === 0 || ancestors.some((id) => id !== null && ancestry(d, c.image).has(id))) &&
      any("network", (v) => Object.entries(c.networks).some(([n, ep]) => n === v || ep.NetworkID.startsWith(v))) &&
      any("volume", (v) => c.mounts.some((m) => m.Name === v || m.Source === v || m.Destination === v)) &&
      any("publish", (v) => publishes(c, v)) &&
      any("health", (v) => (c.state.Health?.Status ?? "none") === v) &&
      any("expose", (v) => Object.keys(c.config.ExposedPorts ?? {}).some((p) => p === v || p === `${v}/tcp`))
    );
  });
  if (opts.limit > 0) list = list.slice(0, opts.limit);
  return list;
}

function order(d: Daemon, c: Container): number {
  return [...d.containers.keys()].indexOf(c.id);
}

function publishes(c: Container, v: string): boolean {
  const [port, proto = "tcp"] = v.split("/");
  return Object.entries(c.hostConfig.PortBindings).some(([p, bs]) => p.endsWith("/" + proto) && bs.some((b) => b.HostPort === port));
}

function safeRegExp(s: string): RegExp {
  try {
    return new RegExp(s);
  } catch {
    throw invalidParameter(`error parsing regexp: ${s}`);
  }
}
