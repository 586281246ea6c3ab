/**
 * What a setup step does on a real daemon, read from its argument array: the ownership label
 * added to every object it creates, the names it will create (so setup can refuse to replace
 * the learner's own objects), and the images it needs (so setup can say which one is missing
 * instead of pulling). Steps are argument arrays, never shell strings; nothing here runs them.
 */

/** The label every object verify setup creates carries; its value is the exercise id. */
export const VERIFY_LABEL = "io.layerlab.verify";

export interface StepPlan {
  /** The argv to run after `docker`, with the label (and --pull never) added. */
  argv: string[];
  /** The subcommand, normalised: "run", "create", "build", "volume create", "tag", ... */
  command: string;
  /** Names the step creates (image names as given, e.g. "lab-app:1"). */
  creates: { containers: string[]; images: string[]; volumes: string[]; networks: string[] };
  /** Images the step needs locally (the image of run/create; the FROM images of a build). */
  needsImages: string[];
  /** Named volumes a run/create mounts (created by Docker on first use unless setup makes them). */
  mountsVolumes: string[];
  /** Objects the step changes or reads from (stop, exec, tag's source...): they must be ones setup made. */
  acts: { containers: string[]; images: string[]; networks: string[] };
  /** For a build: the context folder and the Dockerfile, relative to the working folder. */
  build?: { context: string; dockerfile: string };
}

export class StepError extends Error {}

/** Management-command forms and the plain form they stand for. */
const ALIASES: Record<string, string> = {
  "container run": "run",
  "container create": "create",
  "container start": "start",
  "container stop": "stop",
  "container kill": "kill",
  "container restart": "restart",
  "container pause": "pause",
  "container unpause": "unpause",
  "container exec": "exec",
  "container cp": "cp",
  "container rm": "rm",
  "container wait": "wait",
  "container commit": "commit",
  "image build": "build",
  "builder build": "build",
  "buildx build": "build",
  "image tag": "tag",
  "image rm": "rmi",
};

interface FlagSpec {
  /** Long flags (without --) that take no value. */
  boolLong: Set<string>;
  /** Short flags that take no value. */
  boolShort: Set<string>;
  /** Whether flags may follow positional arguments (false: the first positional ends flags). */
  interspersed: boolean;
}

const RUN_FLAGS: FlagSpec = {
  boolLong: new Set([
    "detach",
    "interactive",
    "tty",
    "rm",
    "init",
    "privileged",
    "read-only",
    "publish-all",
    "no-healthcheck",
    "oom-kill-disable",
    "sig-proxy",
    "disable-content-trust",
    "quiet",
    "help",
    "use-api-socket",
  ]),
  boolShort: new Set(["d", "i", "t", "P", "q"]),
  interspersed: false,
};

const BUILD_FLAGS: FlagSpec = {
  boolLong: new Set(["no-cache", "pull", "quiet", "rm", "force-rm", "squash", "compress", "disable-content-trust", "help", "load", "push", "check"]),
  boolShort: new Set(["q"]),
  interspersed: true,
};

const COMMIT_FLAGS: FlagSpec = { boolLong: new Set(["pause", "help"]), boolShort: new Set(["p"]), interspersed: true };
const NETWORK_CREATE_FLAGS: FlagSpec = {
  boolLong: new Set(["attachable", "internal", "ipv6", "ingress", "config-only", "help"]),
  boolShort: new Set(),
  interspersed: true,
};
const PLAIN_FLAGS: FlagSpec = { boolLong: new Set(["help"]), boolShort: new Set(), interspersed: true };
const flags = (long: string[], short: string, interspersed = true): FlagSpec => ({ boolLong: new Set([...long, "help"]), boolShort: new Set(short), interspersed });

/**
 * Commands that create nothing: how to read them, and which of their arguments name containers
 * ("c"), images ("i") or networks ("n"). They may act only on objects an earlier step created.
 */
const ACTIONS: Record<string, { spec: FlagSpec; args: (positionals: string[]) => { c?: string[]; i?: string[]; n?: string[] } }> = {
  start: { spec: flags(["attach", "interactive"], "ai"), args: (p) => ({ c: p }) },
  stop: { spec: flags([], ""), args: (p) => ({ c: p }) },
  restart: { spec: flags([], ""), args: (p) => ({ c: p }) },
  kill: { spec: flags([], ""), args: (p) => ({ c: p }) },
  pause: { spec: flags([], ""), args: (p) => ({ c: p }) },
  unpause: { spec: flags([], ""), args: (p) => ({ c: p }) },
  wait: { spec: flags([], ""), args: (p) => ({ c: p }) },
  rm: { spec: flags(["force", "volumes", "link"], "fvl"), args: (p) => ({ c: p }) },
  exec: { spec: flags(["detach", "interactive", "tty", "privileged"], "dit", false), args: (p) => ({ c: p.slice(0, 1) }) },
  cp: { spec: flags(["archive", "follow-link", "quiet"], "aLq"), args: (p) => ({ c: p.filter((x) => /^[^/.][^:/]*:/.test(x)).map((x) => x.slice(0, x.indexOf(":"))) }) },
  rmi: { spec: flags(["force", "no-prune"], "f"), args: (p) => ({ i: p }) },
  "network connect": { spec: flags([], ""), args: (p) => ({ n: p.slice(0, 1), c: p.slice(1, 2) }) },
  "network disconnect": { spec: flags(["force"], "f"), args: (p) => ({ n: p.slice(0, 1), c: p.slice(1, 2) }) },
};

interface Parsed {
  flags: { name: string; value: string | null }[];
  positionals: string[];
}

/** Reads flags as the docker CLI's flag parser (pflag) does. */
export function parseFlags(args: readonly string[], spec: FlagSpec): Parsed {
  const flags: Parsed["flags"] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) flags.push({ name, value: a.slice(eq + 1) });
      else if (spec.boolLong.has(name)) flags.push({ name, value: null });
      else {
        if (i + 1 >= args.length) throw new StepError(`flag --${name} needs a value`);
        flags.push({ name, value: args[++i] });
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.boolShort.has(c)) {
          flags.push({ name: c, value: null });
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith("=")) value = value.slice(1);
        else if (value === "") {
          if (i + 1 >= args.length) throw new StepError(`flag -${c} needs a value`);
          value = args[++i];
        }
        flags.push({ name: c, value });
        break;
      }
      continue;
    }
    positionals.push(a);
    if (!spec.interspersed) {
      positionals.push(...args.slice(i + 1));
      break;
    }
  }
  return { flags, positionals };
}

const values = (p: Parsed, ...names: string[]) => p.flags.filter((f) => names.includes(f.name) && f.value !== null).map((f) => f.value as string);

/** A named-volume source of -v/--volume ("data:/srv" -> "data"), or null for a bind or anonymous volume. */
export function volumeOfBind(spec: string): string | null {
  const parts = spec.split(":");
  if (parts.length < 2) return null;
  const source = parts[0];
  if (source === "" || source.startsWith("/") || source.startsWith(".") || source.startsWith("~")) return null;
  return source;
}

/** A named-volume source of --mount ("type=volume,src=data,dst=/srv" -> "data"). */
export function volumeOfMount(spec: string): string | null {
  const fields = new Map<string, string>();
  for (const field of spec.split(",")) {
    const eq = field.indexOf("=");
    fields.set((eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase(), eq < 0 ? "" : field.slice(eq + 1).trim());
  }
  if ((fields.get("type") ?? "volume") !== "volume") return null;
  return fields.get("source") || fields.get("src") || null;
}

/** "busybox" -> "busybox:latest"; references with a tag or digest stay as they are. */
export function fullImageName(ref: string): string {
  if (ref.includes("@")) return ref;
  const slash = ref.lastIndexOf("/");
  return ref.slice(slash + 1).includes(":") ? ref : `${ref}:latest`;
}

/** The images a Dockerfile's FROM lines name (not earlier stages, not scratch, not ones built from ARGs). */
export function fromImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  const text = dockerfile.replace(/\\\r?\n/g, " ");
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!/^from\s/i.test(line)) continue;
    const words = line.split(/\s+/).slice(1).filter((w) => !w.startsWith("--"));
    const image = words[0];
    if (!image) continue;
    if (words.length >= 3 && words[1].toLowerCase() === "as") stages.add(words[2].toLowerCase());
    if (image === "scratch" || image.includes("$") || stages.has(image.toLowerCase())) continue;
    if (!images.includes(image)) images.push(image);
  }
  return images;
}

function posixJoin(dir: string, file: string): string {
  if (file.startsWith("/")) return file;
  const parts: string[] = [];
  for (const p of `${dir}/${file}`.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/") || ".";
}

const empty = () => ({ containers: [] as string[], images: [] as string[], volumes: [] as string[], networks: [] as string[] });

/**
 * Plans one `{docker: argv}` setup step for exercise `id`. Throws StepError for a step verify
 * cannot run safely (a pull, an unknown command, global flags before the command).
 */
export function planStep(argv: readonly string[], id: string): StepPlan {
  if (argv.length === 0) throw new StepError("empty docker step");
  if (argv[0].startsWith("-")) throw new StepError(`docker step ${JSON.stringify(argv.join(" "))}: global flags before the command are not supported`);
  const label = `${VERIFY_LABEL}=${id}`;
  const two = argv.length >= 2 ? `${argv[0]} ${argv[1]}` : "";
  const groups = new Set(["container", "image", "builder", "buildx", "volume", "network"]);
  const managed = groups.has(argv[0]);
  const head = managed ? two : argv[0];
  const rest = argv.slice(managed ? 2 : 1);
  const command = ALIASES[head] ?? head;
  const withFlags = (...flags: string[]) => [...argv.slice(0, managed ? 2 : 1), ...flags, ...rest];
  const plan: StepPlan = { argv: [...argv], command, creates: empty(), needsImages: [], mountsVolumes: [], acts: { containers: [], images: [], networks: [] } };

  switch (command) {
    case "run":
    case "create": {
      const p = parseFlags(rest, RUN_FLAGS);
      const pull = values(p, "pull");
      if (pull.some((v) => v !== "never")) throw new StepError(`docker ${command}: verify never pulls (--pull ${pull.join(",")})`);
      const image = p.positionals[0];
      if (!image) throw new StepError(`docker ${command} without an image`);
      plan.argv = withFlags("--label", label, "--pull", "never");
      plan.creates.containers = values(p, "name");
      plan.needsImages = [image];
      plan.mountsVolumes = [
        ...values(p, "v", "volume").map(volumeOfBind),
        ...values(p, "mount").map(volumeOfMount),
      ].filter((v): v is string => v !== null);
      return plan;
    }
    case "build": {
      const p = parseFlags(rest, BUILD_FLAGS);
      if (p.flags.some((f) => f.name === "pull")) throw new StepError("docker build: verify never pulls (--pull)");
      const context = p.positionals[0];
      if (!context) throw new StepError("docker build without a context folder");
      if (context === "-" || /^[a-z]+:\/\//i.test(context) || context.startsWith("git@")) throw new StepError(`docker build: the context must be a folder of the working folder, not ${context}`);
      const file = values(p, "f", "file")[0];
      plan.argv = withFlags("--label", label);
      plan.creates.images = values(p, "t", "tag");
      plan.build = { context, dockerfile: file ? posixJoin(".", file) : posixJoin(context, "Dockerfile") };
      return plan;
    }
    case "volume create": {
      const p = parseFlags(rest, PLAIN_FLAGS);
      plan.argv = withFlags("--label", label);
      plan.creates.volumes = [...values(p, "name"), ...p.positionals.slice(0, 1)];
      return plan;
    }
    case "network create": {
      const p = parseFlags(rest, NETWORK_CREATE_FLAGS);
      plan.argv = withFlags("--label", label);
      plan.creates.networks = p.positionals.slice(0, 1);
      return plan;
    }
    case "commit": {
      const p = parseFlags(rest, COMMIT_FLAGS);
      plan.argv = withFlags("--change", `LABEL ${label}`);
      plan.creates.images = p.positionals.slice(1, 2);
      plan.acts.containers = p.positionals.slice(0, 1);
      return plan;
    }
    case "tag": {
      const p = parseFlags(rest, PLAIN_FLAGS);
      if (p.positionals.length !== 2) throw new StepError("docker tag needs a source and a target");
      plan.creates.images = [p.positionals[1]];
      plan.acts.images = [p.positionals[0]];
      return plan;
    }
    default:
      if (command in ACTIONS) {
        const action = ACTIONS[command];
        const named = action.args(parseFlags(rest, action.spec).positionals);
        plan.acts = { containers: named.c ?? [], images: named.i ?? [], networks: named.n ?? [] };
        return plan;
      }
      throw new StepError(`docker ${head}: not a setup step verify can run (it runs run/create/build/tag/commit, volume and network create, and start/stop/exec/cp/rm-like actions)`);
  }
}

/**
 * Checks that the steps act only on what earlier steps created: a setup stops, tags, execs in
 * or removes its own objects, never the learner's. Throws StepError naming the step.
 */
export function checkOwnTargets(plans: readonly StepPlan[]): void {
  const made = { containers: new Set<string>(), images: new Set<string>(), networks: new Set<string>() };
  for (const plan of plans) {
    const foreign = [
      ...plan.acts.containers.filter((n) => !made.containers.has(n)).map((n) => `container ${n}`),
      ...plan.acts.images.filter((n) => !made.images.has(fullImageName(n))).map((n) => `image ${n}`),
      ...plan.acts.networks.filter((n) => !made.networks.has(n)).map((n) => `network ${n}`),
    ];
    if (foreign.length > 0) throw new StepError(`docker ${plan.command}: ${foreign.join(", ")} is not made by an earlier setup step; setup acts only on objects it created`);
    plan.creates.containers.forEach((n) => made.containers.add(n));
    plan.creates.images.forEach((n) => made.images.add(fullImageName(n)));
    plan.creates.networks.forEach((n) => made.networks.add(n));
  }
}

/** What a whole setup needs from the engine: every image it uses that no earlier step makes. */
export function missingImageCandidates(plans: readonly StepPlan[], dockerfiles: (path: string) => string | null): string[] {
  const made = new Set<string>();
  const needed: string[] = [];
  const need = (ref: string) => {
    const full = fullImageName(ref);
    if (!made.has(full) && !needed.includes(full)) needed.push(full);
  };
  for (const plan of plans) {
    plan.needsImages.forEach(need);
    if (plan.build) {
      const text = dockerfiles(plan.build.dockerfile);
      if (text !== null) fromImages(text).forEach(need);
    }
    for (const image of plan.creates.images) made.add(fullImageName(image));
  }
  return needed;
}
