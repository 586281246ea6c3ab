import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { seedFiles } from "../host/scenario";
import { lookupImage } from "../daemon/images/lookup";
import { analyzeImage } from "./analysis";
import { rootCred } from "../runtime/cred";
import { buildReports } from "./why";

async function hostWith(files: Record<string, string>) {
  const host = createHost();
  seedFiles(host, Object.entries(files).map(([path, data]) => ({ path, data: new TextEncoder().encode(data) })));
  const run = (cmd: string) => host.run(cmd, { cwd: "/tmp/dsim/work", env: { PATH: "/usr/bin:/bin" }, cred: rootCred() });
  return { host, run };
}

describe("image analysis", () => {
  it("counts bytes deleted in a later layer as wasted, and a same-RUN delete as nothing", async () => {
    const { host, run } = await hostWith({
      Dockerfile: "FROM busybox\nRUN dd if=/dev/zero of=/big bs=1024 count=10 2>/dev/null\nRUN rm /big\nRUN echo a > /f && echo bb > /f\n",
    });
    expect((await run("docker build -q -t w:1 .")).exit).toBe(0);
    const a = analyzeImage(lookupImage(host.daemon, "w:1")!);
    expect(a.wastedBytes).toBe(10240);
    expect(a.inefficiencies[0]).toMatchObject({ path: "big", wastedBytes: 10240 });
    const layers = a.layers.slice(1);
    expect(layers[0].added.map((f) => f.path)).toEqual(["big"]);
    expect(layers[1].removed.map((f) => f.path)).toEqual(["big"]);
    expect(layers[2].added.map((f) => f.path)).toEqual(["f"]);
    expect(a.efficiency).toBeGreaterThan(0);
    expect(a.efficiency).toBeLessThan(1);
  });

  it("an opaque directory hides what was under it, not the directory itself", async () => {
    const { host, run } = await hostWith({
      Dockerfile: "FROM busybox\nRUN mkdir -p /d && echo x > /d/x\nRUN rm -rf /d && mkdir /d\n",
    });
    expect((await run("docker build -q -t o:1 .")).exit).toBe(0);
    const a = analyzeImage(lookupImage(host.daemon, "o:1")!);
    expect(a.layers[2].removed).toEqual([{ path: "d/x", size: 2 }]);
    expect(a.wastedBytes).toBe(2);
  });
});

describe("cache explanations", () => {
  it("records HIT/MISS with reasons: first build, changed files, parent missed, build-arg, --no-cache", async () => {
    const { host, run } = await hostWith({
      Dockerfile: "FROM busybox\nARG V=0\nRUN echo $V > /v\nCOPY a.txt /a.txt\nRUN cat /a.txt\n",
      "a.txt": "one\n",
    });
    await run("docker build -q -t c:1 .");
    let steps = buildReports(host.daemon).at(-1)!.steps;
    expect(steps.map((s) => [s.cache, s.reason?.kind])).toEqual([["MISS", "first-build"], ["MISS", "first-build"], ["MISS", "first-build"]]);
    await run("echo two > a.txt");
    await run("docker build -q -t c:2 .");
    steps = buildReports(host.daemon).at(-1)!.steps;
    expect(steps.map((s) => s.cache)).toEqual(["HIT", "MISS", "MISS"]);
    expect(steps[1].reason).toEqual({ kind: "files-changed", files: [{ path: "a.txt", change: "modified" }] });
    expect(steps[2].reason?.kind).toBe("parent-missed");
    expect(steps[1].layer?.size).toBe(4);
    await run("docker build -q --build-arg V=1 -t c:3 .");
    steps = buildReports(host.daemon).at(-1)!.steps;
    expect(steps[0].reason).toEqual({ kind: "build-arg-changed", args: [{ name: "V", before: "0", after: "1" }] });
    await run("docker build -q --no-cache -t c:4 .");
    expect(buildReports(host.daemon).at(-1)!.steps.every((s) => s.reason?.kind === "no-cache")).toBe(true);
  });
});
