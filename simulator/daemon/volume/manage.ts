/**
 * Volume verbs that need the containers: who uses a volume, rm (refused while any container,
 * running or stopped, references it), ls filters and prune. Prune follows current Docker: only
 * anonymous volumes unless `all` (the 20.10 engine removed named ones too; see docs/differences.md).
 */
import { treeSize } from "../../fs/inode";
import type { Daemon } from "../daemon";
import { invalidParameter } from "../errdefs";
import { ANONYMOUS_LABEL, type Volume } from "./store";

/** IDs of the containers whose mounts name the volume, oldest first. */
export function volumeUsers(d: Daemon, name: string): string[] {
  const users = [...d.containers.values()].filter((c) => c.mounts.some((m) => m.Type === "volume" && m.Name === name) || wouldMount(c.hostConfig, name));
  return users.sort((a, b) => a.created - b.created).map((c) => c.id);
}

/** A container that has not started yet still holds the named volumes it was created with. */
function wouldMount(hc: { Binds: string[] | null; Mounts: Array<{ Type: string; Source: string }> }, name: string): boolean {
  return (hc.Binds ?? []).some((b) => b.split(":")[0] === name) || (hc.Mounts ?? []).some((m) => m.Type === "volume" && m.Source === name);
}

export function inspectVolume(v: Volume): Record<string, unknown> {
  return { CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels ? { ...v.Labels } : null, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options ? { ...v.Options } : null, Scope: v.Scope };
}

export function volumeRemove(d: Daemon, name: string): void {
  d.volumes.get(name);
  d.volumes.remove(name, volumeUsers(d, name));
  d.events.emit({ Type: "volume", Action: "destroy", Actor: { ID: name, Attributes: { driver: "local" } }, time: d.now() });
}

function labelMatches(labels: Record<string, string> | null, f: string): boolean {
  const i = f.indexOf("=");
  const k = i < 0 ? f : f.slice(0, i);
  if (!labels || !(k in labels)) return false;
  return i < 0 || labels[k] === f.slice(i + 1);
}

type Filters = Map<string, string[]>;

export function parseFilters(items: string[], allowed: string[]): Filters {
  const by: Filters = new Map();
  for (const f of items) {
    const i = f.indexOf("=");
    const k = i < 0 ? f : f.slice(0, i);
    if (!allowed.includes(k)) throw invalidParameter(`Invalid filter '${k}'`);
    by.set(k, [...(by.get(k) ?? []), i < 0 ? "" : f.slice(i + 1)]);
  }
  return by;
}

function matches(d: Daemon, v: Volume, by: Filters): boolean {
  const any = (k: string, test: (x: string) => boolean) => !by.has(k) || by.get(k)!.some(test);
  const truthy = (x: string) => x === "true" || x === "1";
  return (
    any("name", (x) => v.Name.includes(x)) &&
    any("driver", (x) => v.Driver === x) &&
    any("dangling", (x) => truthy(x) === (volumeUsers(d, v.Name).length === 0)) &&
    (by.get("label") ?? []).every((x) => labelMatches(v.Labels, x)) &&
    (by.get("label!") ?? []).every((x) => !labelMatches(v.Labels, x))
  );
}

/** docker volume ls: sorted by name, filtered. */
export function volumeList(d: Daemon, filters: string[]): Volume[] {
  const by = parseFilters(filters, ["dangling", "name", "driver", "label", "label!"]);
  return [...d.volumes.volumes.values()].filter((v) => matches(d, v, by)).sort((a, b) => a.Name.localeCompare(b.Name));
}

/** docker volume prune: unused volumes (anonymous ones unless all=true), with the space they held. */
export function volumePrune(d: Daemon, filters: string[], all: boolean): { deleted: string[]; reclaimed: number } {
  const by = parseFilters(filters, ["label", "label!", "all"]);
  const everything = all || (by.get("all") ?? []).some((x) => x === "true" || x === "1");
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of [...d.volumes.volumes.values()]) {
    if (!everything && !(v.Labels && ANONYMOUS_LABEL in v.Labels)) continue;
    if (volumeUsers(d, v.Name).length || !matches(d, v, by)) continue;
    reclaimed += treeSize(v.root);
    d.volumes.volumes.delete(v.Name);
    deleted.push(v.Name);
  }
  return { deleted, reclaimed };
}
