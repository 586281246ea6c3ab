import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { memoryBackend, openIndexedDbBackend, type ProgressBackend } from "./backend";
import {
  createProgressStore,
  exportFile,
  importFile,
  progressKey,
  repairProgress,
  setAsideKey,
  type SetAsideEntry,
} from "./store";

const fixedNow = () => new Date("2025-03-04T10:00:00Z");
const storeOn = (backend: ProgressBackend) => createProgressStore({ backend: async () => backend, now: fixedNow });

describe("repairProgress", () => {
  it("gives empty progress when nothing is stored", () => {
    expect(repairProgress(undefined)).toEqual({ progress: { version: 1, exercises: {} } });
  });

  it("accepts a valid version 1 entry unchanged", () => {
    const entry = { version: 1, exercises: { "namespaces/pid": { date: "2025-01-02" } } };
    expect(repairProgress(entry)).toEqual({ progress: entry });
  });

  it("keeps the valid records of a damaged entry and counts the others", () => {
    const repair = repairProgress({
      version: 1,
      exercises: {
        "namespaces/pid": { date: "2025-01-02" },
        "cgroups/memory": { date: "yesterday" },
        "Not An Id": { date: "2025-01-02" },
        "volumes/named": null,
      },
    });
    expect(repair.progress).toEqual({ version: 1, exercises: { "namespaces/pid": { date: "2025-01-02" } } });
    expect(repair.setAside).toEqual({ reason: "invalid", kept: 1, dropped: 3 });
  });

  it("recognises an entry written by a newer version and keeps what it can read", () => {
    const repair = repairProgress({ version: 2, exercises: { "lifecycle/stop": { date: "2025-02-01", tries: 3 } }, extra: 1 });
    expect(repair.setAside?.reason).toBe("newer-version");
    expect(repair.progress.exercises).toEqual({ "lifecycle/stop": { date: "2025-02-01" } });
  });

  it("reads progress stored as JSON text and sets aside text that is not JSON", () => {
    expect(repairProgress(JSON.stringify({ version: 1, exercises: {} })).setAside).toBeUndefined();
    expect(repairProgress("{broken").setAside).toEqual({ reason: "invalid", kept: 0, dropped: 0 });
  });

  it("sets aside things that are not progress at all", () => {
    for (const raw of [42, [1, 2], { version: 1 }, { version: 1, exercises: [] }]) {
      expect(repairProgress(raw).setAside?.reason).toBe("invalid");
    }
  });
});

describe("progress store", () => {
  it("records passes with the first day and keeps the earlier date", async () => {
    const backend = memoryBackend();
    const store = storeOn(backend);
    await store.recordPass("image-layers/history", "2025-03-01");
    await store.recordPass("image-layers/history", "2025-03-04");
    await store.recordPass("whiteouts/same-run");
    expect(await backend.get(progressKey)).toEqual({
      version: 1,
      exercises: { "image-layers/history": { date: "2025-03-01" }, "whiteouts/same-run": { date: "2025-03-04" } },
    });
  });

  it("refuses ids that are not exercise ids", async () => {
    await expect(storeOn(memoryBackend()).recordPass("nope")).rejects.toThrow(/not an exercise id/);
  });

  it("sets a corrupt entry aside, keeps the readable part and says so", async () => {
    const corrupt = { version: 1, exercises: { "namespaces/pid": { date: "2025-01-02" }, "cgroups/oom": { date: 5 } } };
    const backend = memoryBackend({ [progressKey]: corrupt });
    const store = storeOn(backend);
    const loaded = await store.loadProgress();
    expect(loaded.progress.exercises).toEqual({ "namespaces/pid": { date: "2025-01-02" } });
    expect(loaded.issue).toEqual({ kind: "set-aside", reason: "invalid", kept: 1, dropped: 1 });
    expect(loaded.notice).toMatch(/could not be read.*1 passed exercise was kept/);
    const aside = (await backend.get(setAsideKey)) as SetAsideEntry[];
    expect(aside).toEqual([{ at: "2025-03-04T10:00:00.000Z", reason: "invalid", raw: corrupt }]);
    // Repaired once: the next load is clean and sets nothing more aside.
    const again = await storeOn(backend).loadProgress();
    expect(again.issue).toEqual({ kind: "memory-only" });
    expect(await store.setAsideEntries()).toHaveLength(1);
    await store.discardSetAside();
    expect(await store.setAsideEntries()).toEqual([]);
  });

  it("repairs a corrupt entry before the first pass is recorded, losing nothing", async () => {
    const backend = memoryBackend({ [progressKey]: { exercises: { "volumes/named": { date: "2025-01-05" } } } });
    await storeOn(backend).recordPass("volumes/anonymous", "2025-03-04");
    expect(await backend.get(progressKey)).toEqual({
      version: 1,
      exercises: { "volumes/named": { date: "2025-01-05" }, "volumes/anonymous": { date: "2025-03-04" } },
    });
    expect(await backend.get(setAsideKey)).toHaveLength(1);
  });

  it("merges imports (earliest date wins) and resets", async () => {
    const store = storeOn(memoryBackend());
    await store.recordPass("networks/dns", "2025-03-02");
    const merged = await store.importProgress({
      version: 1,
      exercises: { "networks/dns": { date: "2025-02-01" }, "security/user": { date: "2025-03-03" } },
    });
    expect(merged.exercises).toEqual({ "networks/dns": { date: "2025-02-01" }, "security/user": { date: "2025-03-03" } });
    await store.resetProgress();
    expect((await store.loadProgress()).progress).toEqual({ version: 1, exercises: {} });
  });

  it("tells subscribers about changes until they unsubscribe", async () => {
    const store = storeOn(memoryBackend());
    const seen: number[] = [];
    const stop = store.subscribe((p) => seen.push(Object.keys(p.exercises).length));
    await store.recordPass("compose/up", "2025-03-01");
    await store.recordPass("compose/down", "2025-03-01");
    stop();
    await store.resetProgress();
    expect(seen).toEqual([1, 2]);
  });

  it("says when it can keep progress only in memory", async () => {
    const loaded = await storeOn(memoryBackend()).loadProgress();
    expect(loaded.issue).toEqual({ kind: "memory-only" });
  });

  it("falls back to memory when IndexedDB is missing", async () => {
    await expect(openIndexedDbBackend(undefined)).rejects.toThrow(/not available/);
    const store = createProgressStore({ backend: async () => memoryBackend() });
    await store.recordPass("lifecycle/stop");
    expect(Object.keys((await store.loadProgress()).progress.exercises)).toEqual(["lifecycle/stop"]);
  });
});

describe("IndexedDB backend", () => {
  it("keeps progress across store instances and sets aside corrupt entries", async () => {
    const factory = new IDBFactory();
    const first = createProgressStore({ backend: () => openIndexedDbBackend(factory), now: fixedNow });
    await first.recordPass("namespaces/uts", "2025-03-01");
    const second = createProgressStore({ backend: () => openIndexedDbBackend(factory), now: fixedNow });
    const loaded = await second.loadProgress();
    expect(loaded.progress.exercises).toEqual({ "namespaces/uts": { date: "2025-03-01" } });
    expect(loaded.issue).toBeUndefined();

    const raw = await openIndexedDbBackend(factory);
    await raw.set(progressKey, { version: 1, exercises: { "namespaces/uts": { date: "2025-03-01" }, bad: {} } });
    const third = await createProgressStore({ backend: () => openIndexedDbBackend(factory), now: fixedNow }).loadProgress();
    expect(third.issue).toMatchObject({ kind: "set-aside", kept: 1, dropped: 1 });
    expect(await raw.get(setAsideKey)).toHaveLength(1);
    expect(await raw.get(progressKey)).toEqual({ version: 1, exercises: { "namespaces/uts": { date: "2025-03-01" } } });
  });

  it("does not lose passes recorded at the same moment by two tabs", async () => {
    const factory = new IDBFactory();
    const tabA = createProgressStore({ backend: () => openIndexedDbBackend(factory) });
    const tabB = createProgressStore({ backend: () => openIndexedDbBackend(factory) });
    await Promise.all([tabA.loadProgress(), tabB.loadProgress()]);
    await Promise.all([tabA.recordPass("cgroups/oom", "2025-03-01"), tabB.recordPass("cgroups/pids", "2025-03-01")]);
    const loaded = await tabA.loadProgress();
    expect(Object.keys(loaded.progress.exercises).sort()).toEqual(["cgroups/oom", "cgroups/pids"]);
  });
});

describe("progress files", () => {
  it("round-trips and rejects what is not a progress file", () => {
    const progress = { version: 1 as const, exercises: { "registries/tag": { date: "2025-03-01" } } };
    const text = exportFile(progress);
    expect(JSON.parse(text)).toMatchObject({ format: "layerlab-progress", version: 1 });
    expect(importFile(text)).toEqual({ ok: true, progress, unknown: 0, newer: false });
    expect(importFile("nope")).toEqual({ ok: false, error: "not-json" });
    expect(importFile(JSON.stringify({ version: 1, exercises: {} }))).toEqual({ ok: false, error: "not-progress" });
    expect(importFile(JSON.stringify({ format: "layerlab-progress", version: 1 }))).toEqual({ ok: false, error: "not-progress" });
  });

  it("reads the valid records of a damaged or newer file", () => {
    const text = JSON.stringify({
      format: "layerlab-progress",
      version: 3,
      exercises: { "registries/tag": { date: "2025-03-01" }, "registries/push": { when: "today" } },
    });
    expect(importFile(text)).toEqual({
      ok: true,
      progress: { version: 1, exercises: { "registries/tag": { date: "2025-03-01" } } },
      unknown: 1,
      newer: true,
    });
  });
});
