/**
 * Where progress is kept: a tiny key-value interface with an IndexedDB implementation and a
 * memory one (for browsers where IndexedDB is missing or refused, and for tests).
 */

export interface ProgressBackend {
  /** "indexeddb" keeps data across visits; "memory" only as long as the page is open. */
  readonly kind: "indexeddb" | "memory";
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Reads and writes one key in a single transaction, so two tabs recording passes at the same
   * moment do not overwrite each other. `change` must be synchronous; it returns the new value.
   */
  update(key: string, change: (old: unknown) => unknown): Promise<unknown>;
}

export function memoryBackend(initial: Record<string, unknown> = {}): ProgressBackend {
  const data = new Map<string, unknown>(Object.entries(initial));
  // Values are copied in and out, as IndexedDB's structured clone does, so that callers can
  // never mutate what is stored.
  const copy = (value: unknown) => (value === undefined ? undefined : structuredClone(value));
  return {
    kind: "memory",
    async get(key) {
      return copy(data.get(key));
    },
    async set(key, value) {
      data.set(key, copy(value));
    },
    async delete(key) {
      data.delete(key);
    },
    async update(key, change) {
      const next = copy(change(copy(data.get(key))));
      data.set(key, next);
      return copy(next);
    },
  };
}

export const databaseName = "layerlab";
const storeName = "kv";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });
}

/** Opens (or creates) the site's database. Rejects where IndexedDB is missing or refused. */
export async function openIndexedDbBackend(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<ProgressBackend> {
  if (!factory) throw new Error("IndexedDB is not available");
  const open = factory.open(databaseName, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(storeName)) open.result.createObjectStore(storeName);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error("IndexedDB could not be opened"));
    open.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
  // Another tab upgrading the database asks us to let go; a later call reopens.
  db.onversionchange = () => db.close();

  async function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    const tx = db.transaction(storeName, mode);
    const finished = done(tx);
    const result = await body(tx.objectStore(storeName));
    await finished;
    return result;
  }

  return {
    kind: "indexeddb",
    get: (key) => run("readonly", (store) => request(store.get(key))),
    set: (key, value) => run("readwrite", async (store) => void (await request(store.put(value, key)))),
    delete: (key) => run("readwrite", async (store) => void (await request(store.delete(key)))),
    update: (key, change) =>
      run("readwrite", async (store) => {
        const next = change(await request(store.get(key)));
        await request(store.put(next, key));
        return next;
      }),
  };
}
