/** docker inspect (and container inspect / image inspect): JSON, or a template per object. */
import { getImage, lookupImage } from "../../../daemon/images/lookup";
import { inspectContainer, inspectImage } from "../../../daemon/inspect";
import { inspectNetwork } from "../../../daemon/network/manage";
import { notFound } from "../../../daemon/errdefs";
import { bool, str, type CliEnv, type Command } from "../../command";
import { errorMessage } from "../../errors";
import { registerCommand } from "../../registry";
import { decodeRawJSON, inspectFormat, type InspectResult } from "../../template/inspect";
import { parseTemplate, type Template } from "../../template/index";
import { typedContainer, typedImage } from "./inspect-types";
import { encodeIndented } from "../../formatter/json";

type Kind = "any" | "container" | "image" | "volume" | "network";

const TYPES = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"];

interface Found {
  raw: Record<string, unknown>;
  /** The Go-typed value templates run on first; null when only the raw JSON is modelled. */
  typed: unknown;
}

function find(env: CliEnv, kind: Kind, ref: string, size: boolean): Found {
  const d = env.daemon;
  if (kind === "any" || kind === "container") {
    const c = d.findContainer(ref);
    if (c) {
      const raw = inspectContainer(d, c, size);
      return { raw, typed: typedContainer(raw) };
    }
  }
  if (kind === "any" || kind === "image") {
    const img = lookupImage(d, ref);
    if (img) {
      const raw = inspectImage(d, img);
      return { raw, typed: typedImage(raw) };
    }
  }
  if (kind === "any" || kind === "network") {
    const n = d.networks.find(ref);
    if (n) return { raw: inspectNetwork(d, n), typed: null };
  }
  if (kind === "any" || kind === "volume") {
    const v = d.volumes.volumes.get(ref);
    if (v) return { raw: { CreatedAt: v.CreatedAt, Driver: v.Driver, Labels: v.Labels, Mountpoint: v.Mountpoint, Name: v.Name, Options: v.Options, Scope: v.Scope }, typed: null };
  }
  if (kind === "image") throw notFound(`no such image: ${ref}: ${imageLookupError(env, ref)}`);
  if (kind === "container") throw notFound(`No such container: ${ref}`);
  if (kind === "volume") throw notFound(`get ${ref}: no such volume`);
  if (kind === "network") throw notFound(`network ${ref} not found`);
  throw new Error(`Error: No such object: ${ref}`);
}

/** The engine's own reason an image lookup failed: "No such image: x:latest", or a reference format error. */
function imageLookupError(env: CliEnv, ref: string): string {
  try {
    getImage(env.daemon, ref);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return `No such image: ${ref}`;
}

function inspectCommand(path: string, kind: Kind, short: string, aliases?: string[]): Command {
  return {
    path,
    use: "[OPTIONS] " + (kind === "any" ? "NAME|ID" : kind.toUpperCase()) + ` [${kind === "any" ? "NAME|ID" : kind.toUpperCase()}...]`,
    short,
    aliases,
    args: { kind: "min", n: 1 },
    flags: [
      { long: "format", short: "f", type: "string", usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
      ...(kind === "any" || kind === "container" ? [{ long: "size", short: "s", type: "bool" as const, usage: kind === "container" ? "Display total file sizes" : "Display total file sizes if the type is container" }] : []),
      ...(kind === "network" ? [{ long: "verbose", short: "v", type: "bool" as const, usage: "Verbose output for diagnostics" }] : []),
      ...(kind === "any" ? [{ long: "type", type: "string" as const, usage: "Only inspect objects of the given type" }] : []),
    ],
    async run(env, v, args) {
      const format = str(v, "format");
      const type = (str(v, "type") || kind) as Kind;
      if (kind === "any" && str(v, "type") && !TYPES.includes(str(v, "type"))) {
        await env.err(`unknown type: ${JSON.stringify(str(v, "type"))}: must be one of ${TYPES.map((t) => JSON.stringify(t)).join(", ")}\n`);
        return 1;
      }
      let tmpl = null;
      if (format && format !== "json") {
        try {
          tmpl = parseTemplate(format);
        } catch (e) {
          await env.err(`template parsing error: ${(e as Error).message}\n`);
          return 64;
        }
      }
      const errs: string[] = [];
      const found: Record<string, unknown>[] = [];
      let out = "";
      for (const ref of args) {
        let obj: Found;
        try {
          if (ref === "" && (type === "any" || type === "container")) throw new Error("invalid container name or ID: value is empty");
          obj = find(env, type, ref, bool(v, "size"));
        } catch (e) {
          errs.push(errorMessage(e));
          continue;
        }
        found.push(obj.raw);
        if (!tmpl) continue;
        const rawText = JSON.stringify(obj.raw);
        const r = obj.typed !== null ? inspectFormat(tmpl, obj.typed, rawText) : rawOnly(tmpl, rawText);
        if (r.ok) out += r.output + "\n";
        else errs.push(`template parsing error: ${r.error}`);
      }
      if (tmpl) await env.out(out === "" ? "\n" : out);
      else await env.out(encodeIndented(found) + "\n");
      if (errs.length) await env.err(errs.join("\n") + "\n");
      return errs.length ? 1 : 0;
    },
  };
}

/** Objects modelled only as JSON: the template runs on the raw value, missing keys being errors. */
function rawOnly(tmpl: Template, rawText: string): InspectResult {
  const r = tmpl.executePartial(decodeRawJSON(rawText), { missingKey: "error" });
  return r.error ? { ok: false, error: r.error.message } : { ok: true, output: r.output };
}

registerCommand(inspectCommand("docker inspect", "any", "Return low-level information on Docker objects"));
registerCommand(inspectCommand("docker container inspect", "container", "Display detailed information on one or more containers"));
registerCommand(inspectCommand("docker image inspect", "image", "Display detailed information on one or more images"));
registerCommand(inspectCommand("docker volume inspect", "volume", "Display detailed information on one or more volumes"));
registerCommand(inspectCommand("docker network inspect", "network", "Display detailed information on one or more networks"));
