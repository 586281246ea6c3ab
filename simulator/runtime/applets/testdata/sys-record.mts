/**
 * Records what the lab image's BusyBox does for every case in sys-cases/:
 *
 *   npx tsx simulator/runtime/applets/testdata/sys-record.mts [group...]
 *
 * Each case gets a fresh `docker run -d busybox:latest sleep 1000` (never pulled) with the case's
 * options; its files are made as root and dated 2024-01-01T00:00:00Z, then each step runs with
 * `docker exec` and its stdout, stderr and exit status go to sys-recorded/<group>.json.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Recording, type SysCase, decodeOutput } from "./sys-case.ts";
import type { LabFile } from "./sys-lab.ts";

const here = new URL(".", import.meta.url).pathname;

function docker(args: string[], input?: string | Buffer) {
  const r = spawnSync("docker", args, { input: input ?? "", maxBuffer: 64 << 20, timeout: 60_000 });
  if (r.error) throw r.error;
  return { stdout: new Uint8Array(r.stdout), stderr: new Uint8Array(r.stderr), exit: r.status ?? 128 + 9 };
}

const q = (s: string) => "'" + s.replace(/'/g, "'\\''") + "'";

function setupScript(files: LabFile[]): string {
  const lines: string[] = [];
  const touched = new Set<string>();
  for (const f of files) {
    const parts = f.path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) touched.add("/" + parts.slice(0, i).join("/"));
    lines.push(`mkdir -p ${q("/" + parts.slice(0, -1).join("/"))}`);
    const p = q(f.path);
    switch (f.type ?? "file") {
      case "dir":
        lines.push(`mkdir -p ${p}`);
        break;
      case "symlink":
        lines.push(`ln -s ${q(f.target!)} ${p}`);
        break;
      case "hardlink":
        lines.push(`ln ${q(f.target!)} ${p}`);
        break;
      case "fifo":
        lines.push(`mkfifo ${p}`);
        break;
      default: {
        const b64 = f.b64 ?? Buffer.from(f.content ?? "").toString("base64");
        lines.push(`echo ${q(b64)} | base64 -d > ${p}`);
      }
    }
    if (f.type !== "symlink" && f.type !== "hardlink") {
      lines.push(`chmod ${(f.mode ?? (f.type === "dir" ? 0o755 : 0o644)).toString(8)} ${p}`);
    }
    if (f.uid !== undefined || f.gid !== undefined) lines.push(`chown -h ${f.uid ?? 0}:${f.gid ?? 0} ${p}`);
    touched.add(f.path);
  }
  // deepest first so that dating an entry does not change its parent afterwards
  const paths = [...touched].sort((a, b) => b.split("/").length - a.split("/").length);
  if (paths.length) lines.push(`touch -h -d @1704067200 ${paths.map(q).join(" ")}`);
  return lines.join("\n");
}

function record(c: SysCase): Recording[string] {
  const name = `layerlab-rec-${process.pid}`;
  docker(["rm", "-f", name]);
  const opts = ["run", "-d", "--name", name, "--pull", "never", "--hostname", c.hostname ?? "layerlab", "--network", "none"];
  if (c.memoryMiB) opts.push("--memory", `${c.memoryMiB}m`, "--memory-swap", `${c.memoryMiB}m`);
  for (const cap of c.capAdd ?? []) opts.push("--cap-add", cap);
  for (const g of c.groupAdd ?? []) opts.push("--group-add", String(g));
  for (const [k, v] of Object.entries(c.env ?? {})) opts.push("-e", `${k}=${v}`);
  if (c.user) opts.push("--user", c.user);
  const started = docker([...opts, "busybox:latest", "sleep", "1000"]);
  if (started.exit !== 0) throw new Error(`${c.name}: ${new TextDecoder().decode(started.stderr)}`);
  try {
    if (c.files?.length) {
      const s = docker(["exec", "-u", "0", name, "sh", "-c", setupScript(c.files)]);
      if (s.exit !== 0) throw new Error(`${c.name}: setup failed: ${new TextDecoder().decode(s.stderr)}`);
    }
    return c.steps.map((argv, i) => {
      const last = i === c.steps.length - 1;
      const r = docker(["exec", "-i", "-w", c.cwd ?? "/", name, ...argv], last ? (c.stdin ?? "") : "");
      return { stdout: decodeOutput(r.stdout), stderr: decodeOutput(r.stderr), exit: r.exit };
    });
  } finally {
    docker(["rm", "-f", name]);
  }
}

const groups = process.argv.slice(2);
const files = readdirSync(join(here, "sys-cases")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
for (const g of groups.length ? groups : files) {
  const { cases } = (await import(join(here, "sys-cases", g + ".ts"))) as { cases: SysCase[] };
  const out: Recording = {};
  for (const c of cases) {
    if (out[c.name]) throw new Error(`duplicate case ${g}/${c.name}`);
    out[c.name] = record(c);
  }
  writeFileSync(join(here, "sys-recorded", g + ".json"), JSON.stringify(out, null, 1) + "\n");
  console.log(`${g}: ${cases.length} cases`);
}
