#!/usr/bin/env node
/**
 * Records the expected output of every shell case with the real BusyBox (/bin/busybox sh),
 * run in a fresh fixture directory (see fixture.json) with a fixed environment.
 * Usage: node simulator/runtime/sh/conformance/record.mjs   (rewrites cases.json)
 *        node simulator/runtime/sh/conformance/record.mjs --bash   (bash-cases.txt with the
 *        machine's /usr/bin/bash, run as `bash`, into bash-cases.json)
 * Flag "file": the script is written to prog.sh in the fixture directory and run as `bash prog.sh`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { constants } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, "fixture.json"), "utf8"));
const bash = process.argv.includes("--bash");
const cases = parseCases(readFileSync(join(here, bash ? "bash-cases.txt" : "cases.txt"), "utf8"));

/** "=== name [flags]" starts a case; "--- stdin" starts its standard input. */
export function parseCases(text) {
  const out = [];
  let cur = null;
  let section = "script";
  for (const line of text.split("\n")) {
    const m = /^=== (.*)$/.exec(line);
    if (m) {
      if (cur) out.push(cur);
      const m2 = /^(.*?)\s*(?:\[([^\]]*)\])?$/.exec(m[1].trim());
      cur = { name: m2[1], flags: m2[2] ? m2[2].split(/[ ,]+/) : [], script: [], stdin: null };
      section = "script";
      continue;
    }
    if (!cur) continue;
    if (line === "--- stdin") {
      section = "stdin";
      cur.stdin = [];
      continue;
    }
    cur[section].push(line);
  }
  if (cur) out.push(cur);
  return out.map((c) => ({
    name: c.name,
    flags: c.flags,
    script: c.script.join("\n").replace(/\n+$/, ""),
    stdin: c.stdin === null ? null : c.stdin.join("\n").replace(/\n+$/, "") + "\n",
  }));
}

function setup() {
  rmSync(fixture.dir, { recursive: true, force: true });
  mkdirSync(fixture.dir, { recursive: true });
  for (const f of fixture.files) {
    const p = join(fixture.dir, f.path);
    if (f.dir) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
      chmodSync(p, parseInt(f.mode ?? "644", 8));
    }
  }
}

const results = [];
for (const c of cases) {
  setup();
  const stdinScript = c.flags.includes("stdin-script");
  const file = c.flags.includes("file");
  if (file) writeFileSync(join(fixture.dir, "prog.sh"), c.script + "\n");
  const args = file ? [bash ? "bash" : "sh", "prog.sh"] : stdinScript ? [bash ? "bash" : "sh"] : [bash ? "bash" : "sh", "-c", c.script];
  const r = spawnSync(bash ? "/usr/bin/bash" : "/bin/busybox", bash ? args.slice(1) : args, {
    argv0: bash ? "bash" : undefined,
    cwd: fixture.dir,
    env: fixture.env,
    input: stdinScript ? c.script + "\n" : (c.stdin ?? ""),
    timeout: 10000,
    encoding: "utf8",
  });
  results.push({ name: c.name, flags: c.flags, script: c.script, stdin: c.stdin, stdout: r.stdout, stderr: r.stderr, exit: r.status ?? 128 + (constants.signals[r.signal] ?? 9) });
}
rmSync(fixture.dir, { recursive: true, force: true });
writeFileSync(join(here, bash ? "bash-cases.json" : "cases.json"), JSON.stringify(results, null, 1) + "\n");
const version = bash ? execFileSync("/usr/bin/bash", ["--version"], { encoding: "utf8" }) : execFileSync("/bin/busybox", { encoding: "utf8" });
console.log(`recorded ${results.length} cases with ${version.split("\n")[0]}`);
