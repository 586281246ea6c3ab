/**
 * What the browser benches share: `astro preview` of dist/ (built first when missing), headless
 * Chromium, and the page-side wait for the sandbox's first prompt.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const dist = join(root, "dist");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Serves dist/ with `astro preview` on a free port. Astro runs one preview server per project: when
 * one is running already, it is used as it is (and left running).
 */
export async function startPreview(): Promise<{ url: string; stop(): void }> {
  if (!existsSync(join(dist, "sandbox", "index.html"))) {
    console.log("browser: building the site (astro build)");
    if (spawnSync("astro build", { cwd: root, shell: true, stdio: "inherit" }).status !== 0) throw new Error("astro build failed");
  }
  const port = await freePort();
  const child: ChildProcess = spawn("npx", ["astro", "preview", "--host", "127.0.0.1", "--port", String(port)], { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  let exited = false;
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  child.on("exit", () => (exited = true));
  const stop = () => {
    if (!exited && child.pid) process.kill(-child.pid);
  };
  const answers = async (url: string) => {
    try {
      return (await fetch(`${url}/sandbox/`)).ok;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 150; i++) {
    const url = `http://127.0.0.1:${port}`;
    if (await answers(url)) return { url, stop };
    if (exited) {
      const running = /Another astro preview server is already running[\s\S]*?URL:\s+(http:\/\/\S+)/.exec(output)?.[1];
      if (running && (await answers(running))) return { url: running.replace(/\/$/, ""), stop: () => {} };
      throw new Error(`astro preview did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error("astro preview did not answer");
}

export const progress = (what: string) => process.stderr.write(`browser: ${what}\n`);
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


/** Resolves in the page with performance.now() at the first frame the terminal shows a prompt. */
export const READY_PROMPT = `new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector("layerlab-terminal");
    if (el && el.dataset.state === "ready" && (el.querySelector(".xterm-rows")?.textContent ?? "").includes("$")) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

