/**
 * What the sandbox accepts from outside the running page (a permalink, a saved entry): schemas
 * for a saved host (simulator/host/state.ts, version 3; version 2 is migrated) and for the learner's steps (commands
 * typed and edits made in the editor). Everything is checked before the simulator sees it; a
 * host that passes is then loaded in a try/catch by the caller, which is the last check.
 *
 * Steps are only ever typed into the simulated terminal or applied to the simulated host's
 * files; nothing here can name a program of the page.
 */
import * as z from "zod/mini";
import { migrateHostState, STATE_FORMAT, STATE_VERSION, type HostState } from "../../simulator/host/state";

const int = z.int();
const nat = z.int().check(z.gte(0));
const time = z.number().check(z.gte(0), z.lte(8.64e15));
const hex64 = z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/));

/** Program placeholders (simulated executables) are at most this large... */
export const PROGRAM_SIZE_LIMIT = 64 * 1024 * 1024;
/** ... and a saved host names at most this many different ones (each is allocated on load). */
export const PROGRAM_LIMIT = 16;

const programBlob = z.strictObject({
  program: z.string().check(z.regex(/^[a-z][a-z0-9_.-]{0,40}$/)),
  size: z.int().check(z.gte(0), z.lte(PROGRAM_SIZE_LIMIT)),
});
const blob = z.union([z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/)), programBlob]);

const rowType = z.enum(["file", "dir", "symlink", "chardev", "fifo", "socket", "h"]);
const treeRow = z.tuple([z.string().check(z.maxLength(4096)), rowType, nat, nat, nat, time], z.union([z.string().check(z.maxLength(4096)), nat]));
const tree = z.strictObject({
  root: z.tuple([nat, nat, nat, time]),
  rows: z.array(treeRow.check(z.refine((r) => r.length <= 7, "a tree row has at most 7 fields"))),
});

/** Plain JSON data that cannot set an object's prototype when copied key by key. */
export function isSafeData(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v !== "object") return typeof v !== "function";
  if (Array.isArray(v)) return v.every((x) => isSafeData(x, depth + 1));
  for (const [k, x] of Object.entries(v)) if (k === "__proto__" || !isSafeData(x, depth + 1)) return false;
  return true;
}
const safe = z.unknown().check(z.refine((v) => isSafeData(v), "holds a key that is not allowed"));

const cacheRecord = z.object({
  id: z.string(),
  key: z.string(),
  chainId: z.nullable(z.string()),
  created: time,
  lastUsed: time,
  usageCount: nat,
  size: nat,
  description: z.string(),
  files: z.optional(z.record(z.string(), z.string())),
});

/** A host as simulator/host/state.ts exports it (the current STATE_VERSION). */
export const hostStateSchema = z
  .strictObject({
    format: z.literal(STATE_FORMAT),
    version: z.literal(STATE_VERSION),
    clock: time,
    seed: int,
    idSeq: nat,
    nameGen: int,
    hostname: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/)),
    blobs: z.array(blob),
    hostFs: tree,
    layers: z.array(z.strictObject({ chainId: hex64, diffId: hex64, parent: z.nullable(hex64), tree, abridged: z.optional(nat) })),
    daemon: z.strictObject({ images: safe, containers: safe, networks: safe, volumes: safe }),
    builder: z.strictObject({
      cache: z.strictObject({ records: z.array(cacheRecord), seq: nat }),
      built: z.array(z.string()),
      legacy: z.array(z.tuple([z.string(), z.string()])),
      reports: z.array(safe),
      created: z.nullable(z.strictObject({ ms: time, ns: nat })),
    }),
    registries: safe,
  })
  .check(
    z.refine((s) => {
      const programs = new Set(s.blobs.flatMap((b) => (typeof b === "string" ? [] : [`${b.program}:${b.size}`])));
      return programs.size <= PROGRAM_LIMIT;
    }, "names too many programs"),
  );

/** Why a value is not a loadable host: a short sentence, or null when it is one. */
export function hostStateProblem(saved: unknown): string | null {
  const v = migrateHostState(saved);
  if (!v || typeof v !== "object") return "it is not a saved host";
  const o = v as { format?: unknown; version?: unknown };
  if (o.format !== STATE_FORMAT) return "it is not a saved Layerlab host";
  if (typeof o.version === "number" && o.version < STATE_VERSION) return `it was saved by an older version of Layerlab (format ${o.version})`;
  if (typeof o.version === "number" && o.version > STATE_VERSION) return `it was saved by a newer version of Layerlab (format ${o.version})`;
  const r = hostStateSchema.safeParse(v);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return `it is damaged (${issue.path.join(".") || "top level"}: ${issue.message})`;
}

export function isHostState(v: unknown): v is HostState {
  return hostStateProblem(v) === null;
}

// ---- steps ----

/** Longest command line kept (the terminal's own lines are far shorter). */
export const LINE_LIMIT = 4000;
/** Largest file content a step may write (the editor's limit). */
export const TEXT_LIMIT = 256 * 1024;
/** Most steps kept for a replay. */
export const STEP_LIMIT = 500;

/** A command line: printable text, tabs allowed, no line breaks or other control characters. */
const commandLine = z.string().check(
  z.minLength(1),
  z.maxLength(LINE_LIMIT),
  z.refine((s) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(s), "a command line has no control characters"),
);
/** A path relative to the learner's home directory that stays inside it. */
export const homePath = z.string().check(
  z.minLength(1),
  z.maxLength(1024),
  z.refine((p) => !p.startsWith("/") && !/\0/.test(p) && p.split("/").every((c) => c !== "" && c !== "." && c !== ".."), "a path inside the home directory"),
);

export const stepSchema = z.union([
  z.strictObject({ run: commandLine }),
  z.strictObject({ write: homePath, text: z.string().check(z.maxLength(TEXT_LIMIT)) }),
  z.strictObject({ create: homePath, kind: z.enum(["file", "dir"]) }),
  z.strictObject({ rename: homePath, to: homePath }),
  z.strictObject({ remove: homePath }),
]);
export type Step = z.infer<typeof stepSchema>;
export const stepsSchema = z.array(stepSchema).check(z.maxLength(STEP_LIMIT));

/** Terminal history as kept per page. */
export const historySchema = z.array(z.string().check(z.maxLength(LINE_LIMIT))).check(z.maxLength(500));
