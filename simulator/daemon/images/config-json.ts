/**
 * Image configs as the daemon writes them (moby's image.Image MarshalJSON): top-level keys
 * sorted, nested structs in Go's field order with omitempty, "<", ">" and "&" escaped the way
 * Go's json.Marshal does. The bytes are what an image ID digests and what `docker save` writes.
 */
import type { ContainerConfig, HistoryEntry, ImageConfig } from "../../api/types";
import { jsonString } from "../../cli/template/json";

/** container.Config's fields in declaration order; omitempty ones are left out when empty. */
const CONTAINER_FIELDS: Array<[keyof ContainerConfig | "NetworkDisabled" | "MacAddress", boolean]> = [
  ["Hostname", false], ["Domainname", false], ["User", false], ["AttachStdin", false], ["AttachStdout", false], ["AttachStderr", false],
  ["ExposedPorts", true], ["Tty", false], ["OpenStdin", false], ["StdinOnce", false], ["Env", false], ["Cmd", false],
  ["Healthcheck", true], ["ArgsEscaped", true], ["Image", false], ["Volumes", false], ["WorkingDir", false], ["Entrypoint", false],
  ["NetworkDisabled", true], ["MacAddress", true], ["OnBuild", false], ["Labels", false], ["StopSignal", true], ["StopTimeout", true], ["Shell", true],
];
const HISTORY_FIELDS: Array<keyof HistoryEntry> = ["created", "author", "created_by", "comment", "empty_layer"];

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v).length === 0;
  return false;
}

/** Go-style JSON of plain data: object keys in the order given, or sorted when `sortKeys`. */
export function goJSON(v: unknown, sortKeys = false): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v, true);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "[" + v.map((x) => goJSON(x, sortKeys)).join(",") + "]";
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (sortKeys) keys.sort();
  return "{" + keys.map((k) => jsonString(k, true) + ":" + goJSON((v as Record<string, unknown>)[k], sortKeys)).join(",") + "}";
}

/** A map field (Labels, Volumes, ExposedPorts): Go sorts map keys. */
function mapJSON(v: unknown): string {
  return v === null || v === undefined ? "null" : goJSON(v, true);
}

export function containerConfigJSON(c: ContainerConfig): string {
  const parts: string[] = [];
  const rec = c as unknown as Record<string, unknown>;
  for (const [k, omit] of CONTAINER_FIELDS) {
    const v = rec[k];
    if (omit && isEmpty(v)) continue;
    const json = k === "Labels" || k === "Volumes" || k === "ExposedPorts" ? mapJSON(v) : k === "Healthcheck" ? goJSON(v) : goJSON(v ?? null);
    parts.push(jsonString(k) + ":" + json);
  }
  return "{" + parts.join(",") + "}";
}

function historyJSON(h: HistoryEntry): string {
  const rec = h as unknown as Record<string, unknown>;
  const parts = HISTORY_FIELDS.filter((k) => !isEmpty(rec[k])).map((k) => jsonString(k) + ":" + goJSON(rec[k]));
  return "{" + parts.join(",") + "}";
}

/** The config JSON whose digest is the image ID. */
export function configJSON(cfg: ImageConfig): string {
  const rec = cfg as unknown as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
  const parts: string[] = [];
  for (const k of keys) {
    const v = rec[k];
    let json: string;
    if (k === "config" || k === "container_config") json = v === null ? "null" : containerConfigJSON(v as ContainerConfig);
    else if (k === "history") json = "[" + (v as HistoryEntry[]).map(historyJSON).join(",") + "]";
    else if (k === "rootfs") {
      const r = v as ImageConfig["rootfs"];
      json = `{"type":${jsonString(r.type)},"diff_ids":${goJSON(r.diff_ids)}}`;
    } else json = goJSON(v);
    parts.push(jsonString(k) + ":" + json);
  }
  return "{" + parts.join(",") + "}";
}
