import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { buildCacheView, lastBuiltImage } from "./build-cache";

async function run(host: ReturnType<typeof createHost>, line: string, exit = 0) {
  const r = await host.run(line);
  expect(r.exit, `${line}: ${r.stderr}`).toBe(exit);
  return r;
}

describe("build cache view", () => {
  it("is empty before the first build", () => {
    expect(buildCacheView(createHost().daemon)).toBeNull();
    expect(lastBuiltImage(createHost().daemon)).toBeNull();
  });

  it("shows each step of the last build in run order, with HIT/MISS and the reason", async () => {
    const host = createHost();
    await run(host, "printf 'FROM busybox\\nRUN echo base > /base\\nENV X=1\\nCOPY a.txt /a.txt\\nRUN cat /a.txt\\n' > Dockerfile");
    await run(host, "echo one > a.txt");
    await run(host, "docker build -q -t app .");
    let m = buildCacheView(host.daemon)!;
    expect(m).toMatchObject({ number: 1, builder: "buildkit", tags: ["app"], error: null, hits: 0, misses: 3, stages: ["stage-0"] });
    expect(m.rows.map((r) => [r.index, r.instruction, r.cache, r.reason?.kind])).toEqual([
      [2, "RUN echo base > /base", "MISS", "first-build"],
      [3, "COPY a.txt /a.txt", "MISS", "first-build"],
      [4, "RUN cat /a.txt", "MISS", "first-build"],
    ]);
    expect(m.rows[1].layerBytes).toBe(4);
    const first = m.imageId;
    expect(lastBuiltImage(host.daemon)).toBe(first);

    await run(host, "echo two > a.txt");
    await run(host, "docker build -q -t app .");
    m = buildCacheView(host.daemon)!;
    expect(m.number).toBe(2);
    expect(m.rows.map((r) => r.cache)).toEqual(["HIT", "MISS", "MISS"]);
    expect(m.rows[0]).toMatchObject({ reason: null, durationMs: 0 });
    expect(m.rows[1].reason).toEqual({ kind: "files-changed", files: [{ path: "a.txt", change: "modified" }] });
    expect(m.rows[2].reason).toEqual({ kind: "parent-missed", parent: "[3/4] COPY a.txt /a.txt" });
    expect(m).toMatchObject({ hits: 1, misses: 2 });
    expect(m.imageId).not.toBe(first);
  });

  it("reports a failed build with the steps that ran", async () => {
    const host = createHost();
    await run(host, "printf 'FROM busybox\\nRUN echo ok\\nRUN exit 3\\n' > Dockerfile");
    await run(host, "docker build -q .", 1);
    const m = buildCacheView(host.daemon)!;
    expect(m.error).toMatch(/did not complete successfully: exit code: 3/);
    expect(m.imageId).toBeNull();
    expect(m.rows.map((r) => r.instruction)).toEqual(["RUN echo ok"]);
    expect(lastBuiltImage(host.daemon)).toBeNull();
  });

  it("gives the stage of each step of a multi-stage build", async () => {
    const host = createHost();
    await run(host, "printf 'FROM busybox AS build\\nRUN echo made > /out\\nFROM busybox\\nCOPY --from=build /out /out\\n' > Dockerfile");
    await run(host, "docker build -q -t ms .");
    const m = buildCacheView(host.daemon)!;
    expect(m.stages).toEqual(["build", "stage-1"]);
    expect(m.rows.map((r) => `${r.stage} ${r.instruction}`)).toEqual(["build RUN echo made > /out", "stage-1 COPY --from=build /out /out"]);
  });
});
