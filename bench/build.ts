/**
 * Build speed: the simulated `docker build` of a 100-instruction Dockerfile (RUN, COPY, ENV,
 * LABEL, WORKDIR mixed), cold (empty cache) and again fully cached, in wall-clock milliseconds,
 * plus the simulated time the cold build took.
 */
import { createHost } from "../simulator/host/host";
import { seedFiles } from "../simulator/host/scenario";
import { rootCred } from "../simulator/runtime/cred";
import type { BenchModule, BenchRow } from "./types";

/** A Dockerfile of `n` instructions after FROM. */
export function benchDockerfile(n: number): string {
  const lines = ["FROM busybox"];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        lines.push(`RUN echo step ${i} > /tmp/s${i} && ls /tmp > /dev/null`);
        break;
      case 1:
        lines.push(`COPY f${i % 10}.txt /data/f${i}.txt`);
        break;
      case 2:
        lines.push(`ENV V${i}=value${i}`);
        break;
      case 3:
        lines.push(`LABEL l${i}="label ${i}"`);
        break;
      default:
        lines.push(`WORKDIR /w/${i}`);
    }
  }
  return lines.join("\n") + "\n";
}

export async function benchBuild(instructions = 100): Promise<{ coldMs: number; cachedMs: number; simulatedColdMs: number; cachedAll: boolean }> {
  const host = createHost();
  const files = [{ path: "Dockerfile", data: new TextEncoder().encode(benchDockerfile(instructions)) }];
  for (let i = 0; i < 10; i++) files.push({ path: `f${i}.txt`, data: new TextEncoder().encode(`file ${i}\n`.repeat(100)) });
  seedFiles(host, files);
  const opts = { cwd: "/tmp/dsim/work", env: { PATH: "/usr/bin:/bin" }, cred: rootCred() };
  const sim0 = host.daemon.now();
  let t = performance.now();
  const cold = await host.run("docker build -q -t bench:1 .", opts);
  const coldMs = performance.now() - t;
  const simulatedColdMs = host.daemon.now() - sim0;
  if (cold.exit !== 0) throw new Error(`cold build failed: ${cold.stderr}`);
  t = performance.now();
  const warm = await host.run("docker build -t bench:2 .", opts);
  const cachedMs = performance.now() - t;
  if (warm.exit !== 0) throw new Error(`cached build failed: ${warm.stderr}`);
  const stepBlocks = warm.stderr.split("\n\n").filter((b) => /\[\d+\/\d+\] (RUN|COPY|WORKDIR)/.test(b));
  const cachedAll = stepBlocks.length > 0 && stepBlocks.every((b) => b.includes("CACHED"));
  return { coldMs, cachedMs, simulatedColdMs, cachedAll };
}

const module: BenchModule = {
  name: "build",
  description: "simulated docker build of a 100-instruction Dockerfile",
  async run(): Promise<BenchRow[]> {
    const r = await benchBuild(100);
    return [
      { metric: "cold build (100 instructions)", value: Math.round(r.coldMs), unit: "ms", note: "empty build cache; 20 RUN containers, 20 COPY" },
      { metric: "fully cached rebuild", value: Math.round(r.cachedMs), unit: "ms", note: r.cachedAll ? "every step CACHED" : "NOT every step was cached" },
      { metric: "simulated time of the cold build", value: Math.round(r.simulatedColdMs), unit: "ms" },
    ];
  },
};

export default module;
