/**
 * Re-checks reference parsing against the real docker CLI (opt in: LAYERLAB_REAL_DOCKER=1):
 * `docker tag busybox REF` must fail client-side exactly when parseNormalizedNamed fails, with
 * the same text. Tags it creates are removed again.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNormalizedNamed, tagParseErrorText } from "./reference";

const DOCKER = process.env.LAYERLAB_DOCKER_CLI ?? "/usr/local/bin/docker";
const enabled = process.env.LAYERLAB_REAL_DOCKER === "1";
const KEEP = new Set(["busybox", "busybox:latest", "library/busybox", "docker.io/library/busybox", "docker.io/busybox", "index.docker.io/busybox"]);

describe.skipIf(!enabled)("docker tag busybox REF, live", () => {
  const fixture = JSON.parse(readFileSync(new URL("./reference.cases.json", import.meta.url), "utf8")) as { cases: { ref: string }[] };
  for (const { ref } of fixture.cases) {
    if (ref.startsWith("-")) continue;
    it(ref.length > 60 ? ref.slice(0, 20) + "…" : ref, () => {
      const real = spawnSync(DOCKER, ["tag", "busybox", ref], { encoding: "utf8" });
      if (real.status === 0 && !KEEP.has(ref)) spawnSync(DOCKER, ["rmi", ref]);
      const r = parseNormalizedNamed(ref);
      if (real.stderr.startsWith("Error parsing reference: ")) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(tagParseErrorText(ref, r.error) + "\n").toBe(real.stderr);
      } else if (!/^[a-f0-9]{64}$/.test(ref)) {
        expect(r.ok).toBe(true);
      }
    });
  }
});
