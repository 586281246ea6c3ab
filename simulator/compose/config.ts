/**
 * `docker compose config`: the project in Compose's canonical form (long syntaxes, resolved
 * paths, the project's name and default network), written as YAML the way compose-go marshals
 * it for the attributes the simulator supports.
 */
import type { Project, Service } from "./types";

type Y = string | number | boolean | null | Y[] | { [k: string]: Y };

function scalar(v: string | number | boolean | null): string {
  if (v === null) return "null";
  if (typeof v !== "string") return String(v);
  if (v === "") return '""';
  // go-yaml quotes what would read back as another type, or is not a valid plain scalar
  const special =
    /^\s|\s$/.test(v) ||
    /^[?:,[\]{}#&*!|>'"%@`]/.test(v) ||
    /^- |^-$/.test(v) ||
    /: |:$| #/.test(v) ||
    /\n/.test(v) ||
    /^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v) ||
    /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(v) ||
    /^0[xo][0-9a-f]+$/i.test(v) ||
    /^[-+]?\.(inf|nan)$/i.test(v);
  return special ? JSON.stringify(v) : v;
}

function emit(v: Y, indent: number): string {
  const pad = "  ".repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return " []\n";
    return (
      "\n" +
      v
        .map((x) => {
          if (x && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length) {
            const body = emit(x, indent + 1).replace(/^\n/, "");
            return `${pad}- ${body.slice(pad.length + 2)}`;
          }
          return `${pad}-${emit(x, indent + 1).replace(/^\n/, "\n")}`.replace(/-\s*\n$/, "-\n");
        })
        .join("")
    );
  }
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v);
    if (keys.length === 0) return " {}\n";
    return "\n" + keys.map((k) => `${pad}${scalar(k)}:${emit(v[k], indent + 1)}`).join("");
  }
  return " " + scalar(v) + "\n";
}

function serviceYaml(p: Project, s: Service): { [k: string]: Y } {
  const o: { [k: string]: Y } = {};
  if (s.build) o.build = { context: s.build.context, dockerfile: s.build.dockerfile, ...(Object.keys(s.build.args).length ? { args: s.build.args } : {}), ...(s.build.target ? { target: s.build.target } : {}) };
  if (s.cap_add.length) o.cap_add = s.cap_add;
  if (s.cap_drop.length) o.cap_drop = s.cap_drop;
  if (s.command !== undefined) o.command = s.command;
  if (s.container_name) o.container_name = s.container_name;
  if (Object.keys(s.depends_on).length) o.depends_on = Object.fromEntries(Object.entries(s.depends_on).map(([k, d]) => [k, { condition: d.condition, ...(d.restart ? { restart: true } : {}), required: d.required }]));
  if (s.dns.length) o.dns = s.dns;
  if (s.entrypoint !== undefined) o.entrypoint = s.entrypoint;
  if (Object.keys(s.environment).length) o.environment = Object.fromEntries(Object.entries(s.environment).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (s.expose.length) o.expose = s.expose;
  if (s.extra_hosts.length) o.extra_hosts = s.extra_hosts;
  if (s.healthcheck) o.healthcheck = { test: s.healthcheck.test, ...(s.healthcheck.timeout ? { timeout: s.healthcheck.timeout } : {}), ...(s.healthcheck.interval ? { interval: s.healthcheck.interval } : {}), ...(s.healthcheck.retries !== undefined ? { retries: s.healthcheck.retries } : {}), ...(s.healthcheck.start_period ? { start_period: s.healthcheck.start_period } : {}) };
  if (s.hostname) o.hostname = s.hostname;
  if (s.image) o.image = s.image;
  if (s.init !== undefined) o.init = s.init;
  if (Object.keys(s.labels).length) o.labels = s.labels;
  if (s.network_mode) o.network_mode = s.network_mode;
  if (!s.network_mode) o.networks = Object.fromEntries(Object.entries(s.networks).map(([k, v]) => [k, v && v.aliases.length ? { aliases: v.aliases } : null]));
  if (s.ports.length) o.ports = s.ports.map((x) => ({ mode: x.mode, ...(x.host_ip ? { host_ip: x.host_ip } : {}), target: x.target, ...(x.published ? { published: x.published } : {}), protocol: x.protocol }));
  if (s.privileged !== undefined) o.privileged = s.privileged;
  if (s.read_only !== undefined) o.read_only = s.read_only;
  if (s.restart) o.restart = s.restart;
  if (s.stdin_open !== undefined) o.stdin_open = s.stdin_open;
  if (s.stop_grace_period) o.stop_grace_period = s.stop_grace_period;
  if (s.stop_signal) o.stop_signal = s.stop_signal;
  if (s.tmpfs.length) o.tmpfs = s.tmpfs;
  if (s.tty !== undefined) o.tty = s.tty;
  if (s.user) o.user = s.user;
  if (s.volumes.length)
    o.volumes = s.volumes.map((v) => ({
      type: v.type,
      ...(v.source ? { source: v.source } : {}),
      target: v.target,
      ...(v.read_only ? { read_only: true } : {}),
      ...(v.type === "bind" ? { bind: { create_host_path: v.create_host_path !== false } } : v.type === "volume" ? { volume: (v.nocopy ? { nocopy: true } : {}) as { [k: string]: Y } } : {}),
    }));
  if (s.working_dir) o.working_dir = s.working_dir;
  void p;
  return o;
}

export function configYaml(p: Project): string {
  const doc: { [k: string]: Y } = { name: p.name, services: {} };
  const services = doc.services as { [k: string]: Y };
  for (const s of [...p.services].sort((a, b) => (a.name < b.name ? -1 : 1))) services[s.name] = serviceYaml(p, s);
  const nets = Object.entries(p.networks);
  if (nets.length) doc.networks = Object.fromEntries(nets.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => [k, { name: n.name, ...(n.driver ? { driver: n.driver } : {}), ...(n.external ? { external: true } : {}) }]));
  const vols = Object.entries(p.volumes);
  if (vols.length) doc.volumes = Object.fromEntries(vols.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { name: v.name, ...(v.driver ? { driver: v.driver } : {}), ...(v.external ? { external: true } : {}) }]));
  return emit(doc, 0).replace(/^\n/, "");
}
