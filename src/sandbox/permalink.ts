/**
 * Sandbox permalinks: the whole host, or the steps that made it, in the URL fragment (which
 * browsers never send to a server).
 *
 *   #state=<data>      the saved host (simulator/host/state.ts), when it is small enough
 *   #commands=<data>   the learner's steps from a fresh host: command lines typed and files
 *                      written in the editor, replayed on load
 *
 * <data> is base64url of raw DEFLATE (fflate) of UTF-8 JSON: {"v":1,"host":{...}} or
 * {"v":1,"steps":[...]}. Decoding is bounded (fragment length, inflated size) and everything is
 * checked by the schemas in schema.ts before the caller may use it.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from "fflate";
import type { HostState } from "../../simulator/host/state";
import { hostStateProblem, stepsSchema, type Step } from "./schema";

export const PERMALINK_VERSION = 1;
/** A state link longer than this falls back to the commands (links are pasted into chats and issues). */
export const STATE_LINK_LIMIT = 16_000;
/** The longest commands link made. */
export const COMMANDS_LINK_LIMIT = 64_000;
/** Fragments longer than this are not read at all. */
export const FRAGMENT_LIMIT = 2_000_000;
/** JSON inflated from a link is at most this large. */
export const INFLATED_LIMIT = 32 * 1024 * 1024;

export type Permalink = { kind: "state"; host: HostState } | { kind: "commands"; steps: Step[] };

export type DecodeResult = { ok: true; link: Permalink } | { ok: false; problem: string };

export type EncodeResult = { ok: true; kind: Permalink["kind"]; fragment: string } | { ok: false; problem: string };

// ---- base64url ----

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base64urlEncode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

export function base64urlDecode(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const chunk = s.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const v = k < chunk.length ? INDEX.get(chunk[k]) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const bytes = chunk.length - 1;
    for (let k = 0; k < bytes; k++) out[o++] = (n >> (16 - 8 * k)) & 255;
  }
  return out.subarray(0, o);
}

// ---- compression ----

function pack(value: unknown): string {
  return base64urlEncode(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/** Inflates at most `limit` bytes; null when the data is not DEFLATE or inflates to more. */
export function inflateBounded(data: Uint8Array, limit = INFLATED_LIMIT): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    // small input pieces keep each output burst small (DEFLATE expands at most ~1032 times)
    const step = 4096;
    for (let i = 0; i < data.length && !over; i += step) inflater.push(data.subarray(i, i + step), i + step >= data.length);
    if (data.length === 0) return null;
  } catch {
    return null;
  }
  if (over) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// ---- links ----

/**
 * The fragment for the current sandbox: the host itself when its link stays under
 * `stateLimit`, the steps otherwise (null steps: they are not known, e.g. after loading a state
 * link), or a problem when neither fits.
 */
export function encodePermalink(host: HostState, steps: Step[] | null, opts: { stateLimit?: number; commandsLimit?: number } = {}): EncodeResult {
  const stateLimit = opts.stateLimit ?? STATE_LINK_LIMIT;
  const commandsLimit = opts.commandsLimit ?? COMMANDS_LINK_LIMIT;
  const state = `#state=${pack({ v: PERMALINK_VERSION, host })}`;
  if (state.length <= stateLimit) return { ok: true, kind: "state", fragment: state };
  if (!steps) return { ok: false, problem: "This host is too large for a link, and the commands that made it are not known (it was loaded from a link or saved state)." };
  const commands = `#commands=${pack({ v: PERMALINK_VERSION, steps })}`;
  if (commands.length <= commandsLimit) return { ok: true, kind: "commands", fragment: commands };
  return { ok: false, problem: "This host is too large for a link, and so are the commands that made it." };
}

/** True when a fragment is meant as a sandbox permalink (whether or not it is a good one). */
export function isPermalinkFragment(hash: string): boolean {
  return /^#(state|commands)=/.test(hash);
}

/** Reads a fragment ("#state=..." or "#commands=..."); never throws. */
export function decodePermalink(hash: string): DecodeResult {
  const m = /^#(state|commands)=(.*)$/s.exec(hash);
  if (!m) return { ok: false, problem: "The link does not describe a sandbox." };
  if (hash.length > FRAGMENT_LIMIT) return { ok: false, problem: "The link is too long to be a sandbox link." };
  const bytes = base64urlDecode(m[2]);
  if (!bytes) return { ok: false, problem: "The link is damaged: it has characters a sandbox link never has (was it cut short?)." };
  const json = inflateBounded(bytes);
  if (!json) return { ok: false, problem: "The link is damaged: its data cannot be unpacked (was it cut short?)." };
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, problem: "The link is damaged: its data is not readable." };
  }
  if (!value || typeof value !== "object" || (value as { v?: unknown }).v !== PERMALINK_VERSION) {
    return { ok: false, problem: "The link was made by another version of Layerlab and cannot be read here." };
  }
  const v = value as { host?: unknown; steps?: unknown };
  if (m[1] === "state") {
    const problem = hostStateProblem(v.host);
    if (problem) return { ok: false, problem: `The link's host cannot be loaded: ${problem}.` };
    return { ok: true, link: { kind: "state", host: v.host as HostState } };
  }
  const steps = stepsSchema.safeParse(v.steps);
  if (!steps.success) {
    const issue = steps.error.issues[0];
    return { ok: false, problem: `The link's commands cannot be replayed: step ${issue.path.join(".")}: ${issue.message}.` };
  }
  return { ok: true, link: { kind: "commands", steps: steps.data } };
}
