/**
 * Re-checks the recorded `docker inspect -f` cases against the real docker CLI on this machine
 * (opt in: LAYERLAB_REAL_DOCKER=1; needs busybox:latest). Each template runs through the real
 * CLI and through inspectFormat() over the image's current inspect JSON; both must agree.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTemplate, TemplateParseError, typed } from "./index";
import { inspectFormat } from "./inspect";
import { goTime } from "./value";
import { imageInspect } from "./testdata/image-inspect-type";

const DOCKER = process.env.LAYERLAB_DOCKER_CLI ?? "/usr/local/bin/docker";
const enabled = process.env.LAYERLAB_REAL_DOCKER === "1";

describe.skipIf(!enabled)("docker inspect -f, live against the real CLI", () => {
  const rawText = enabled ? JSON.stringify(JSON.parse(execFileSync(DOCKER, ["image", "inspect", "busybox"], { encoding: "utf8" }))[0]) : "{}";
  const raw = JSON.parse(rawText);
  if (raw.Metadata?.LastTagTime) raw.Metadata.LastTagTime = goTime(raw.Metadata.LastTagTime);
  const image = typed(imageInspect, raw);
  const fixture = JSON.parse(readFileSync(new URL("./testdata/inspect-busybox.cases.json", import.meta.url), "utf8")) as {
    cases: { template: string }[];
  };
  for (const { template } of fixture.cases) {
    it(template, () => {
      const real = spawnSync(DOCKER, ["inspect", "-f", template, "busybox"], { encoding: "utf8" });
      let ours: { stdout: string; stderr: string; exit: number };
      try {
        const r = inspectFormat(parseTemplate(template), image, rawText);
        ours = r.ok ? { stdout: r.output + "\n", stderr: "", exit: 0 } : { stdout: "\n", stderr: `template parsing error: ${r.error}\n`, exit: 1 };
      } catch (e) {
        if (!(e instanceof TemplateParseError)) throw e;
        ours = { stdout: "", stderr: `template parsing error: ${e.message}\n`, exit: 64 };
      }
      expect(ours).toEqual({ stdout: real.stdout, stderr: real.stderr, exit: real.status });
    });
  }
});
