/**
 * The legacy builder (DOCKER_BUILDKIT=0): every stage up to the target, in order; each step an
 * intermediate image whose parent is the previous one ("Step N/M :", " ---> Using cache",
 * " ---> Running in <id>", "Removing intermediate container"), `/bin/sh -c #(nop)` history
 * texts, and the cache found among the images themselves.
 */
import { familiarString } from "../api/reference";
import type { HistoryEntry } from "../api/types";
import { containerCreate } from "../daemon/create";
import { rfc3339 } from "../daemon/container/state";
import type { Daemon } from "../daemon/daemon";
import { removeContainerNow } from "../daemon/delete";
import { type Image, imageIdOf, shortId } from "../daemon/images/image";
import { lookupImage, parseRefOrThrow, refKey } from "../daemon/images/lookup";
import type { Backend } from "../fs/types";
import { humanSize } from "../cli/formatter/units";
import { sha256Hex } from "../util/sha256";
import { matchSources, viewOf } from "./copy-op";
import { type Instruction, InstructionError, parseInstruction } from "./dockerfile/instructions";
import { DockerfileError, nodeFromLine } from "./dockerfile/parser";
import { processWord } from "./dockerfile/lex";
import { execCopy, execRun, execWorkdir } from "./exec";
import { type BuildOutcome, type BuildRequest, isPredefinedArg, metaArgValues, parseAll, type Parsed, stageIndex } from "./request";
import { applyMetadata, clone, commandLine, DEFAULT_SHELL, expansionEnv, newStageState, runArgs, type StageState } from "./stage-state";
import { explainMiss, previousStep, recordBuild, type StepRecord } from "./why";
import { stageImage } from "./run-step";

const legacyCaches = new WeakMap<Daemon, Map<string, string>>();

/** The legacy builder's cache: step key -> image ID (part of the saved host). */
export function legacyCache(d: Daemon): Map<string, string> {
  let m = legacyCaches.get(d);
  if (!m) legacyCaches.set(d, (m = new Map()));
  return m;
}

/** Size of the tar the CLI sends: a 512-byte header per entry, contents in 512-byte blocks, 1 KiB end. */
export function contextTarSize(root: import("../fs/inode").Inode): number {
  let n = 1024;
  const visit = (d: import("../fs/inode").Inode) => {
    for (const c of d.entries!.values()) {
      n += 512;
      if (c.type === "file") n += Math.ceil((c.data?.length ?? 0) / 512) * 512;
      if (c.type === "dir") visit(c);
    }
  };
  visit(root);
  return n;
}

class StepError extends Error {}

export async function buildLegacy(d: Daemon, req: BuildRequest): Promise<BuildOutcome> {
  let buffered = "";
  const out = async (s: string) => {
    if (req.quiet) buffered += s;
    else await req.stdout.write(s);
  };
  const err = async (s: string) => {
    if (req.quiet && buffered) await req.stderr.write(buffered);
    buffered = "";
    await req.stderr.write(s);
  };
  const started = d.now();
  const steps: StepRecord[] = [];
  const report = { builder: "legacy" as const, source: req.source, target: req.target, imageId: null as string | null, tags: req.tags, startedAt: started, durationMs: 0, steps };
  const inContext = req.dockerfileInContext ? 0 : 512 + Math.ceil(new TextEncoder().encode(req.dockerfile).length / 512) * 512;
  await out(`Sending build context to Docker daemon ${humanSize(contextTarSize(req.context.root) + inContext).padStart(8)}\r\r\n`);
  const failed = async (msg: string): Promise<BuildOutcome> => {
    await err(msg.endsWith("\n") ? msg : msg + "\n");
    report.durationMs = d.now() - started;
    recordBuild(d, { ...report, error: msg });
    return { imageId: null, exit: 1 };
  };
  let parsed: Parsed;
  try {
    parsed = parseAll(req.dockerfile);
  } catch (e) {
    if (e instanceof InstructionError) return failed(`Error response from daemon: dockerfile parse error line ${e.loc.startLine}: ${legacyText(e.message)}`);
    if (e instanceof DockerfileError) return failed(`Error response from daemon: failed to parse ${req.dockerfileName}: ${e.message}`);
    throw e;
  }
  const escape = parsed.parse.escape;
  const { stages } = parsed.file;
  const meta = metaArgValues(parsed.file, req.buildArgs, escape);
  let last = stages.length - 1;
  if (req.target) {
    last = stages.findIndex((s) => s.name === req.target.toLowerCase());
    if (last < 0) return failed(`Error response from daemon: failed to reach build target ${req.target} in Dockerfile`);
  }
  const total = stages.slice(0, last + 1).reduce((n, s) => n + 1 + s.commands.length, 0) + (Object.keys(req.labels).length ? 1 : 0);
  const cache = legacyCache(d);
  const stageImages: Image[] = [];
  const consumed = new Set<string>();
  for (const a of parsed.file.metaArgs) for (const kv of a.args) consumed.add(kv.key);
  let step = 0;
  let current: Image | null = null;
  let lastKey = "";
  try {
    for (let i = 0; i <= last; i++) {
      const st = stages[i];
      step++;
      await out(`Step ${step}/${total} : ${st.original}\n`);
      const baseName = processWord(st.baseName, meta, escape);
      const dep = stageIndex(stages, baseName, i);
      let base: Image | null = null;
      if (dep >= 0) base = stageImages[dep];
      else if (baseName !== "scratch") {
        base = lookupImage(d, baseName) ?? d.pull?.(baseName) ?? null;
        if (!base) throw new StepError(`Error response from daemon: pull access denied for ${baseName.split(":")[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
      }
      let state = newStageState(base);
      current = base;
      lastKey = base?.id ?? "scratch";
      const triggers = base?.config.config.OnBuild ?? [];
      if (!triggers.length) await out(base ? ` ---> ${shortId(base.id)}\n` : " ---> \n");
      const commands: { ins: Instruction; trigger: boolean }[] = [];
      if (triggers.length) {
        await out(`# Executing ${triggers.length} build trigger${triggers.length === 1 ? "" : "s"}\n`);
        for (const expr of triggers) commands.push({ ins: parseInstruction(Object.assign(nodeFromLine(expr, escape), { startLine: st.startLine, endLine: st.endLine })) as Instruction, trigger: true });
        state.config.OnBuild = null;
      }
      for (const c of st.commands) commands.push({ ins: c, trigger: false });
      if (i === last && Object.keys(req.labels).length) {
        const line = `LABEL ${Object.entries(req.labels).sort().map(([k, v]) => `"${k}"='${v}'`).join(" ")}`;
        commands.push({ ins: parseInstruction(Object.assign(nodeFromLine(line, escape), { startLine: 0, endLine: 0 })) as Instruction, trigger: false });
      }
      let idx = 1;
      let parentMissed: string | null = null;
      let triggersPending = triggers.length > 0;
      for (const { ins, trigger } of commands) {
        if (!trigger && triggersPending) {
          triggersPending = false;
          await out(` ---> ${shortId(current!.id)}\n`);
        }
        if (!trigger) {
          step++;
          await out(`Step ${step}/${total} : ${ins.original.trim()}\n`);
        }
        idx++;
        const r = await legacyStep(d, req, state, ins, { escape, meta, trigger, stageImages, stages, stageIdx: i, out, cache, parent: current, parentKey: lastKey, consumed });
        state = r.state;
        current = r.image;
        lastKey = r.key;
        const prev = previousStep(d, req.source, "legacy", st.name || `stage-${i}`, idx);
        const info = { instruction: ins.original.trim(), args: Object.fromEntries(runArgs(state)), files: r.files };
        const layer = r.layer ? { diffId: r.layer.diffId, chainId: r.layer.chainId, size: r.layer.size } : null;
        if (r.hit) steps.push({ stage: st.name || `stage-${i}`, index: idx, ...info, cache: "HIT", durationMs: 0, layer, key: r.key });
        else {
          steps.push({ stage: st.name || `stage-${i}`, index: idx, ...info, cache: "MISS", reason: explainMiss(prev, info, { noCache: req.noCache, parentMissed }), durationMs: r.ms, layer, key: r.key });
          parentMissed ??= ins.original.trim();
        }
        if (!trigger) await out(` ---> ${shortId(current!.id)}\n`);
      }
      if (triggersPending) await out(` ---> ${shortId(current!.id)}\n`);
      if (!current) {
        // FROM scratch with nothing on it
        current = registerImage(d, state, null, "");
      }
      stageImages[i] = current;
    }
  } catch (e) {
    if (e instanceof StepError) return failed(e.message);
    if (e instanceof Error && (e.name === "Killed" || e.name === "ExitRequest")) throw e;
    return failed(e instanceof Error ? e.message : String(e));
  }
  const unused = [...req.buildArgs.keys()].filter((k) => !consumed.has(k) && !isPredefinedArg(k));
  if (unused.length) await out(`[Warning] One or more build-args [${unused.join(" ")}] were not consumed\n`);
  const id = current!.id;
  await out(`Successfully built ${shortId(id)}\n`);
  for (const t of req.tags) {
    const ref = parseRefOrThrow(t);
    d.images.setTag(refKey(ref), id);
    await out(`Successfully tagged ${familiarString(ref.tag || ref.digest ? ref : { ...ref, tag: "latest" })}\n`);
  }
  report.imageId = id;
  report.durationMs = d.now() - started;
  recordBuild(d, report);
  return { imageId: id, exit: 0 };
}

function legacyText(m: string): string {
  return m.replace(/^unknown flag: /, "Unknown flag: ");
}

function registerImage(d: Daemon, s: StageState, parent: Image | null, container: string, containerConfig?: unknown): Image {
  const created = rfc3339(d.now());
  const config = {
    architecture: "amd64",
    os: "linux",
    ...(s.author ? { author: s.author } : {}),
    config: clone(s.config),
    container,
    container_config: containerConfig as never,
    created,
    docker_version: "20.10.24+dfsg1",
    history: clone(s.history),
    rootfs: { type: "layers" as const, diff_ids: [...s.diffIds] },
  };
  if (!container) delete (config as { container?: string }).container;
  const id = imageIdOf(config);
  return d.images.add({ id, config, top: s.top, parent: parent?.id ?? "" });
}

interface StepCtx {
  escape: string;
  meta: Map<string, string>;
  trigger: boolean;
  stageImages: Image[];
  stages: import("./dockerfile/instructions").Stage[];
  stageIdx: number;
  out: (s: string) => Promise<void>;
  cache: Map<string, string>;
  parent: Image | null;
  parentKey: string;
  consumed: Set<string>;
}

async function legacyStep(d: Daemon, req: BuildRequest, s: StageState, ins: Instruction, x: StepCtx) {
  const t0 = d.now();
  let layerTree = null as import("../fs/inode").Inode | null;
  let nop = "";
  let files: Record<string, string> | undefined;
  let src: Backend | null = null;
  let runCmd: string[] | null = null;
  const next = { ...s, config: clone(s.config), diffIds: [...s.diffIds], history: clone(s.history), args: new Map(s.args) };
  if (ins.kind === "ARG") {
    for (const a of ins.args) {
      x.consumed.add(a.key);
      const given = req.buildArgs.get(a.key);
      let value: string | undefined;
      if (given !== undefined && given !== null) value = given;
      else if (a.value !== undefined) value = processWord(a.value, expansionEnv(next), x.escape);
      else if (x.meta.has(a.key)) value = x.meta.get(a.key);
      next.args.set(a.key, value);
    }
    nop = `#(nop)  ${ins.original.trim()}`;
  } else if (ins.kind === "RUN") {
    runCmd = commandLine(next, ins);
  } else if (ins.kind === "COPY" || ins.kind === "ADD") {
    if (ins.kind === "COPY" && ins.from) {
      const from = processWord(ins.from, x.meta, x.escape);
      const j = stageIndex(x.stages, from, x.stageIdx);
      const img = j >= 0 ? x.stageImages[j] : lookupImage(d, from);
      if (!img) throw new StepError(`invalid from flag value ${from}: pull access denied for ${from}, repository does not exist or may require 'docker login'`);
      src = viewOf(img.top);
    } else src = viewOf(null, req.context.root);
    if (ins.chmod) throw new StepError("the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
    files = {};
    const env = expansionEnv(next);
    for (const p of ins.sources) {
      const path = processWord(p, env, x.escape);
      const m = matchSources(src, path);
      if (m.length === 0) throw new StepError(`${ins.kind} failed: file not found in build context or excluded by .dockerignore: stat ${path}: file does not exist`);
      for (const parts of m) files[parts.join("/")] = sha256Hex(JSON.stringify(snapshotOf(src, parts)));
    }
    const only = Object.keys(files);
    const rawDest = processWord(ins.dest, env, x.escape);
    if (ins.sources.length + ins.contents.length > 1 && !rawDest.endsWith("/")) throw new StepError("When using COPY with more than one source file, the destination must be a directory and end with a /");
    const kind = only.length > 1 ? "multi" : src.lstat(only[0]?.split("/") ?? [])?.type === "dir" ? "dir" : "file";
    const hash = sha256Hex(JSON.stringify(Object.values(files)));
    const dest = processWord(ins.dest, env, x.escape);
    nop = `#(nop) ${ins.kind} ${ins.chown ? `--chown=${ins.chown} ` : ""}${kind}:${hash} in ${dest} `;
  } else {
    const text = applyMetadata(next, ins, x.escape);
    if (ins.kind === "WORKDIR") nop = `#(nop) WORKDIR ${next.config.WorkingDir}`;
    else nop = `#(nop)  ${legacyNop(ins, text ?? "")}`;
  }
  const predefinedGiven = [...req.buildArgs].filter(([n, v]) => isPredefinedArg(n) && v !== null).map(([n]) => n);
  // metadata steps are committed with a "#(nop)" command behind the shell in force (SHELL included)
  const createdBy = runCmd ? runHistory(next, runCmd, predefinedGiven) : `${(next.config.Shell ?? DEFAULT_SHELL).join(" ")} ${nop}`;
  const key = sha256Hex(JSON.stringify([x.parentKey, createdBy, runCmd ? next.config.Env : null, files ?? null, next.config.User, next.config.WorkingDir]));
  const hitId = req.noCache ? undefined : x.cache.get(key);
  const hit = hitId ? d.images.get(hitId) : undefined;
  if (hit) {
    if (!x.trigger) await x.out(" ---> Using cache\n");
    return { state: stateOf(hit, next), image: hit, key, hit: true, ms: 0, files, layer: hit.top !== x.parent?.top ? hit.top : null };
  }
  let container = "";
  if (ins.kind === "RUN") {
    const cid = { v: "" };
    const output = redStderr(x.out);
    const r = await execRun(d, next, ins, [...req.buildArgs].filter(([n, v]) => isPredefinedArg(n) && v !== null) as [string, string][], output.stdout, "", async (id) => {
      cid.v = id;
      await x.out(` ---> Running in ${id.slice(0, 12)}\n`);
    }, output.stderr);
    await output.flush();
    container = cid.v;
    if (r.exit !== 0 || r.error) {
      throw new StepError(`The command '${runCmd!.length && ins.prependShell ? runCmd!.join(" ") : JSON.stringify(runCmd)}' returned a non-zero code: ${r.exit}`);
    }
    await x.out(`Removing intermediate container ${container.slice(0, 12)}\n`);
    layerTree = r.rw;
  } else if (ins.kind === "COPY" || ins.kind === "ADD") {
    try {
      layerTree = execCopy(next, ins, src!, x.escape, d.now());
    } catch (e) {
      throw new StepError((e as Error).message);
    }
  } else {
    if (ins.kind === "WORKDIR") layerTree = execWorkdir(next, d.now());
    // metadata steps commit a container that never ran
    const img = stageImage(d, next);
    const id = containerCreate(d, { image: img.id, config: { Cmd: [...(next.config.Shell ?? DEFAULT_SHELL), nop], Entrypoint: [""] }, hostConfig: {} }, img).Id;
    container = id;
    if (!x.trigger) await x.out(` ---> Running in ${id.slice(0, 12)}\n`);
    removeContainerNow(d, d.containers.get(id)!, true);
    d.images.images.delete(img.id);
    if (!x.trigger) await x.out(`Removing intermediate container ${id.slice(0, 12)}\n`);
  }
  const layer = layerTree && (layerTree.entries!.size || ins.kind !== "WORKDIR") ? d.layers.register(layerTree, next.top) : null;
  const h: HistoryEntry = { created: rfc3339(d.now()), created_by: createdBy };
  if (layer) {
    next.top = layer;
    next.diffIds.push(layer.diffId);
  } else if (ins.kind !== "RUN") h.empty_layer = true;
  next.history.push(h);
  const containerConfig = { ...clone(next.config), Cmd: runCmd ? runCmd : [...(next.config.Shell ?? DEFAULT_SHELL), nop] };
  const image = registerImage(d, next, x.parent, container, containerConfig);
  x.cache.set(key, image.id);
  return { state: next, image, key, hit: false, ms: d.now() - t0, files, layer };
}

function legacyNop(ins: Instruction, text: string): string {
  if (ins.kind === "EXPOSE") return `EXPOSE ${ins.ports.join(" ")}`;
  if (ins.kind === "MAINTAINER") return `MAINTAINER ${ins.maintainer}`;
  return text;
}

/**
 * A RUN's history text (moby's prependEnvOnCmd): when any build argument is in force, including
 * a proxy argument given with --build-arg, the command is prefixed by "|<n>" and the n declared
 * arguments, sorted; undeclared proxy arguments count for the prefix but are not listed.
 */
function runHistory(s: StageState, argv: string[], predefinedGiven: string[]): string {
  const listed = runArgs(s).map(([k, v]) => `${k}=${v}`).sort();
  const env = new Set((s.config.Env ?? []).map((e) => e.split("=")[0]));
  const any = listed.length > 0 || predefinedGiven.some((k) => !s.args.has(k) && !env.has(k));
  return any ? [`|${listed.length}`, ...listed, ...argv].join(" ") : argv.join(" ");
}

/** The stage state an image already made stands for. */
function stateOf(img: Image, s: StageState): StageState {
  return { ...s, config: clone(img.config.config), top: img.top, diffIds: [...img.config.rootfs.diff_ids], history: clone(img.config.history) };
}

function snapshotOf(src: Backend, parts: string[]): unknown {
  const st = src.lstat(parts);
  if (!st) return null;
  if (st.type === "dir") return { t: "d", m: st.mode, e: src.readdir(parts).sort().map((n) => [n, snapshotOf(src, [...parts, n])]) };
  if (st.type === "file") return { t: "f", m: st.mode, h: sha256Hex(src.readFile(parts)) };
  return { t: st.type, to: st.target };
}

/** The legacy builder shows a RUN's stderr in red. */
function redStderr(out: (s: string) => Promise<void>) {
  const dec = new TextDecoder();
  const text = (d: string | Uint8Array) => (typeof d === "string" ? d : dec.decode(d));
  const mk = (wrap: boolean) => ({
    async write(d: string | Uint8Array) {
      await out(wrap ? `\x1b[91m${text(d)}\x1b[0m` : text(d));
    },
    close() {},
    dup() {
      return this;
    },
  });
  return { stdout: mk(false), stderr: mk(true), flush: async () => {} };
}
