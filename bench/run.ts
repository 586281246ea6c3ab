/**
 * `npm run bench [-- name ...]`: runs the bench modules and prints one table per module.
 * Adding a module is one line in `modules` below.
 */
import type { BenchModule, BenchRow } from "./types";
import pageWeight from "./page-weight";
import build from "./build";
import engine from "./engine";
import sandboxState from "./sandbox-state";
import browser from "./browser";
import browserFuzz from "./browser-fuzz";

const modules: BenchModule[] = [
  pageWeight,
  build,
  engine,
  sandboxState,
  browser,
  browserFuzz,
];

function formatValue(row: BenchRow): string {
  const value = Number.isInteger(row.value) ? row.value.toLocaleString("en-US") : row.value.toFixed(2);
  return `${value} ${row.unit}`;
}

function printTable(module: BenchModule, rows: BenchRow[], ms: number): void {
  console.log(`\n${module.name}: ${module.description} (${(ms / 1000).toFixed(1)} s)`);
  const metricWidth = Math.max(6, ...rows.map((row) => row.metric.length));
  const valueWidth = Math.max(5, ...rows.map((row) => formatValue(row).length));
  console.log(`  ${"metric".padEnd(metricWidth)}  ${"value".padStart(valueWidth)}  note`);
  console.log(`  ${"-".repeat(metricWidth)}  ${"-".repeat(valueWidth)}  ----`);
  for (const row of rows) {
    console.log(`  ${row.metric.padEnd(metricWidth)}  ${formatValue(row).padStart(valueWidth)}  ${row.note ?? ""}`.trimEnd());
  }
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = wanted.filter((name) => !modules.some((module) => module.name === name));
if (unknown.length > 0) {
  console.error(`unknown bench module(s): ${unknown.join(", ")}; known: ${modules.map((m) => m.name).join(", ")}`);
  process.exit(2);
}
let failures = 0;
for (const module of modules) {
  if (wanted.length > 0 && !wanted.includes(module.name)) continue;
  const started = performance.now();
  try {
    printTable(module, await module.run(), performance.now() - started);
  } catch (error) {
    failures++;
    console.error(`\n${module.name}: failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
