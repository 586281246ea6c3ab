// --cache-from, BUILDKIT_INLINE_CACHE and `builder prune -a`, as a 20.10 engine's BuildKit does
// them (recorded by hand on the lab engine: an image carries an inline cache only when built
// with BUILDKIT_INLINE_CACHE=1, which also changes its ID; --cache-from of such an image makes
// its steps CACHED after the local cache was pruned; --cache-from of an image without one, or of
// a name the engine lacks, caches nothing and does not fail the build).
import { describe, expect, it } from "vitest";
import { createHost, type Host } from "../host/host";

const DOCKERFILE = "FROM busybox\\nRUN echo one > /one\\nRUN echo two > /two\\n";

async function hostWithContext(): Promise<Host> {
  const h = createHost();
  expect((await h.run(`mkdir app && printf '${DOCKERFILE}' > app/Dockerfile`)).exit).toBe(0);
  return h;
}

/** The RUN vertices' last lines ("CACHED" or "DONE 0.0s"), in step order. */
function runResults(stderr: string): string[] {
  const out: string[] = [];
  for (const step of ["RUN echo one", "RUN echo two"]) {
    const n = new RegExp(`^#(\\d+) \\[\\d/\\d\\] ${step}`, "m").exec(stderr)?.[1];
    if (!n) throw new Error(`no vertex for ${step} in:\n${stderr}`);
    const lines = stderr.split("\n").filter((l) => l.startsWith(`#${n} `));
    out.push(lines[lines.length - 1].slice(`#${n} `.length).replace(/^DONE .*/, "DONE"));
  }
  return out;
}

describe("build cache across machines: --cache-from and the inline cache", () => {
  it("builder prune -a empties the cache even for steps an image stands on; without -a they stay", async () => {
    const h = await hostWithContext();
    await h.run("docker build -q -t c:1 app");
    expect((await h.run("docker builder prune -f")).exit).toBe(0);
    expect(runResults((await h.run("docker build -t c:2 app")).stderr)).toEqual(["CACHED", "CACHED"]);
    const pruned = await h.run("docker builder prune -af");
    expect(pruned.stdout).toMatch(/^Deleted build cache objects:\n([a-z0-9]{25}\n){2,}\nTotal reclaimed space: /);
    expect(runResults((await h.run("docker build -t c:3 app")).stderr)).toEqual(["DONE", "DONE"]);
  });

  it("an image built with BUILDKIT_INLINE_CACHE=1 seeds an empty cache through --cache-from", async () => {
    const h = await hostWithContext();
    const plain = (await h.run("docker build -q -t c:plain app")).stdout.trim();
    const built = await h.run("docker build -t c:ci --build-arg BUILDKIT_INLINE_CACHE=1 app");
    expect(built.stderr).toMatch(/^#\d+ exporting cache\n#\d+ preparing build cache for export done\n#\d+ DONE \d\.\ds\n/m);
    const ci = (await h.run("docker image inspect -f '{{.Id}}' c:ci")).stdout.trim();
    expect(ci).not.toBe(plain); // the cache metadata is part of the config
    await h.run("docker builder prune -af");
    const r = await h.run("docker build -t c:next --cache-from c:ci app");
    expect(r.exit).toBe(0);
    expect(r.stderr).toMatch(/^#\d+ importing cache manifest from c:ci\n#\d+ DONE/m);
    expect(runResults(r.stderr)).toEqual(["CACHED", "CACHED"]);
    // the same image as the build without inline cache, and the steps are in the local cache now
    expect((await h.run("docker image inspect -f '{{.Id}}' c:next")).stdout.trim()).toBe(plain);
    expect(runResults((await h.run("docker build -t c:again app")).stderr)).toEqual(["CACHED", "CACHED"]);
  });

  it("--cache-from an image without inline cache, or one the engine lacks, caches nothing", async () => {
    const h = await hostWithContext();
    await h.run("docker build -q -t c:plain app");
    await h.run("docker builder prune -af");
    expect(runResults((await h.run("docker build -t c:b --cache-from c:plain app")).stderr)).toEqual(["DONE", "DONE"]);
    await h.run("docker builder prune -af");
    const r = await h.run("docker build -t c:c --cache-from c:nope app");
    expect(r.exit).toBe(0);
    expect(r.stderr).toMatch(/^#\d+ ERROR: failed to do request: Head "https:\/\/registry-1\.docker\.io\/v2\/library\/c\/manifests\/nope": dial tcp: lookup registry-1\.docker\.io on /m);
    expect(r.stderr.endsWith("------\n > importing cache manifest from c:nope:\n------\n")).toBe(true);
    expect(runResults(r.stderr)).toEqual(["DONE", "DONE"]);
  });
});
