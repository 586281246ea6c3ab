#!/usr/bin/env node
// Runs the steps of one scenario and writes its transcript (JSONL, raw) to a file.
// Usage: node run-steps.mjs <steps.sh> <out.jsonl> <work-dir> <wrapper-bin-dir>
// Each step is one line of steps.sh (blank lines and # comment lines are not steps), run by its
// own `bash -c` in <work-dir> with stdin from /dev/null, HOME=/root LC_ALL=C TZ=UTC and
// <wrapper-bin-dir> first on PATH, in a process group of its own that is killed after
// LAYERLAB_STEP_TIMEOUT seconds (default 60; the step is then recorded with exit 124).
// When LAYERLAB_NETNS / LAYERLAB_MNTNS name the private recording engine's network and mount
// namespaces, the step runs inside them: 127.0.0.1, published ports and /tmp are that engine's.
// A step that makes an image (build, commit, import) starts in a later second than the last one
// ended: Docker keeps an image's creation time in whole seconds and lists images of the same
// second in no fixed order, which a person typing never meets but a quick replay would.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';

const [stepsFile, outFile, workDir, wrapperBin] = process.argv.slice(2);
if (!stepsFile || !outFile || !workDir || !wrapperBin) {
  process.stderr.write('usage: run-steps.mjs <steps.sh> <out.jsonl> <work-dir> <wrapper-bin-dir>\n');
  process.exit(2);
}
const timeoutMs = Number(process.env.LAYERLAB_STEP_TIMEOUT ?? '60') * 1000;

/** Steps are the lines that are neither blank nor comments, in order. */
function readSteps(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

function stepEnv() {
  const env = {
    PATH: `${wrapperBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: '/root',
    LC_ALL: 'C',
    TZ: 'UTC',
  };
  for (const name of ['DOCKER_HOST', 'LAYERLAB_DOCKER_CLIENT', 'LAYERLAB_DOCKER_BUILDKIT_CLIENT']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return env;
}

function runStep(cmd) {
  return new Promise((resolve) => {
    // With a private engine the step runs in that engine's network and mount namespaces.
    const netns = process.env.LAYERLAB_NETNS;
    const mntns = process.env.LAYERLAB_MNTNS;
    const enter = [netns ? `--net=${netns}` : '', mntns ? `--mount=${mntns}` : ''].filter(Boolean);
    const [file, args] =
      enter.length > 0 ? ['nsenter', [...enter, `--wdns=${workDir}`, 'bash', '-c', cmd]] : ['bash', ['-c', cmd]];
    const child = spawn(file, args, {
      cwd: enter.length > 0 ? '/' : workDir,
      env: stepEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = [];
    const err = [];
    let timedOut = false;
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* the group is already gone */
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let exit = code ?? 128 + (signal === 'SIGKILL' ? 9 : 15);
      if (timedOut) {
        exit = 124;
        process.stderr.write(`  step timed out after ${timeoutMs / 1000}s: ${cmd}\n`);
      }
      resolve({
        cmd,
        exit,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** One line in the layout of the shared goldens: {"cmd": ..., "exit": ..., "stdout": ..., "stderr": ...}. */
function jsonLine(step) {
  const s = JSON.stringify;
  return `{"cmd": ${s(step.cmd)}, "exit": ${step.exit}, "stdout": ${s(step.stdout)}, "stderr": ${s(step.stderr)}}`;
}

const MAKES_IMAGE = /\bdocker\s+(?:(?:image\s+)?build|buildx\s+build|(?:container\s+)?commit|(?:image\s+)?import)\b/;

/** Waits until the wall clock is in a later second than `ms`. */
async function nextSecondAfter(ms) {
  const wait = (Math.floor(ms / 1000) + 1) * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

const steps = readSteps(readFileSync(stepsFile, 'utf8'));
const lines = [];
let lastImageStepEnd = 0;
for (const cmd of steps) {
  const makesImage = MAKES_IMAGE.test(cmd);
  if (makesImage) await nextSecondAfter(lastImageStepEnd);
  const result = await runStep(cmd);
  if (makesImage) lastImageStepEnd = Date.now();
  lines.push(jsonLine(result));
}
const tmp = `${outFile}.partial`;
writeFileSync(tmp, lines.map((l) => `${l}\n`).join(''));
renameSync(tmp, outFile);
