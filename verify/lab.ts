/**
 * What `verify setup`, `check` and `clean` do on a real daemon. Setup writes the exercise's
 * files into a working folder, runs its docker steps with the `docker` command (argument arrays,
 * never a shell), labels everything it creates with io.layerlab.verify=<exercise-id> and records
 * the IDs of what it created. Clean removes an object only when it carries that label with the
 * exercise's value and setup recorded it: an image's label is inherited by images built on it
 * and by containers run from it, so the label alone does not prove verify made the object.
 */
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import type Docker from "dockerode";
import type { Exercise } from "../simulator/check/exercise";
import { runChecks, shellQuote, type CheckReport } from "../simulator/check/runner";
import { SetupError, withTimeout } from "./connect";
import { daemonError, DockerEngine } from "./docker-engine";
import { checkOwnTargets, fullImageName, missingImageCandidates, planStep, StepError, VERIFY_LABEL, type StepPlan } from "./steps";

/** The image every exercise may use: present on a fresh engine. */
const LAB_IMAGE = "busybox:latest";
/** Time one API call of setup or clean may take. */
const CALL_MS = 30_000;
/** Time one docker step may take (a build longer than a run). */
const STEP_MS = { build: 10 * 60_000, other: 2 * 60_000 };

export interface Lab {
  docker: Docker;
  /** Where working folders and setup records live (~/.layerlab/verify or $LAYERLAB_VERIFY_DIR). */
  root: string;
  /** The docker command and the environment it runs with (it reaches the same engine). */
  dockerCommand?: string;
  env?: NodeJS.ProcessEnv;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What setup created for one exercise. */
export interface SetupRecord {
  exercise: string;
  containers: string[];
  images: string[];
  volumes: string[];
  networks: string[];
}

export function workDirOf(root: string, id: string): string {
  return join(root, ...id.split("/"));
}

function recordFile(root: string, id: string): string {
  return join(root, ".setup", `${id.replace(/\//g, "__")}.json`);
}

export async function readRecord(root: string, id: string): Promise<SetupRecord | null> {
  try {
    return JSON.parse(await readFile(recordFile(root, id), "utf8")) as SetupRecord;
  } catch {
    return null;
  }
}

async function writeRecord(root: string, record: SetupRecord): Promise<void> {
  const file = recordFile(root, record.exercise);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record, null, 2) + "\n");
}

async function recordedIds(root: string): Promise<string[]> {
  try {
    const names = await readdir(join(root, ".setup"));
    const ids: string[] = [];
    for (const n of names.filter((x) => x.endsWith(".json")).sort()) {
      const r = await readRecord(root, n.slice(0, -5).replace("__", "/"));
      if (r) ids.push(r.exercise);
    }
    return ids;
  } catch {
    return [];
  }
}

const call = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
  try {
    return await withTimeout(f(), CALL_MS, what);
  } catch (e) {
    throw daemonError(e);
  }
};
const lookup = async <T>(what: string, f: () => Promise<T>): Promise<T | null> => {
  try {
    return await withTimeout(f(), CALL_MS, what);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return null;
    throw daemonError(e);
  }
};

const labelOf = (labels: Record<string, string> | null | undefined) => labels?.[VERIFY_LABEL];

/** The IDs (names for volumes) of every object carrying the label, with any value or with `id`. */
async function labelled(docker: Docker, id?: string) {
  const filters = { label: [id === undefined ? VERIFY_LABEL : `${VERIFY_LABEL}=${id}`] };
  const [containers, images, volumes, networks] = await Promise.all([
    call("listing containers", () => docker.listContainers({ all: true, filters })),
    call("listing images", () => docker.listImages({ all: true, filters })),
    call("listing volumes", () => docker.listVolumes({ filters })),
    call("listing networks", () => docker.listNetworks({ filters })),
  ]);
  return {
    containers: containers.map((c) => ({ id: c.Id, name: (c.Names[0] ?? "").replace(/^\//, ""), value: labelOf(c.Labels) })),
    images: images.map((i) => ({ id: i.Id, name: i.RepoTags?.find((t) => t !== "<none>:<none>") ?? i.Id.slice(7, 19), value: labelOf(i.Labels) })),
    volumes: (volumes.Volumes ?? []).map((v) => ({ id: v.Name, name: v.Name, value: labelOf(v.Labels as Record<string, string> | null) })),
    networks: networks.map((n) => ({ id: n.Id, name: n.Name, value: labelOf(n.Labels) })),
  };
}

/** Runs `docker <argv>` in the working folder: an argument array, no shell. */
export function runDocker(lab: Lab, argv: string[], cwd: string, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  const command = lab.dockerCommand ?? "docker";
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, argv, { cwd, env: lab.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], shell: false });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (e.code === "ENOENT") reject(new SetupError(`The \`${command}\` command was not found on PATH; verify runs setup steps with it. Install the Docker CLI.`));
      else reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8");
      resolvePromise({
        code: timedOut ? 124 : (code ?? 1),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: timedOut ? `${stderr}(stopped after ${timeoutMs / 1000} s)\n` : stderr,
      });
    });
  });
}

/** The text to show for a docker step (display only: the step runs as an argument array). */
export function displayStep(argv: readonly string[]): string {
  return ["docker", ...argv].map(shellQuote).join(" ");
}

/** Plans every docker step of an exercise (labels added); throws StepError for an unsupported one. */
export function planSetup(ex: Exercise): StepPlan[] {
  const plans = ex.setup.flatMap((s) => ("docker" in s ? [planStep(s.docker, ex.id)] : []));
  checkOwnTargets(plans);
  return plans;
}

/** The exercise's files by normalised relative path; throws for a path outside the working folder. */
function setupFiles(ex: Exercise): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of ex.setup) {
    if (!("file" in s)) continue;
    const rel = relative(".", join(".", s.file));
    if (s.file.startsWith("/") || rel === "" || rel.split(sep).includes("..")) throw new StepError(`setup file ${JSON.stringify(s.file)} is not a path inside the working folder`);
    files.set(rel.split(sep).join("/"), s.content);
  }
  return files;
}

const MISSING_IMAGE_HELP = (ref: string) =>
  ref === LAB_IMAGE
    ? [
        `The image ${ref} is not on this Docker engine, and verify never pulls images. Get it with`,
        `  docker pull ${ref}`,
        "or, without internet, build Layerlab's lab image from this repository (needs /bin/busybox from busybox-static):",
        `  bash scripts/lab/build-busybox.sh ${ref}`,
      ].join("\n")
    : `The image ${ref} is not on this Docker engine, and verify never pulls images. Get it first (docker pull ${ref}, or build it).`;

interface Conflict {
  kind: "container" | "image" | "volume" | "network";
  name: string;
  owner?: string;
}

function conflictText(c: Conflict, id: string): string {
  if (c.owner && c.owner !== id) return `a ${c.kind} named ${c.name} belongs to the setup of exercise ${c.owner}: run \`npm run --silent verify -- clean ${c.owner}\` first`;
  const remove = { container: `docker rm -f ${c.name}`, image: `docker rmi ${c.name}`, volume: `docker volume rm ${c.name}`, network: `docker network rm ${c.name}` }[c.kind];
  return `a ${c.kind} named ${c.name} already exists and setup would replace or use it: remove it (${remove}) or rename it, then run setup again`;
}

/** The labels of an object (null when it has none), or undefined when it does not exist. */
async function labelsOf(docker: Docker, kind: Conflict["kind"], name: string): Promise<Record<string, string> | null | undefined> {
  switch (kind) {
    case "container": {
      const c = await lookup(`inspecting container ${name}`, () => docker.getContainer(name).inspect());
      return c ? (c.Config.Labels ?? null) : undefined;
    }
    case "image": {
      const ref = fullImageName(name);
      const i = await lookup(`inspecting image ${ref}`, () => docker.getImage(ref).inspect());
      return i ? (i.Config?.Labels ?? null) : undefined;
    }
    case "volume": {
      const v = await lookup(`inspecting volume ${name}`, () => docker.getVolume(name).inspect());
      return v ? ((v.Labels as Record<string, string> | null) ?? null) : undefined;
    }
    case "network": {
      const n = await lookup(`inspecting network ${name}`, () => docker.getNetwork(name).inspect());
      return n ? (n.Labels ?? null) : undefined;
    }
  }
}

/** Names setup would take over that exist on the engine (after its own earlier setup was cleaned). */
async function conflicts(docker: Docker, plans: readonly StepPlan[]): Promise<Conflict[]> {
  const found: Conflict[] = [];
  const seen = new Set<string>();
  const check = async (kind: Conflict["kind"], name: string) => {
    const key = `${kind}:${kind === "image" ? fullImageName(name) : name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const labels = await labelsOf(docker, kind, name);
    const exists = labels !== undefined;
    if (exists) found.push({ kind, name, owner: labelOf(labels) });
  };
  for (const p of plans) {
    for (const n of p.creates.containers) await check("container", n);
    for (const n of p.creates.images) await check("image", n);
    for (const n of p.creates.volumes) await check("volume", n);
    for (const n of p.creates.networks) await check("network", n);
  }
  const createdVolumes = new Set(plans.flatMap((p) => p.creates.volumes));
  for (const p of plans) for (const n of p.mountsVolumes) if (!createdVolumes.has(n)) await check("volume", n);
  return found;
}

export interface SetupResult {
  workDir: string;
  record: SetupRecord;
}

/**
 * Prepares an exercise on the real daemon. Cleans what an earlier setup of the same exercise
 * left, refuses to take over names that exist, checks that every image it needs is present,
 * writes the files, then runs the docker steps in order. Throws SetupError/StepError (exit 2).
 */
export async function setupExercise(lab: Lab, ex: Exercise): Promise<SetupResult> {
  const log = lab.log ?? (() => {});
  const plans = planSetup(ex);
  const files = setupFiles(ex);
  const { docker } = lab;

  const earlier = await readRecord(lab.root, ex.id);
  if (earlier) {
    log(`Removing what an earlier setup of ${ex.id} created`);
    await cleanExercise(lab, ex.id);
  }

  const taken = await conflicts(docker, plans);
  if (taken.length > 0) throw new SetupError([`Setup of ${ex.id} stopped before changing anything:`, ...taken.map((c) => `  - ${conflictText(c, ex.id)}`)].join("\n"));

  const missing: string[] = [];
  // every exercise starts from an engine that has the lab image
  const needed = new Set([LAB_IMAGE, ...missingImageCandidates(plans, (p) => files.get(p) ?? null)]);
  for (const ref of needed) {
    if (!(await lookup(`inspecting image ${ref}`, () => docker.getImage(ref).inspect()))) missing.push(ref);
  }
  if (missing.length > 0) throw new SetupError(missing.map(MISSING_IMAGE_HELP).join("\n"));

  const workDir = workDirOf(lab.root, ex.id);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  for (const [path, content] of files) {
    const file = join(workDir, ...path.split("/"));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { mode: 0o644 });
    log(`  wrote ${path}`);
  }

  const record: SetupRecord = { exercise: ex.id, containers: [], images: [], volumes: [], networks: [] };
  const before = await labelled(docker, ex.id);
  const known = {
    containers: new Set(before.containers.map((o) => o.id)),
    images: new Set(before.images.map((o) => o.id)),
    volumes: new Set(before.volumes.map((o) => o.id)),
    networks: new Set(before.networks.map((o) => o.id)),
  };
  const remember = async () => {
    const now = await labelled(docker, ex.id);
    for (const kind of ["containers", "images", "volumes", "networks"] as const) {
      for (const o of now[kind]) {
        if (known[kind].has(o.id) || record[kind].includes(o.id)) continue;
        record[kind].push(o.id);
      }
    }
    await writeRecord(lab.root, record);
  };
  await writeRecord(lab.root, record);

  const createdVolumes = new Set(plans.flatMap((p) => p.creates.volumes));
  if (ex.setup.length === 0) log(`  nothing to prepare: the exercise starts from ${LAB_IMAGE} alone`);
  for (const plan of plans) {
    // a named volume a container mounts: made here, labelled, rather than by Docker unlabelled
    for (const name of plan.mountsVolumes) {
      if (createdVolumes.has(name) || record.volumes.includes(name)) continue;
      if (await lookup(`inspecting volume ${name}`, () => docker.getVolume(name).inspect())) continue;
      await call(`creating volume ${name}`, () => docker.createVolume({ Name: name, Labels: { [VERIFY_LABEL]: ex.id } }));
      log(`  created volume ${name}`);
      await remember();
    }
    log(`  $ ${displayStep(plan.argv)}`);
    const r = await runDocker(lab, plan.argv, workDir, plan.command === "build" ? STEP_MS.build : STEP_MS.other);
    await remember();
    if (r.code !== 0) {
      const why = (r.stderr.trim() || r.stdout.trim() || "(no output)").split("\n").map((l) => `  ${l}`).join("\n");
      throw new SetupError(`Setup step failed (exit ${r.code}): ${displayStep(plan.argv)}\n${why}\nWhat setup created so far is removed by: npm run --silent verify -- clean ${ex.id}`);
    }
  }
  return { workDir, record };
}

export interface CleanResult {
  removed: string[];
  /** Objects setup created that could not be removed, with the daemon's reason. */
  kept: string[];
  /** Objects carrying the label that setup did not record (e.g. inherited from a Layerlab image): left alone. */
  unrecorded: string[];
}

async function cleanRecord(lab: Lab, record: SetupRecord, out: CleanResult): Promise<SetupRecord> {
  const { docker } = lab;
  const id = record.exercise;
  const left: SetupRecord = { exercise: id, containers: [], images: [], volumes: [], networks: [] };
  const attempt = async (what: string, f: () => Promise<unknown>): Promise<boolean> => {
    try {
      await withTimeout(f(), CALL_MS, what);
      out.removed.push(what);
      return true;
    } catch (e) {
      if ((e as { statusCode?: number }).statusCode === 404) return true;
      out.kept.push(`${what}: ${daemonError(e).message}`);
      return false;
    }
  };

  for (const cid of record.containers) {
    const c = await lookup("inspecting a container", () => docker.getContainer(cid).inspect());
    if (!c || labelOf(c.Config.Labels) !== id) continue;
    if (!(await attempt(`container ${c.Name.replace(/^\//, "")}`, () => docker.getContainer(c.Id).remove({ force: true, v: true })))) left.containers.push(cid);
  }
  for (const iid of [...record.images].reverse()) {
    const img = await lookup("inspecting an image", () => docker.getImage(iid).inspect());
    if (!img || labelOf(img.Config?.Labels) !== id) continue;
    const name = img.RepoTags?.[0] ?? img.Id.slice(7, 19);
    let ok = true;
    for (const t of img.RepoTags ?? []) ok = (await attempt(`tag ${t}`, () => docker.getImage(t).remove())) && ok;
    const still = await lookup("inspecting an image", () => docker.getImage(iid).inspect());
    if (still) ok = (await attempt(`image ${name}`, () => docker.getImage(iid).remove())) && ok;
    if (!ok) left.images.push(iid);
  }
  for (const name of record.volumes) {
    const v = await lookup("inspecting a volume", () => docker.getVolume(name).inspect());
    if (!v || labelOf(v.Labels as Record<string, string> | null) !== id) continue;
    if (!(await attempt(`volume ${name}`, () => docker.getVolume(name).remove()))) left.volumes.push(name);
  }
  for (const nid of record.networks) {
    const n = await lookup("inspecting a network", () => docker.getNetwork(nid).inspect());
    if (!n || labelOf(n.Labels) !== id) continue;
    if (!(await attempt(`network ${n.Name}`, () => docker.getNetwork(n.Id).remove()))) left.networks.push(nid);
  }
  return left;
}

/** Removes empty folders from `dir` up to (not including) `root`. */
async function pruneEmpty(root: string, dir: string): Promise<void> {
  let d = resolve(dir);
  const top = resolve(root);
  while (d.startsWith(top + sep)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    d = dirname(d);
  }
}

/**
 * Removes what setup created for one exercise (or for every exercise set up on this machine):
 * only objects setup recorded that still carry the label with that exercise's id, then the
 * working folder. Objects carrying the label that setup did not record are listed, not touched.
 */
export async function cleanExercise(lab: Lab, id?: string): Promise<CleanResult> {
  const out: CleanResult = { removed: [], kept: [], unrecorded: [] };
  const ids = id === undefined ? await recordedIds(lab.root) : [id];
  const recorded = new Set<string>();
  for (const x of ids) {
    const record = await readRecord(lab.root, x);
    if (record) {
      for (const k of ["containers", "images", "volumes", "networks"] as const) record[k].forEach((o) => recorded.add(o));
      const left = await cleanRecord(lab, record, out);
      if (left.containers.length + left.images.length + left.volumes.length + left.networks.length > 0) await writeRecord(lab.root, left);
      else await rm(recordFile(lab.root, x), { force: true });
    }
    const workDir = workDirOf(lab.root, x);
    await rm(workDir, { recursive: true, force: true });
    await pruneEmpty(lab.root, dirname(workDir));
  }
  const still = await labelled(lab.docker, id);
  for (const [kind, list] of Object.entries(still)) {
    for (const o of list) if (!recorded.has(o.id)) out.unrecorded.push(`${kind.slice(0, -1)} ${o.name} (${VERIFY_LABEL}=${o.value ?? ""})`);
  }
  return out;
}

/** Runs an exercise's checks against the real daemon, reading host files from its working folder. */
export function checkExercise(lab: Lab, ex: Exercise): Promise<CheckReport> {
  return runChecks(new DockerEngine(lab.docker, { workDir: workDirOf(lab.root, ex.id) }), ex);
}
