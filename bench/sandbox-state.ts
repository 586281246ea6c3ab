/**
 * The sandbox's saved state: how large a host's export is (JSON, DEFLATE, as a permalink) and how
 * long exporting and loading take, for a fresh host and for one with a few images, containers, a
 * volume and a network. Export runs after every command in the sandbox; load on reload and undo.
 */
import { createHost, type Host } from "../simulator/host/host";
import { exportHost, loadHost } from "../simulator/host/state";
import { encodePermalink, STATE_LINK_LIMIT } from "../src/sandbox/permalink";
import type { BenchModule, BenchRow } from "./types";

const BUSY = [
  "mkdir app && cd app && printf 'FROM busybox\\nCOPY a.txt /a.txt\\nRUN echo built > /b.txt\\nRUN dd if=/dev/zero of=/big bs=1024 count=100 && rm /big\\n' > Dockerfile && echo one > a.txt",
  "cd app && docker build -q -t demo .",
  "cd app && echo two > a.txt && docker build -q -t demo:2 .",
  "docker volume create data",
  "docker network create app",
  "docker run -d --name web --network app -v data:/data -p 8080:80 busybox httpd -f",
  "docker run -d --name sleeper busybox sleep 1000",
  "docker run --name job demo sh -c 'seq 1 200'",
  "docker create --name idle demo:2",
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(label: string, host: Host, runs: number): Promise<BenchRow[]> {
  const exportMs: number[] = [];
  const loadMs: number[] = [];
  let json = "";
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    json = JSON.stringify(exportHost(host));
    exportMs.push(performance.now() - t);
    const parsed = JSON.parse(json);
    t = performance.now();
    loadHost(parsed);
    loadMs.push(performance.now() - t);
  }
  const link = encodePermalink(JSON.parse(json), [], { stateLimit: Infinity });
  const linkChars = link.ok ? link.fragment.length : NaN;
  return [
    { metric: `${label}: export`, value: new TextEncoder().encode(json).length, unit: "B JSON" },
    { metric: `${label}: state link`, value: linkChars, unit: "chars", note: linkChars <= STATE_LINK_LIMIT ? "fits a state link" : `over ${STATE_LINK_LIMIT}: a commands link is made instead` },
    { metric: `${label}: export time`, value: median(exportMs), unit: "ms", note: `median of ${runs}, exportHost + JSON.stringify` },
    { metric: `${label}: load time`, value: median(loadMs), unit: "ms", note: `median of ${runs}, loadHost (running containers start again)` },
  ];
}

const sandboxState: BenchModule = {
  name: "sandbox-state",
  description: "saved host size and export/load time (sandbox reload, undo, permalinks)",
  async run() {
    const fresh = createHost();
    const busy = createHost();
    for (const line of BUSY) {
      const r = await busy.run(line, { cwd: "/home/learner" });
      if (r.exit !== 0) throw new Error(`${line}: ${r.stderr}`);
    }
    return [...(await measure("fresh host", fresh, 9)), ...(await measure("2 images, 4 containers, volume, network", busy, 9))];
  },
};

export default sandboxState;
