#!/usr/bin/env node
/**
 * `npm test`: every test of the project, in order, stopping at the first failure.
 *   (a) simulator type check (no DOM, no Node types)   (e) site build
 *   (b) Node-side type check (scripts, verify, tests)   (f) end-to-end tests in Chromium
 *   (c) astro check (site)                              (g) real-Docker suite
 *   (d) vitest (unit tests and tests/ suites)
 * Steps (f) and (g) need Chromium and a Docker engine. Where they cannot run, a loud
 * "SKIPPED: ..." line says so; with CI=true a missing prerequisite is a failure instead.
 * The last line of output is always "<passed> passed, <failed> failed" (counting steps).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const isCI = process.env.CI === "true" || process.env.CI === "1";
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Child processes find the project's tools (and the project's Node) first. */
const env = { ...process.env };
const pathKey = Object.keys(env).find((key) => key.toUpperCase() === "PATH") ?? "PATH";
env[pathKey] = [join(root, "node_modules", ".bin"), env[pathKey] ?? ""].join(delimiter);

/** Runs a shell command with inherited output; resolves to its exit code (127 if it cannot start). */
function run(command, extraEnv = {}, stdio = "inherit") {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env: { ...env, ...extraEnv }, shell: true, stdio });
    child.on("error", (error) => {
      console.error(`cannot start "${command}": ${error.message}`);
      resolve(127);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Like run(), but also keeps the last non-empty stderr line (shown live as well). */
function runKeepingReason(command) {
  return new Promise((resolve) => {
    let stderr = "";
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ["ignore", "inherit", "pipe"] });
    child.stderr.on("data", (chunk) => {
      process.stderr.write(chunk);
      stderr += chunk.toString();
    });
    child.on("error", (error) => resolve({ code: 127, reason: error.message }));
    child.on("close", (code) => {
      const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      resolve({ code: code ?? 1, reason: lines.at(-1) ?? "" });
    });
  });
}

const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

class Skip {
  constructor(reason) {
    this.reason = reason;
  }
}
const skipOrFail = (reason) => {
  if (isCI) {
    console.error(`FAILED (CI=true requires it): ${reason}`);
    return 1;
  }
  return new Skip(reason);
};

async function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  if (chromiumPath === "/usr/bin/chromium" && isRoot && has("apt-get")) {
    console.log(`${chromiumPath} is missing: installing Debian's chromium and fonts-liberation`);
    const code = await run(
      "apt-get update && apt-get install -y --no-install-recommends chromium fonts-liberation",
      { DEBIAN_FRONTEND: "noninteractive" },
    );
    return code === 0 && existsSync(chromiumPath);
  }
  return false;
}

async function endToEnd() {
  if (!(await ensureChromium())) {
    return skipOrFail(
      `end-to-end suite (no Chromium at ${chromiumPath}; install it, e.g. apt-get install chromium, or set CHROMIUM_PATH)`,
    );
  }
  return run("playwright test", { LAYERLAB_E2E_PREBUILT: "1" });
}

async function realDocker() {
  const up = join(root, "scripts", "docker-up.sh");
  const down = join(root, "scripts", "docker-down.sh");
  const pidfile = process.env.LAYERLAB_DOCKERD_PIDFILE || "/tmp/layerlab-dockerd.pid";
  let ready;
  let startedHere = false;
  if (!existsSync(join(root, "vitest.real.config.ts"))) {
    return skipOrFail("real-Docker suite (vitest.real.config.ts is not in this checkout)");
  }
  if (!existsSync(up)) {
    ready = { code: 3, reason: "scripts/docker-up.sh is not in this checkout" };
  } else if (!has("bash")) {
    ready = { code: 3, reason: "bash is not available to run scripts/docker-up.sh" };
  } else {
    const hadPidfile = existsSync(pidfile);
    ready = await runKeepingReason("bash scripts/docker-up.sh");
    startedHere = !hadPidfile && existsSync(pidfile);
  }
  if (ready.code === 3) return skipOrFail(`real-Docker suite (${ready.reason || "docker-up.sh: Docker cannot be started here"})`);
  if (ready.code !== 0) {
    console.error(`scripts/docker-up.sh exited with ${ready.code}`);
    return ready.code;
  }
  try {
    return await run("vitest run -c vitest.real.config.ts");
  } finally {
    // Stop the daemon only if docker-up.sh started it during this run.
    if (startedHere && existsSync(down)) await run("bash scripts/docker-down.sh");
  }
}

const steps = [
  { id: "a", name: "simulator type check", run: () => run("tsc -p simulator/tsconfig.json") },
  { id: "b", name: "Node type check", run: () => run("tsc -p tsconfig.node.json") },
  { id: "c", name: "astro check", run: () => run("astro check") },
  { id: "d", name: "vitest", run: () => run("vitest run") },
  { id: "e", name: "astro build", run: () => run("astro build") },
  { id: "f", name: "end-to-end (Playwright)", run: endToEnd },
  { id: "g", name: "real-Docker suite", run: realDocker },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
console.log(`layerlab tests: node ${process.version}, CI=${isCI ? "true" : "false"}`);
const started = performance.now();
for (const step of steps) {
  console.log(`\n━━ (${step.id}) ${step.name} ━━`);
  const t0 = performance.now();
  const outcome = await step.run();
  const ms = performance.now() - t0;
  if (outcome instanceof Skip) {
    console.log(`SKIPPED: ${outcome.reason}`);
    results.push({ ...step, status: "skipped", ms, reason: outcome.reason });
    continue;
  }
  const status = outcome === 0 ? "passed" : "failed";
  results.push({ ...step, status, ms });
  console.log(`━━ (${step.id}) ${step.name}: ${status} in ${seconds(ms)}${status === "failed" ? ` (exit ${outcome})` : ""}`);
  if (status === "failed") break;
}

console.log("\nSummary");
for (const result of results) {
  console.log(`  (${result.id}) ${result.name.padEnd(26)} ${result.status.padEnd(8)} ${seconds(result.ms).padStart(8)}`);
}
for (const step of steps.slice(results.length)) console.log(`  (${step.id}) ${step.name.padEnd(26)} not run`);
console.log(`  total ${seconds(performance.now() - started)}`);
for (const result of results) if (result.status === "skipped") console.log(`SKIPPED: ${result.reason}`);
const passed = results.filter((r) => r.status === "passed").length;
const failed = results.filter((r) => r.status === "failed").length;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
