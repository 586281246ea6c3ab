/**
 * The BuildKit builder: the Dockerfile as a graph of stages, only the stages the target needs,
 * independent stages at the same time, each step keyed for the cache (RUN by its command, env
 * and parent; COPY/ADD by the checksums of their sources), CACHED where the key is known, plain
 * progress on stderr, and Docker 28's error block when a step fails.
 */
import { parseNormalizedNamed, referenceString } from "../api/reference";
import type { HistoryEntry, ImageConfig } from "../api/types";
import { rfc3339 } from "../daemon/container/state";
import type { Daemon } from "../daemon/daemon";
import { type Image, imageIdOf } from "../daemon/images/image";
import { lookupImage, parseRefOrThrow, refKey } from "../daemon/images/lookup";
import type { Backend } from "../fs/types";
import type { Layer } from "../snapshots/layers";
import { sha256Hex } from "../util/sha256";
import { parsePlatform, type Platform, runsOnHost, samePlatform, shortPlatform } from "../distribution/platform";
import { buildCacheOf } from "./cache";
import { contentChecksum } from "./context";
import { matchSources, NotFoundError, viewOf } from "./copy-op";
import { DockerfileError, nodeFromLine } from "./dockerfile/parser";
import { type Instruction, InstructionError, parseInstruction, type Stage } from "./dockerfile/instructions";
import { type Env, processWord } from "./dockerfile/lex";
import { copyDest, execCopy, execRun, execWorkdir, resolveChown, runEnv } from "./exec";
import { PlainProgress, sourceExcerpt, type Vertex, vertexLog } from "./progress";
import { type BuildOutcome, type BuildRequest, isPredefinedArg, isStep, metaArgValues, neededStages, parseAll, type Parsed, stageIndex, stageName } from "./request";
import { applyMetadata, clone, commandLine, expansionEnv, newStageState, runArgs, type StageState } from "./stage-state";
import { explainMiss, previousStep, recordBuild, type StepRecord } from "./why";

const COMMENT = "buildkit.dockerfile.v0";

class BuildFailure extends Error {
  constructor(
    message: string,
    readonly vertex: Vertex | null,
    readonly loc: { startLine: number; endLine: number } | null,
    readonly logs: string[] = [],
  ) {
    super(message);
  }
}

interface StageResult {
  state: StageState;
  key: string;
  /** The steps that made this stage's result, oldest first (what an inline cache records). */
  chain: InlineCacheStep[];
}

/**
 * One step of an inline cache: its cache key, the index of its layer in the image's
 * rootfs.diff_ids (-1: the step made no layer) and when the layer was made.
 */
type InlineCacheStep = [key: string, layer: number, created: number];

/** The image config field BuildKit's inline cache lives in (moby's "moby.buildkit.cache.v0"). */
export const INLINE_CACHE_FIELD = "moby.buildkit.cache.v0";

/** Whether a build-arg value turns the inline cache export on (BuildKit's strconv.ParseBool). */
function truthy(v: string | null | undefined): boolean {
  return v !== null && v !== undefined && ["1", "t", "T", "true", "TRUE", "True"].includes(v);
}

/** The steps an image's inline cache offers, by cache key, with their layers. */
function inlineCacheOf(img: Image): Map<string, { layer: Layer | null; created: number }> {
  const out = new Map<string, { layer: Layer | null; created: number }>();
  const raw = (img.config as unknown as Record<string, unknown>)[INLINE_CACHE_FIELD];
  if (typeof raw !== "string") return out;
  let steps: InlineCacheStep[];
  try {
    steps = (JSON.parse(raw) as { steps: InlineCacheStep[] }).steps;
  } catch {
    return out;
  }
  const layers: Layer[] = [];
  for (let l = img.top; l; l = l.parent) layers.unshift(l);
  for (const [key, index, created] of steps) {
    if (index >= 0 && !layers[index]) continue;
    out.set(key, { layer: index >= 0 ? layers[index] : null, created });
  }
  return out;
}

/** Layers a step made, with the time each was made (history "created"). */
interface Made {
  state: StageState;
  created: Map<string, number>;
}

function fullRef(name: string): string {
  const r = parseNormalizedNamed(name);
  return r.ok ? referenceString(r.ref) : name;
}

/**
 * The history text BuildKit's Dockerfile frontend commits for COPY and ADD: the instruction,
 * --chown and --chmod, the expanded sources, here-document names and the destination; other
 * flags (--from, --link) are not part of it ("COPY /app /app" for COPY --from=build /app /app).
 */
function copyHistoryText(c: Extract<Instruction, { kind: "COPY" | "ADD" }>, env: Env, escape: string): string {
  const word = (w: string) => processWord(w, env, escape);
  const words: string[] = [c.kind];
  if (c.chown) words.push(`--chown=${word(c.chown)}`);
  if (c.chmod) words.push(`--chmod=${word(c.chmod)}`);
  for (const s of c.sources) words.push(word(s));
  for (const ct of c.contents) words.push(`<<${ct.path}`);
  words.push(word(c.dest));
  return words.join(" ");
}

export async function buildKit(d: Daemon, req: BuildRequest): Promise<BuildOutcome> {
  const mp = req.multi;
  const p = mp?.progress ?? new PlainProgress(req.progress, () => d.now());
  /** A vertex every platform of a multi-platform build shares is shown once. */
  const firstTime = (title: string): boolean => {
    if (!mp) return true;
    if (mp.shown.has(title)) return false;
    mp.shown.add(title);
    return true;
  };
  const started = d.now();
  const cache = buildCacheOf(d);
  const steps: StepRecord[] = [];
  const report = { builder: "buildkit" as const, source: req.source, target: req.target, imageId: null as string | null, tags: req.tags, startedAt: started, durationMs: 0, steps };
  if (firstTime("[internal] load build definition")) {
    const def = p.start(`[internal] load build definition from ${req.dockerfileName}`);
    p.info(def, `transferring dockerfile: ${new TextEncoder().encode(req.dockerfile).length}B done`);
    await p.done(def);
    const ign = p.start("[internal] load .dockerignore");
    p.info(ign, `transferring context: 2B done`);
    await p.done(ign);
  }
  // what the client sent is cached too (BuildKit's source.local records)
  cache.source(`local:dockerfile:${req.source}:${req.dockerfileName}`, new TextEncoder().encode(req.dockerfile).length, d.now(), "local source for dockerfile");
  cache.source(`local:dockerignore:${req.source}`, req.context.ignoreSize, d.now(), "local source for dockerignore");
  const fail = async (message: string, loc: { startLine: number; endLine: number } | null, box?: { title: string; logs: string[] }): Promise<BuildOutcome> => {
    let s = "";
    if (box) s += `------\n > ${box.title}:\n${box.logs.map((l) => l + "\n").join("")}------\n`;
    if (loc) s += sourceExcerpt(req.dockerfileName, req.dockerfile, loc.startLine, loc.endLine);
    s += `ERROR: failed to solve: ${message}\n`;
    await req.progress.write(s);
    report.durationMs = d.now() - started;
    recordBuild(d, { ...report, error: message });
    return { imageId: null, exit: 1 };
  };
  let parsed: Parsed;
  try {
    parsed = parseAll(req.dockerfile);
  } catch (e) {
    if (e instanceof InstructionError) return fail(`dockerfile parse error on line ${e.loc.startLine}: ${e.message}`, e.loc);
    if (e instanceof DockerfileError) return fail(e.message, { startLine: e.startLine, endLine: e.endLine });
    throw e;
  }
  const escape = parsed.parse.escape;
  const { stages } = parsed.file;
  const meta = metaArgValues(parsed.file, req.buildArgs, escape, mp?.platform);
  let baseNames: string[];
  try {
    baseNames = stages.map((s) => processWord(s.baseName, meta, escape));
  } catch (e) {
    return fail((e as Error).message, stages[0]);
  }
  let target = stages.length - 1;
  if (req.target) {
    target = stages.findIndex((s) => s.name === req.target.toLowerCase());
    if (target < 0) return fail(`target stage "${req.target}" could not be found`, null);
  }
  const needed = neededStages(stages, target, baseNames);
  // a multi-platform build: each stage's platform (FROM --platform, or the target's), and the
  // label its steps carry ("[linux/arm64 2/3]", "[linux/amd64->arm64 build 2/3]")
  const stagePlatform = (i: number): Platform | null => {
    if (!mp) return null;
    const given = stages[i].platform ? processWord(stages[i].platform, meta, escape) : "";
    if (!given) return mp.platform;
    try {
      return parsePlatform(given);
    } catch {
      return mp.platform;
    }
  };
  const platformLabel = (i: number): string => {
    const sp = stagePlatform(i);
    if (!mp || !mp.label || !sp) return "";
    const t = parsePlatform(shortPlatform(mp.platform));
    const arrow = samePlatform(sp, t) ? "" : "->" + (t.os === sp.os ? [t.architecture, ...(t.variant ? [t.variant] : [])].join("/") : shortPlatform(t));
    return `${shortPlatform(sp)}${arrow} `;
  };
  const imageKey = (name: string, i: number) => (mp ? `${name} ${shortPlatform(stagePlatform(i)!)}` : name);
  // base images, and images COPY --from names
  const images = new Map<string, Image | null>();
  const imageRefs = new Map<string, { name: string; stage: number; ref: string | null; error?: string }>();
  const wantImage = (name: string, i: number) => {
    const k = imageKey(name, i);
    if (name === "scratch" || images.has(k)) return;
    if (mp) {
      // BuildKit in its container resolves the image in the registry, for the stage's platform
      const r = mp.resolveImage(name, stagePlatform(i)!);
      images.set(k, r && "image" in r ? r.image : null);
      imageRefs.set(k, { name, stage: i, ref: r && "ref" in r ? r.ref : null, ...(r && "error" in r ? { error: r.error } : {}) });
      return;
    }
    // a base image the engine lacks is pulled (from the catalog, the simulated registry)
    images.set(k, lookupImage(d, name) ?? d.pull?.(name) ?? null);
    imageRefs.set(k, { name, stage: i, ref: null });
  };
  for (const i of needed) {
    if (stageIndex(stages, baseNames[i], i) < 0) wantImage(baseNames[i], i);
    for (const c of stages[i].commands) if (c.kind === "COPY" && c.from) {
      const from = processWord(c.from, meta, escape);
      if (stageIndex(stages, from, i) < 0) wantImage(from, i);
    }
  }
  for (const [k, img] of images) {
    const { name, stage } = imageRefs.get(k)!;
    const title = `[${mp?.label ? shortPlatform(stagePlatform(stage)!) + " " : ""}internal] load metadata for ${fullRef(name.includes(":") || name.includes("@") ? name : name + ":latest")}`;
    if (img && !firstTime(title)) continue;
    const v = p.start(title);
    const why = imageRefs.get(k)?.error;
    if (!img && why) {
      // the repository exists but has no image for the stage's platform
      const ref = fullRef(name.includes(":") || name.includes("@") ? name : name + ":latest");
      await p.error(v, `${ref}: failed to resolve source metadata for ${ref}: ${why}`);
      return fail(`${name}: failed to resolve source metadata for ${ref}: ${why}`, null);
    }
    if (!img) {
      const ref = fullRef(name);
      await p.error(v, `${ref}: failed to resolve source metadata for ${ref}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`);
      return fail(`${name}: failed to resolve source metadata for ${fullRef(name)}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, null);
    }
    await p.done(v);
  }
  // --cache-from: steps an image's inline cache offers count as cached; an image without one
  // offers nothing, and a name the engine does not have is looked up in its registry
  const imported = new Map<string, { layer: Layer | null; created: number }>();
  const failedImports: string[] = [];
  for (const ref of req.cacheFrom ?? []) {
    const v = p.start(`importing cache manifest from ${ref}`);
    const img = lookupImage(d, ref);
    if (!img) {
      const r = parseNormalizedNamed(ref);
      const host = r.ok && r.ref.domain !== "docker.io" ? r.ref.domain : "registry-1.docker.io";
      const repo = r.ok ? r.ref.path : ref;
      const tag = r.ok ? (r.ref.digest || r.ref.tag || "latest") : "latest";
      const name = host.replace(/:\d+$/, "");
      await p.error(v, `failed to do request: Head "https://${host}/v2/${repo}/manifests/${tag}": dial tcp: lookup ${name} on 10.0.2.3:53: read udp 10.0.2.15:53420->10.0.2.3:53: i/o timeout`);
      await req.progress.write("\n");
      failedImports.push(v.title);
      continue;
    }
    for (const [k, step] of inlineCacheOf(img)) imported.set(k, step);
    await p.done(v);
  }
  const inlineCache = truthy(req.buildArgs.get("BUILDKIT_INLINE_CACHE"));
  const multi = stages.length > 1;
  const results = new Map<number, Promise<StageResult>>();
  const fromShown = new Set<string>();
  let contextShown: Promise<void> | null = null;
  const ctxView: Backend = viewOf(null, req.context.root);
  let failure: BuildFailure | null = null;
  const usedArgs = new Set<string>();
  const missedInBuild = new Map<number, string>();

  const showContext = (): Promise<void> => {
    if (!contextShown) {
      // every platform of a multi-platform build reads the same context
      if (!firstTime("[internal] load build context")) return (contextShown = Promise.resolve());
      contextShown = (async () => {
        const v = p.start("[internal] load build context");
        p.info(v, `transferring context: ${req.context.size}B done`);
        cache.source(`local:context:${req.source}`, req.context.size, d.now(), "local source for context");
        await p.done(v);
      })();
    }
    return contextShown;
  };

  const runStage = async (i: number): Promise<StageResult> => {
    const st = stages[i];
    const name = multi ? stageName(st, i) : "";
    const dep = stageIndex(stages, baseNames[i], i);
    let state: StageState;
    let key: string;
    let chain: InlineCacheStep[] = [];
    const triggers: Instruction[] = [];
    const allSteps = (cmds: Instruction[]) => cmds.filter(isStep).length;
    if (dep >= 0) {
      const r = await stageResult(dep);
      state = structuredCloneState(r.state);
      key = r.key;
      chain = [...r.chain];
    } else {
      const img = baseNames[i] === "scratch" ? null : images.get(imageKey(baseNames[i], i))!;
      state = newStageState(img);
      key = sha256Hex(`from:${img?.id ?? "scratch"}`);
      for (const expr of img?.config.config.OnBuild ?? []) {
        try {
          const n = nodeFromLine(expr, escape);
          n.startLine = st.startLine;
          n.endLine = st.endLine;
          triggers.push(parseInstruction(n) as Instruction);
        } catch {
          /* a trigger that does not parse is skipped */
        }
      }
      state.config.OnBuild = null;
    }
    const commands = [...triggers, ...st.commands];
    // a stage built on another stage has no FROM vertex: its steps count from 1 (BuildKit's
    // "[b 1/3]"); a stage on an image counts its FROM as step 1
    const total = (dep >= 0 ? 0 : 1) + allSteps(st.commands);
    const prefix = (k: number) => `[${platformLabel(i)}${name ? name + " " : ""}${k}/${total}]`;
    if (dep < 0 && baseNames[i] !== "scratch") {
      const ref = baseNames[i];
      const resolved = imageRefs.get(imageKey(ref, i))?.ref ?? null;
      const fromTitle = resolved ? `${prefix(1)} FROM ${resolved}` : `${prefix(1)} FROM ${fullRef(ref).replace(/:latest$/, ref.endsWith(":latest") ? ":latest" : "")}`;
      // one vertex per image and platform: every stage and target platform that uses it shares it
      if (!fromShown.has(imageKey(ref, i)) && firstTime(`FROM ${imageKey(ref, i)}`)) {
        fromShown.add(imageKey(ref, i));
        const v = p.start(fromTitle);
        const img = images.get(imageKey(ref, i));
        if (resolved?.includes("@")) p.info(v, `resolve ${resolved} done`);
        if (mp) await p.done(v);
        else if (req.noCache || (img && builtImages(d).has(img.id))) await p.cached(v);
        else await p.done(v);
        if (img) cache.base(`base:${img.id}`, img.top, d.now(), `FROM ${fullRef(ref)}`);
      }
    }
    let k = dep >= 0 ? 0 : 1;
    let parentMissed: string | null = null;
    for (const c of commands) {
      if (failure) throw failure;
      if (c.kind === "ARG") {
        for (const a of c.args) {
          usedArgs.add(a.key);
          const given = req.buildArgs.get(a.key);
          let value: string | undefined;
          if (given !== undefined && given !== null) value = given;
          else if (a.value !== undefined) value = processWord(a.value, expansionEnv(state), escape);
          else if (meta.has(a.key)) value = meta.get(a.key);
          state.args.set(a.key, value);
        }
        state.history.push({ created: "", created_by: c.original.trim(), comment: COMMENT, empty_layer: true });
        continue;
      }
      if (!isStep(c)) {
        let text: string | null;
        try {
          text = applyMetadata(state, c, escape);
        } catch (e) {
          throw new BuildFailure((e as Error).message, null, c);
        }
        if (c.kind === "CMD") cmdSet.add(state);
        state.history.push({ created: "", created_by: text ?? c.original, comment: COMMENT, empty_layer: true });
        continue;
      }
      k++;
      const title = `${prefix(k)} ${c.kind === "RUN" ? substituteArgs(c.original.trim(), state) : c.original.trim()}`;
      const args: Record<string, string> = {};
      for (const [a, v] of runArgs(state)) args[a] = v;
      let stepKey: string;
      let files: Record<string, string> | undefined;
      let src: Backend | null = null;
      let historyText: string;
      if (c.kind === "RUN") {
        const argv = commandLine(state, c);
        const proxies = [...req.buildArgs].filter(([n, v]) => isPredefinedArg(n) && v !== null) as [string, string][];
        stepKey = sha256Hex(JSON.stringify([key, "run", argv, runEnv(state, proxies), state.config.User, state.config.WorkingDir, c.files]));
        const ra = runArgs(state);
        historyText = `RUN ${ra.length ? `|${ra.length} ${ra.map(([a, v]) => `${a}=${v}`).join(" ")} ` : ""}${argv.join(" ")} # buildkit`;
      } else if (c.kind === "COPY" || c.kind === "ADD") {
        let fromKey = "context";
        if (c.kind === "COPY" && c.from) {
          const from = processWord(c.from, meta, escape);
          const j = stageIndex(stages, from, i);
          if (j >= 0) {
            const r = await stageResult(j);
            src = viewOf(r.state.top);
            fromKey = r.key;
          } else {
            const img = images.get(imageKey(from, i)) ?? null;
            src = viewOf(img?.top ?? null);
            fromKey = img?.id ?? "scratch";
          }
        } else if (c.sources.length) {
          await showContext();
          src = ctxView;
        } else src = viewOf(null);
        files = {};
        const env = expansionEnv(state);
        for (const s of c.sources) {
          const path = processWord(s, env, escape);
          const m = matchSources(src, path);
          if (m.length === 0) {
            const v = p.start(title);
            const miss = new NotFoundError("/" + path.split("/").filter((x) => x && x !== ".").join("/"));
            await p.error(v, `failed to calculate checksum of ref ${refId(req.source)}::${refId(title)}: ${miss.message}`);
            throw new BuildFailure(`failed to compute cache key: failed to calculate checksum of ref ${refId(req.source)}::${refId(title)}: ${miss.message}`, v, c);
          }
          for (const parts of m) files[parts.join("/")] = contentChecksumOf(src, parts);
        }
        for (const ct of c.contents) files[`<<${ct.path}`] = sha256Hex(ct.data);
        let owner = "";
        try {
          owner = c.chown ? JSON.stringify(resolveChown(state, c.chown, escape)) : "";
        } catch (e) {
          throw new BuildFailure((e as Error).message, p.start(title), c);
        }
        stepKey = sha256Hex(JSON.stringify([key, c.kind, copyDest(state, c, escape), owner, c.chmod, fromKey, files]));
        historyText = `${copyHistoryText(c, env, escape)} # buildkit`;
      } else {
        applyMetadata(state, c, escape);
        stepKey = sha256Hex(JSON.stringify([key, "workdir", state.config.WorkingDir]));
        historyText = `WORKDIR ${state.config.WorkingDir}`;
      }
      const v = p.start(title);
      const t0 = d.now();
      const prev = previousStep(d, req.source, "buildkit", name || "stage-0", k);
      let rec = req.noCache ? undefined : cache.get(stepKey);
      const offered = rec || req.noCache ? undefined : imported.get(stepKey);
      // a step another image's inline cache offers joins the local cache, as BuildKit imports it
      if (offered) rec = cache.put(stepKey, offered.layer, offered.created, title, files);
      const cachedLayer = rec ? cache.layerOf(rec) : undefined;
      let layer: Layer | null;
      let created: number;
      const stepInfo = { instruction: c.original.trim(), args, files };
      if (rec && cachedLayer !== undefined) {
        cache.touch(rec, d.now());
        layer = cachedLayer;
        created = rec.created;
        if (layer) d.layers.register(layer.root, state.top, layer.diffId);
        await p.cached(v);
        steps.push({ stage: name || "stage-0", index: k, ...stepInfo, cache: "HIT", durationMs: 0, layer: layer && { diffId: layer.diffId, chainId: layer.chainId, size: layer.size }, key: stepKey });
      } else {
        const reason = explainMiss(prev, stepInfo, { noCache: req.noCache, parentMissed });
        let tree;
        const sp = stagePlatform(i);
        if (c.kind === "RUN" && sp && !runsOnHost(sp)) {
          // no emulator registered for this architecture: runc cannot exec the stage's shell
          const argv = commandLine(state, c);
          const exe = argv[0].startsWith("/") ? argv[0] : `/bin/${argv[0]}`;
          p.log(v, `exec ${exe}: exec format error`);
          const msg = `process "${argv.join(" ")}" did not complete successfully: exit code: 1`;
          await p.error(v, msg);
          throw new BuildFailure(msg, v, c, v.lines.slice(-10));
        }
        if (c.kind === "RUN") {
          const out = vertexLog(p, v);
          const proxies = [...req.buildArgs].filter(([n, val]) => isPredefinedArg(n) && val !== null) as [string, string][];
          const r = await execRun(d, state, c, proxies, out, "buildkitsandbox");
          out.end();
          if (r.exit !== 0 || r.error) {
            const argv = commandLine(state, c);
            const msg = `process "${argv.join(" ")}" did not complete successfully: exit code: ${r.exit}`;
            await p.error(v, msg);
            const logs = v.lines.slice(-10);
            throw new BuildFailure(msg, v, c, logs);
          }
          tree = r.rw;
        } else if (c.kind === "WORKDIR") {
          tree = execWorkdir(state, d.now());
        } else {
          try {
            tree = execCopy(state, c as Extract<Instruction, { kind: "COPY" | "ADD" }>, src!, escape, d.now());
          } catch (e) {
            await p.error(v, (e as Error).message);
            throw new BuildFailure((e as Error).message, v, c);
          }
        }
        layer = tree && (tree.entries!.size || c.kind !== "WORKDIR") ? d.layers.register(tree, state.top) : null;
        created = d.now();
        cache.put(stepKey, layer, created, title, files);
        await p.done(v);
        parentMissed ??= title;
        missedInBuild.set(i, title);
        steps.push({ stage: name || "stage-0", index: k, ...stepInfo, cache: "MISS", reason, durationMs: d.now() - t0, layer: layer && { diffId: layer.diffId, chainId: layer.chainId, size: layer.size }, key: stepKey });
      }
      key = stepKey;
      const h: HistoryEntry = { created: rfc3339(created), created_by: historyText, comment: COMMENT };
      if (layer) {
        state.top = layer;
        state.diffIds.push(layer.diffId);
      } else h.empty_layer = true;
      if (!layer) h.created = "";
      state.history.push(h);
      chain.push([stepKey, layer ? state.diffIds.length - 1 : -1, created]);
    }
    return { state, key, chain };
  };
  const stageResult = (i: number): Promise<StageResult> => {
    let r = results.get(i);
    if (!r) {
      r = runStage(i).catch((e) => {
        if (e instanceof BuildFailure) failure ??= e;
        throw e;
      });
      results.set(i, r);
    }
    return r;
  };
  let final: StageResult;
  try {
    // independent stages run together; the target waits for what it needs
    const all = needed.map((i) => stageResult(i));
    await Promise.allSettled(all);
    final = await stageResult(target);
  } catch (e) {
    const f = failure ?? (e instanceof BuildFailure ? e : null);
    if (!f) {
      if (e instanceof Error && (e.name === "Killed" || e.name === "ExitRequest")) throw e;
      return fail(e instanceof Error ? e.message : String(e), null);
    }
    return fail(f.message, f.loc, f.vertex && f.logs.length ? { title: f.vertex.title, logs: f.logs } : f.vertex ? { title: f.vertex.title, logs: [] } : undefined);
  }
  // the image
  const state = final.state;
  state.config.Labels = { ...(state.config.Labels ?? {}), ...req.labels };
  if (state.config.Labels && Object.keys(state.config.Labels).length === 0 && !final.state.base?.config.config.Labels) state.config.Labels = null;
  const latest = [...state.history].reverse().find((h) => h.created)?.created || rfc3339(d.now());
  for (const h of state.history) if (!h.created) h.created = latest;
  const plat = mp ? parsePlatform(shortPlatform(mp.platform)) : null;
  const config: ImageConfig = { architecture: plat?.architecture ?? "amd64", os: plat?.os ?? "linux", ...(plat?.variant ? { variant: plat.variant } : {}), ...(state.author ? { author: state.author } : {}), config: state.config, created: latest, history: state.history, rootfs: { type: "layers" as const, diff_ids: state.diffIds } };
  // BUILDKIT_INLINE_CACHE=1: the final stage's steps go into the image config (mode=min), so
  // the image's ID differs from the same build without it
  if (inlineCache) (config as unknown as Record<string, unknown>)[INLINE_CACHE_FIELD] = JSON.stringify({ steps: final.chain });
  const id = imageIdOf(config);
  if (mp) {
    // the image stays in the builder: buildx exports every platform's result together
    report.imageId = id;
    report.durationMs = d.now() - started;
    recordBuild(d, report);
    return { imageId: id, exit: 0, image: { id, config, top: state.top, parent: "" } };
  }
  const ev = p.start("exporting to image");
  const madeLayers = steps.some((s) => s.cache === "MISS" && s.layer);
  p.info(ev, madeLayers ? `exporting layers ${p.seconds(ev)}s done` : "exporting layers done");
  p.info(ev, `writing image ${id} done`);
  d.images.add({ id, config, top: state.top, parent: "" });
  builtImages(d).add(id);
  for (const t of req.tags) {
    const r = parseRefOrThrow(t);
    d.images.setTag(refKey(r), id);
    p.info(ev, `naming to ${referenceString(r.tag || r.digest ? r : { ...r, tag: "latest" })} done`);
  }
  await p.done(ev);
  if (inlineCache) {
    const ce = p.start("exporting cache");
    p.info(ce, "preparing build cache for export done");
    await p.done(ce);
  }
  for (const title of failedImports) await req.progress.write(`------\n > ${title}:\n------\n`);
  void usedArgs;
  report.imageId = id;
  report.durationMs = d.now() - started;
  recordBuild(d, report);
  return { imageId: id, exit: 0 };
}

const cmdSet = new WeakSet<StageState>();

/** A RUN's display name: $NAME and ${NAME} of ARGs with values replaced, everything else as written. */
function substituteArgs(text: string, s: StageState): string {
  const args = new Map(runArgs(s));
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (all, a: string | undefined, b: string | undefined) => {
    const v = args.get((a ?? b)!);
    return v === undefined ? all : v;
  });
}

const built = new WeakMap<Daemon, Set<string>>();
/** Images this daemon's BuildKit made (their FROM vertex is CACHED); part of the saved host. */
export function builtImages(d: Daemon): Set<string> {
  let s = built.get(d);
  if (!s) built.set(d, (s = new Set()));
  return s;
}

function structuredCloneState(s: StageState): StageState {
  return { ...s, config: clone(s.config), diffIds: [...s.diffIds], history: clone(s.history), args: new Map(), usedBuildArgs: new Set() };
}

function contentChecksumOf(src: Backend, parts: string[]): string {
  const view = src as unknown as { lstat(p: readonly string[]): unknown };
  void view;
  return sha256Hex(JSON.stringify(snapshot(src, parts)));
}

/** A plain description of a source path's content (no mtimes), for its checksum. */
function snapshot(src: Backend, parts: string[]): unknown {
  const st = src.lstat(parts);
  if (!st) return null;
  if (st.type === "dir") return { t: "d", m: st.mode, e: src.readdir(parts).sort().map((n) => [n, snapshot(src, [...parts, n])]) };
  if (st.type === "file") return { t: "f", m: st.mode, h: sha256Hex(src.readFile(parts)) };
  if (st.type === "symlink") return { t: "l", to: st.target };
  return { t: st.type };
}

/** A stable ref ID in BuildKit's form (25 lower-case characters). */
function refId(s: string): string {
  return sha256Hex(s).replace(/[^a-z0-9]/g, "").slice(0, 25);
}

void contentChecksum;
void ({} as Stage);
