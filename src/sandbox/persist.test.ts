import { describe, expect, it } from "vitest";
import { createHost } from "../../simulator/host/host";
import { exportHost, loadHost, type HostState } from "../../simulator/host/state";
import { ENTRY_FORMAT, ENTRY_VERSION, entryKey, memoryStore, restoreEntry, saveEntry, setAsideEntries, type KeyValueStore } from "./persist";

const PAGE = "/sandbox/";
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

async function savedHost(): Promise<HostState> {
  const h = createHost();
  await h.run("docker run --name kept busybox echo hi && echo notes > /home/learner/notes.txt");
  await h.run("docker run -d --name up busybox sleep 1000");
  return exportHost(h);
}

const restore = (store: KeyValueStore, page = PAGE) => restoreEntry(store, page, loadHost, () => NOW);

describe("the saved sandbox", () => {
  it("comes back as it was saved: host, history, steps and the open file", async () => {
    const store = memoryStore();
    const host = await savedHost();
    expect(await saveEntry(store, PAGE, { savedAt: NOW, host, history: ["docker ps", "ls"], steps: [{ run: "ls" }], file: "notes.txt" })).toBe(true);
    const r = await restore(store);
    expect(r.problem).toBeUndefined();
    expect(r).toMatchObject({ history: ["docker ps", "ls"], steps: [{ run: "ls" }], file: "notes.txt", savedAt: NOW });
    const h = r.host!;
    // a container that was running starts again (docs/differences.md)
    expect((await h.run("docker ps -a --format '{{.Names}} {{.State}}'; cat /home/learner/notes.txt")).stdout).toBe("up running\nkept exited\nnotes\n");
  });

  it("is kept per page", async () => {
    const store = memoryStore();
    await saveEntry(store, "/ja/sandbox/", { savedAt: NOW, host: await savedHost(), history: ["ja"], steps: null, file: null });
    expect((await restore(store)).host).toBeNull();
    expect((await restore(store, "/ja/sandbox/")).history).toEqual(["ja"]);
  });

  it("starts fresh, quietly, when nothing was saved", async () => {
    expect(await restore(memoryStore())).toEqual({ host: null, history: [], steps: [], file: null, savedAt: null });
  });

  it("sets a damaged host aside, says so, and keeps the history", async () => {
    const store = memoryStore();
    const host = await savedHost();
    const bad = { ...host, layers: [{ ...host.layers[0], chainId: "not a digest" }] };
    await store.set(entryKey(PAGE), { format: ENTRY_FORMAT, version: ENTRY_VERSION, savedAt: NOW, host: bad, history: ["docker images"], steps: [], file: null });
    const r = await restore(store);
    expect(r.host).toBeNull();
    expect(r.history).toEqual(["docker images"]);
    expect(r.problem).toMatch(/could not be restored because it is damaged.*set aside.*history is kept/);
    const aside = await setAsideEntries(store, PAGE);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ at: NOW, page: PAGE, reason: expect.stringMatching(/^host: it is damaged/) });
    expect((aside[0].raw as { host: unknown }).host).toEqual(bad);
  });

  it("sets aside a host the simulator refuses even though its shape is right", async () => {
    const store = memoryStore();
    const host = await savedHost();
    // a layer whose parent is missing passes the schema but cannot be loaded
    const orphan = { ...host, layers: host.layers.map((l) => ({ ...l, parent: "sha256:" + "0".repeat(64) })) };
    await store.set(entryKey(PAGE), { format: ENTRY_FORMAT, version: ENTRY_VERSION, savedAt: NOW, host: orphan, history: [], steps: [], file: null });
    const r = await restore(store);
    expect(r.host).toBeNull();
    expect(r.problem).toMatch(/could not be loaded \(cannot load host state: a layer's parent is missing\)/);
    expect(await setAsideEntries(store, PAGE)).toHaveLength(1);
  });

  it("sets aside an entry from another version, and one that is not an entry at all", async () => {
    const store = memoryStore({ [entryKey(PAGE)]: { format: ENTRY_FORMAT, version: 0, host: {} }, [entryKey("/other/")]: "garbage" });
    expect((await restore(store)).problem).toMatch(/another version of Layerlab/);
    expect((await restore(store, "/other/")).problem).toMatch(/not readable/);
    expect((await setAsideEntries(store, PAGE))[0].raw).toEqual({ format: ENTRY_FORMAT, version: 0, host: {} });
    expect((await setAsideEntries(store, "/other/"))[0].raw).toBe("garbage");
  });

  it("sets aside an old host state with a reason the learner can read", async () => {
    const store = memoryStore();
    const host = { ...(await savedHost()), version: 1 };
    await store.set(entryKey(PAGE), { format: ENTRY_FORMAT, version: ENTRY_VERSION, savedAt: NOW, host, history: ["pwd"], steps: [], file: null });
    const r = await restore(store);
    expect(r.problem).toMatch(/saved by an older version of Layerlab/);
    expect(r.history).toEqual(["pwd"]);
  });

  it("keeps the host when only the history is damaged, and drops an unsafe file name", async () => {
    const store = memoryStore();
    await store.set(entryKey(PAGE), { format: ENTRY_FORMAT, version: ENTRY_VERSION, savedAt: NOW, host: await savedHost(), history: [42], steps: [{ bogus: 1 }], file: "../../etc/passwd" });
    const r = await restore(store);
    expect(r.host).not.toBeNull();
    expect(r).toMatchObject({ history: [], steps: null, file: null });
    expect(r.problem).toMatch(/history was damaged.*host itself is restored/);
  });

  it("never throws when the store fails", async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error("disk on fire")),
      set: () => Promise.reject(new Error("quota")),
      delete: () => Promise.reject(new Error("no")),
      keys: () => Promise.resolve([]),
    };
    expect((await restore(broken)).problem).toMatch(/could not be read \(disk on fire\)/);
    expect(await saveEntry(broken, PAGE, { savedAt: NOW, host: await savedHost(), history: [], steps: [], file: null })).toBe(false);
  });
});
