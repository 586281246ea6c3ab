/** One `docker ps` row as docker's formatter.ContainerContext exposes it to templates. */
import type { Container } from "../../../daemon/container/container";
import type { Daemon } from "../../../daemon/daemon";
import { LayerStore } from "../../../snapshots/layers";
import { treeSize } from "../../../fs/inode";
import { containerSizeText, containerStatus, humanDuration } from "../../formatter/units";
import { T, typed } from "../../template/index";
import { contextJSON } from "../../template/table";
import { containerPorts, joinHostPort } from "../../../daemon/port";
import { rfc3339 } from "../../../daemon/container/state";
import { commandText } from "../../../daemon/list";
import { lookupImage } from "../../../daemon/images/lookup";
import { familiarString, parseNormalizedNamed, trimNamed } from "../../../api/reference";

const ContainerContext = T.ptr(T.struct("formatter.ContainerContext", []));

export const PS_HEADER = {
  ID: "CONTAINER ID",
  Names: "NAMES",
  Image: "IMAGE",
  Command: "COMMAND",
  CreatedAt: "CREATED AT",
  RunningFor: "CREATED",
  Ports: "PORTS",
  State: "STATE",
  Status: "STATUS",
  Size: "SIZE",
  Labels: "LABELS",
  Mounts: "MOUNTS",
  LocalVolumes: "LOCAL VOLUMES",
  Networks: "NETWORKS",
  Platform: "PLATFORM",
};

const ms = (s: string) => (s.startsWith("0001") ? 0 : Date.parse(s));

export function ellipsis(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join("") + "…" : s;
}

interface Port {
  IP: string;
  PrivatePort: number;
  PublicPort: number;
  Type: string;
}

/** The ports `docker ps` lists: those of NetworkSettings.Ports (none unless running). */
function listedPorts(c: Container): Port[] {
  const out: Port[] = [];
  for (const [key, bindings] of Object.entries(containerPorts(c))) {
    const [p, type] = key.split("/");
    if (!bindings || bindings.length === 0) out.push({ IP: "", PrivatePort: Number(p), PublicPort: 0, Type: type });
    else for (const b of bindings) out.push({ IP: b.HostIp, PrivatePort: Number(p), PublicPort: Number(b.HostPort), Type: type });
  }
  return out;
}

/** formatter.DisplayablePorts: "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", runs of ports as ranges. */
export function portsText(c: Container): string {
  const ports = listedPorts(c).sort((i, j) => i.PrivatePort - j.PrivatePort || (i.IP < j.IP ? -1 : i.IP > j.IP ? 1 : 0) || i.PublicPort - j.PublicPort || (i.Type < j.Type ? -1 : i.Type > j.Type ? 1 : 0));
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, first: number, last: number) => {
    const parts = key.split("/");
    const ip = parts.length > 1 ? parts.slice(0, -1).join("/") : "";
    const type = parts[parts.length - 1];
    let group = first === last ? String(first) : `${first}-${last}`;
    if (ip) group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const port of ports) {
    let key = port.Type;
    if (port.IP) {
      if (port.PublicPort !== port.PrivatePort) {
        hostMappings.push(`${joinHostPort(port.IP, String(port.PublicPort))}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const g = groups.get(key);
    if (!g) groups.set(key, { first: port.PrivatePort, last: port.PrivatePort });
    else if (port.PrivatePort === g.last + 1) g.last = port.PrivatePort;
    else {
      result.push(form(key, g.first, g.last));
      groups.set(key, { first: port.PrivatePort, last: port.PrivatePort });
    }
  }
  for (const [key, g] of groups) result.push(form(key, g.first, g.last));
  return [...result, ...hostMappings].join(", ");
}

/**
 * The IMAGE column. The daemon (moby's list) reports the reference the container was created
 * with while it still names the container's image, else the image ID; the CLI's formatter then
 * shortens it unless --no-trunc: an ID to 12 characters, a reference to its familiar form
 * without digest ("docker.io/library/busybox" -> "busybox").
 */
export function imageShown(d: Daemon, c: Container, trunc = true): string {
  let image = c.config.Image;
  if (image !== c.image && lookupImage(d, image)?.id !== c.image) image = c.image;
  if (!trunc) return image;
  const short = (s: string) => s.replace(/^sha256:/, "").slice(0, 12);
  if (short(c.image) === short(image)) return short(image);
  const r = parseNormalizedNamed(image);
  if (!r.ok) return image;
  const name = trimNamed(r.ref);
  return familiarString(r.ref.tag ? { ...name, tag: r.ref.tag } : name);
}

export function psContext(d: Daemon, c: Container, trunc: boolean, withSize: boolean) {
  const cmd = commandText(c);
  const labels = c.config.Labels ?? {};
  const img = d.images.get(c.image);
  const virtual = LayerStore.stack(img?.top ?? null).reduce((a, l) => a + l.size, 0);
  const rw = c.rw ? treeSize(c.rw) : 0;
  const s = c.state;
  const ctx = {
    ID: () => (trunc ? c.id.slice(0, 12) : c.id),
    Names: () => c.name,
    Image: () => imageShown(d, c, trunc),
    Command: () => JSON.stringify(trunc ? ellipsis(cmd, 20) : cmd),
    CreatedAt: () => new Date(c.created).toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000 UTC"),
    RunningFor: () => humanDuration(d.now() - c.created) + " ago",
    Ports: () => portsText(c),
    State: () => s.Status,
    Status: () => containerStatus({ running: s.Running, paused: s.Paused, restarting: s.Restarting, dead: s.Dead, exitCode: s.ExitCode, startedAt: ms(s.StartedAt), finishedAt: ms(s.FinishedAt), health: s.Health?.Status }, d.now()),
    Size: () => (withSize ? containerSizeText(rw, virtual + rw) : "0B"),
    Labels: () => Object.entries(labels).map(([k, v]) => `${k}=${v}`).sort().join(","),
    Label: (k: string) => labels[k] ?? "",
    Mounts: () => c.mounts.map((m) => (m.Name ? ellipsis(m.Name, 15) : m.Source)).join(","),
    LocalVolumes: () => String(c.mounts.filter((m) => m.Type === "volume").length),
    Networks: () => Object.keys(c.networks).join(","),
    // a nil *Platform: "<nil>" in templates, null in JSON
    Platform: () => typed(T.ptr(T.struct("formatter.Platform", [])), null),
  };
  // {{json .}} marshals every exported method result, as the CLI's formatter.MarshalJSON does
  Object.defineProperty(ctx, "MarshalJSON", { value: () => contextJSON({ ...ctx, Platform: () => null }), enumerable: false });
  return { ctx, typed: typed(ContainerContext, ctx), created: c.created, startedAt: rfc3339 };
}
