/**
 * Engine speed and memory: a simulated `docker run --rm busybox true` against the real engine's
 * (when one answers), heap growth for 1,000 containers of one image, and saving and loading the
 * whole host state with those containers in it.
 */
import { spawnSync } from "node:child_process";
import { createHost } from "../simulator/host/host";
import { exportHost, loadHost } from "../simulator/host/state";
import type { BenchModule, BenchRow } from "./types";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function simulatedRun(n: number): Promise<number> {
  const host = createHost();
  await host.run("docker run --rm busybox true");
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await host.run("docker run --rm busybox true");
    times.push(performance.now() - t);
    if (r.exit !== 0) throw new Error(`docker run failed: ${r.stderr}`);
  }
  return median(times);
}

function realRun(n: number): number | null {
  if (spawnSync("docker", ["image", "inspect", "busybox"], { stdio: "ignore" }).status !== 0) return null;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = spawnSync("docker", ["run", "--rm", "--pull", "never", "busybox", "true"], { stdio: "ignore", timeout: 60_000 });
    if (r.status !== 0) return null;
    times.push(performance.now() - t);
  }
  return median(times);
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const engine: BenchModule = {
  name: "engine",
  description: "docker run latency, memory per container, state save/load",
  async run() {
    const rows: BenchRow[] = [];
    const sim = await simulatedRun(20);
    rows.push({ metric: "docker run --rm busybox true (simulated)", value: sim, unit: "ms", note: "median of 20, wall clock" });
    const real = realRun(5);
    if (real !== null) {
      rows.push({ metric: "docker run --rm busybox true (real engine)", value: real, unit: "ms", note: "median of 5 on this machine" });
      rows.push({ metric: "real / simulated", value: real / sim, unit: "x", note: "how many times faster the simulated run is" });
    } else rows.push({ metric: "docker run (real engine)", value: 0, unit: "ms", note: "no engine or no busybox image: not measured" });

    const host = createHost();
    const before = heapUsed();
    const t0 = performance.now();
    for (let i = 0; i < 1000; i += 50) {
      const names = Array.from({ length: 50 }, (_, k) => `c${i + k}`);
      const r = await host.run(names.map((n) => `docker create --name ${n} busybox true > /dev/null`).join("; "));
      if (r.exit !== 0) throw new Error(r.stderr);
    }
    const createMs = performance.now() - t0;
    const after = heapUsed();
    rows.push({ metric: "create 1,000 containers of one image", value: createMs, unit: "ms" });
    rows.push({ metric: "heap growth for 1,000 containers", value: Math.round((after - before) / 1024), unit: "KiB", note: `${((after - before) / 1000 / 1024).toFixed(1)} KiB each${(globalThis as { gc?: unknown }).gc ? "" : " (run with --expose-gc for a steadier figure)"}` });

    let t = performance.now();
    const saved = JSON.stringify(exportHost(host));
    rows.push({ metric: "save state (1,000 containers) to JSON", value: performance.now() - t, unit: "ms", note: `${Math.round(saved.length / 1024)} KiB of JSON` });
    t = performance.now();
    const loaded = loadHost(JSON.parse(saved));
    rows.push({ metric: "load that state", value: performance.now() - t, unit: "ms" });
    const check = await loaded.run("docker ps -aq | wc -l");
    if (check.stdout.trim() !== "1000") throw new Error(`loaded state has ${check.stdout.trim()} containers`);
    return rows;
  },
};

export default engine;
