/**
 * The sandbox kept per page in the browser: the host (as simulator/host/state.ts saves it), the
 * terminal history, the steps that made the host (for commands links) and the file open in the
 * editor. One entry per page path, in an IndexedDB database of its own ("layerlab-sandbox"), so
 * that nothing here can touch the learner's progress.
 *
 * Entries are versioned and checked on load, part by part. An entry that cannot be used is never
 * deleted: it is copied under a "set-aside:" key with the reason, the parts that are still good
 * (the history, say) are kept, and the caller gets a notice to show.
 */
import type { HostState } from "../../simulator/host/state";
import { historySchema, homePath, hostStateProblem, stepsSchema, type Step } from "./schema";

/** The storage the sandbox needs; IndexedDB in the browser, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export const ENTRY_FORMAT = "layerlab-sandbox";
export const ENTRY_VERSION = 1;
export const DATABASE_NAME = "layerlab-sandbox";

export interface SandboxEntry {
  format: typeof ENTRY_FORMAT;
  version: typeof ENTRY_VERSION;
  /** ms since the epoch (wall clock) when it was saved. */
  savedAt: number;
  host: HostState;
  history: string[];
  /** Steps from a fresh host to this one; null when not known. */
  steps: Step[] | null;
  /** The file open in the editor (relative to the home directory). */
  file: string | null;
}

export interface SetAside {
  at: number;
  page: string;
  reason: string;
  /** The entry exactly as it was stored. */
  raw: unknown;
}

export const entryKey = (page: string) => `page:${page}`;
export const setAsideKey = (page: string, at: number) => `set-aside:${page}:${new Date(at).toISOString()}`;

export interface Restored<H> {
  /** The loaded host; null when there was none to restore (start fresh). */
  host: H | null;
  history: string[];
  steps: Step[] | null;
  file: string | null;
  savedAt: number | null;
  /** Why (some of) the saved entry was set aside, for the learner; absent when all was well. */
  problem?: string;
}

/**
 * Reads a page's entry. `load` turns a checked HostState into a host (it may still throw: the
 * simulator is the last judge). Never throws; a store that fails to read counts as empty.
 */
export async function restoreEntry<H>(store: KeyValueStore, page: string, load: (state: HostState) => H, now: () => number = Date.now): Promise<Restored<H>> {
  const empty: Restored<H> = { host: null, history: [], steps: [], file: null, savedAt: null };
  let raw: unknown;
  try {
    raw = await store.get(entryKey(page));
  } catch (e) {
    return { ...empty, problem: `The saved sandbox could not be read (${e instanceof Error ? e.message : String(e)}); starting with a fresh host.` };
  }
  if (raw === undefined) return empty;
  const setAside = async (reason: string) => {
    const at = now();
    try {
      await store.set(setAsideKey(page, at), { at, page, reason, raw } satisfies SetAside);
    } catch {
      /* nowhere to keep it; the notice still tells the learner */
    }
  };
  if (!raw || typeof raw !== "object" || (raw as { format?: unknown }).format !== ENTRY_FORMAT) {
    await setAside("not a sandbox entry");
    return { ...empty, problem: "The saved sandbox was not readable and has been set aside; starting with a fresh host." };
  }
  const e = raw as Partial<Record<keyof SandboxEntry, unknown>>;
  if (e.version !== ENTRY_VERSION) {
    await setAside(`entry version ${String(e.version)}`);
    return { ...empty, problem: "The saved sandbox comes from another version of Layerlab and has been set aside; starting with a fresh host." };
  }
  // each part on its own: a bad part costs only itself
  const history = historySchema.safeParse(e.history);
  const steps = e.steps === null ? null : stepsSchema.safeParse(e.steps);
  const file = typeof e.file === "string" && homePath.safeParse(e.file).success ? e.file : null;
  const savedAt = typeof e.savedAt === "number" && Number.isFinite(e.savedAt) ? e.savedAt : null;
  const kept = { history: history.success ? history.data : [], steps: steps === null ? null : steps.success ? steps.data : null, file, savedAt };
  let problem = hostStateProblem(e.host);
  let host: H | null = null;
  if (!problem) {
    try {
      host = load(e.host as HostState);
    } catch (err) {
      problem = `it could not be loaded (${err instanceof Error ? err.message : String(err)})`;
    }
  }
  if (problem) {
    await setAside(`host: ${problem}`);
    const also = history.success && kept.history.length > 0 ? " Your command history is kept." : "";
    return { host: null, ...kept, steps: [], problem: `The saved host could not be restored because ${problem}. It has been set aside, and this is a fresh host.${also}` };
  }
  if (!history.success) {
    await setAside("history: damaged");
    return { host, ...kept, problem: "The saved command history was damaged and has been set aside; the host itself is restored." };
  }
  return { host, ...kept };
}

/** Saves a page's entry; resolves false (never throws) when the store refuses it. */
export async function saveEntry(store: KeyValueStore, page: string, entry: Omit<SandboxEntry, "format" | "version">): Promise<boolean> {
  try {
    await store.set(entryKey(page), { format: ENTRY_FORMAT, version: ENTRY_VERSION, ...entry } satisfies SandboxEntry);
    return true;
  } catch {
    return false;
  }
}

/** Entries set aside for a page, oldest first. */
export async function setAsideEntries(store: KeyValueStore, page: string): Promise<SetAside[]> {
  const keys = (await store.keys()).filter((k) => k.startsWith(`set-aside:${page}:`)).sort();
  const out: SetAside[] = [];
  for (const k of keys) out.push((await store.get(k)) as SetAside);
  return out;
}

// ---- stores ----

/** A store in memory, copying values in and out as IndexedDB's structured clone does. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  const copy = (v: unknown) => (v === undefined ? undefined : structuredClone(v));
  return {
    data,
    async get(key) {
      return copy(data.get(key));
    },
    async set(key, value) {
      data.set(key, copy(value));
    },
    async delete(key) {
      data.delete(key);
    },
    async keys() {
      return [...data.keys()];
    },
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

/** The sandbox's own IndexedDB database. Rejects where IndexedDB is missing or refused. */
export async function openIndexedDbStore(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<KeyValueStore> {
  if (!factory) throw new Error("IndexedDB is not available");
  const storeName = "entries";
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(storeName)) open.result.createObjectStore(storeName);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("IndexedDB could not be opened"));
    open.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
  db.onversionchange = () => db.close();
  const run = <T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = db.transaction(storeName, mode);
    const result = request(body(tx.objectStore(storeName)));
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
      tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    });
    return Promise.all([result, done]).then(([r]) => r);
  };
  return {
    get: (key) => run("readonly", (s) => s.get(key)),
    set: async (key, value) => void (await run("readwrite", (s) => s.put(value, key))),
    delete: async (key) => void (await run("readwrite", (s) => s.delete(key))),
    keys: async () => (await run("readonly", (s) => s.getAllKeys())).map(String),
  };
}
