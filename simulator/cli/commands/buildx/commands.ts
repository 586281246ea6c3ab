/**
 * docker buildx version, ls, create, use, inspect, rm and stop: builder instances as buildx 0.24
 * manages and prints them (texts from the buildx reference documentation; there is no buildx on
 * the machine the simulator is checked against).
 */
import { TabWriter } from "../../template/tabwriter";
import { bool, str, type CliEnv, type Command } from "../../command";
import { registerCommand } from "../../registry";
import {
  booted,
  type Builder,
  BUILDKIT_CONTAINER_VERSION,
  BUILDKIT_ENGINE_VERSION,
  BUILDX_VERSION,
  builders,
  currentName,
  DOCKER_ENDPOINT,
  findBuilder,
  generatedName,
  HOST_BUILD_PLATFORMS,
  lastActivity,
  markActivity,
  removeBuilder,
  saveBuilder,
  selectedBuilder,
  setCurrent,
} from "./builders";

/** The booting vertex a docker-container builder shows the first time it is used. */
export async function bootBuilder(env: CliEnv, b: Builder, write: (s: string) => Promise<void>, n = 1): Promise<void> {
  if (booted(env, b)) return;
  const c = `buildx_buildkit_${b.Nodes[0].Name}`;
  await write(
    `#${n} [internal] booting buildkit\n#${n} pulling image moby/buildkit:buildx-stable-1\n#${n} pulling image moby/buildkit:buildx-stable-1 2.1s done\n` +
      `#${n} creating container ${c}\n#${n} creating container ${c} 0.6s done\n#${n} DONE 2.7s\n\n`,
  );
  env.daemon.machine.sched.now += 2700;
  markActivity(env, b);
}

registerCommand({
  path: "docker buildx version",
  use: "",
  short: "Show buildx version information",
  args: { kind: "exact", n: 0 },
  flags: [],
  async run(env) {
    await env.out(BUILDX_VERSION + "\n");
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker buildx ls",
  use: "",
  short: "List builder instances",
  args: { kind: "exact", n: 0 },
  flags: [
    { long: "format", type: "string", default: "table", usage: "Format the output" },
    { long: "no-trunc", type: "bool", usage: "Don't truncate output" },
  ],
  async run(env) {
    const cur = currentName(env);
    const w = new TabWriter(0, 8, 3, " ");
    w.write("NAME/NODE\tDRIVER/ENDPOINT\tSTATUS\tBUILDKIT\tPLATFORMS\n");
    for (const b of builders(env)) {
      w.write(`${b.Name}${b.Name === cur ? "*" : ""}\t${b.Driver}\t\t\t\n`);
      const up = booted(env, b);
      for (const n of b.Nodes) {
        const version = !up ? "" : b.Driver === "docker" ? BUILDKIT_ENGINE_VERSION : BUILDKIT_CONTAINER_VERSION;
        w.write(` \\_ ${n.Name}\t \\_ ${n.Endpoint}\t${up ? "running" : "inactive"}\t${version}\t${up ? HOST_BUILD_PLATFORMS.join(", ") : ""}\n`);
      }
    }
    await env.out(
      w
        .flush()
        .split("\n")
        .map((l) => l.trimEnd())
        .join("\n"),
    );
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker buildx create",
  use: "[OPTIONS] [CONTEXT|ENDPOINT]",
  short: "Create a new builder instance",
  args: { kind: "range", min: 0, max: 1 },
  flags: [
    { long: "bootstrap", type: "bool", usage: "Boot builder after creation" },
    { long: "driver", type: "string", usage: "Driver to use (available: \"docker-container\", \"kubernetes\", \"remote\")" },
    { long: "name", type: "string", usage: "Builder instance name" },
    { long: "use", type: "bool", usage: "Set the current builder instance" },
  ],
  async run(env, v) {
    const driver = str(v, "driver") || "docker-container";
    if (driver !== "docker-container") {
      await env.err(`ERROR: failed to find driver ${JSON.stringify(driver)}\n`);
      return 1;
    }
    const name = str(v, "name") || generatedName(env);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) {
      await env.err(`ERROR: invalid builder name ${JSON.stringify(name)}, only [a-zA-Z0-9][a-zA-Z0-9_.-]+ are allowed\n`);
      return 1;
    }
    if (name === "default" || findBuilder(env, name)) {
      await env.err(`ERROR: existing instance for "${name}" but no append mode, specify the node name to make changes for existing instances\n`);
      return 1;
    }
    const b: Builder = { Name: name, Driver: "docker-container", Nodes: [{ Name: `${name}0`, Endpoint: DOCKER_ENDPOINT, Platforms: null, Flags: null, DriverOpts: null, Files: null }], Dynamic: false };
    saveBuilder(env, b);
    if (bool(v, "use")) setCurrent(env, name);
    if (bool(v, "bootstrap")) await bootBuilder(env, b, (s) => env.err(s));
    await env.out(name + "\n");
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker buildx use",
  use: "[OPTIONS] NAME",
  short: "Set the current builder instance",
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "default", type: "bool", usage: "Set builder as default for current context" },
    { long: "global", type: "bool", usage: "Builder persists context changes" },
  ],
  async run(env, _v, [name]) {
    if (!findBuilder(env, name)) {
      await env.err(`ERROR: run \`docker buildx create --name ${name}\` to create a builder\n`);
      return 1;
    }
    setCurrent(env, name);
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker buildx inspect",
  use: "[NAME]",
  short: "Inspect current builder instance",
  args: { kind: "range", min: 0, max: 1 },
  flags: [
    { long: "bootstrap", type: "bool", usage: "Ensure builder has booted before inspecting" },
    { long: "builder", type: "string", usage: "Override the configured builder instance" },
  ],
  async run(env, v, args) {
    const b = selectedBuilder(env, args[0] ?? str(v, "builder"));
    if ("error" in b) {
      await env.err(`ERROR: ${b.error}\n`);
      return 1;
    }
    if (bool(v, "bootstrap")) await bootBuilder(env, b, (s) => env.err(s));
    const up = booted(env, b);
    let s = `Name:          ${b.Name}\nDriver:        ${b.Driver}\n`;
    const last = lastActivity(env, b);
    // Go's time.Time text: "2024-01-01 00:00:02 +0000 UTC"
    if (last) s += `Last Activity: ${last.slice(0, 10)} ${last.slice(11, 19)} +0000 UTC\n`;
    s += "\nNodes:\n";
    const field = (k: string, val: string) => `${(k + ":").padEnd(b.Driver === "docker-container" ? 23 : 17)}${val}\n`;
    for (const n of b.Nodes) {
      s += field("Name", n.Name) + field("Endpoint", n.Endpoint) + field("Status", up ? "running" : "inactive");
      if (up) {
        if (b.Driver === "docker-container") s += field("BuildKit daemon flags", "--allow-insecure-entitlement=network.host");
        const version = b.Driver === "docker" ? BUILDKIT_ENGINE_VERSION : BUILDKIT_CONTAINER_VERSION;
        if (version) s += field("BuildKit version", version);
        s += field("Platforms", HOST_BUILD_PLATFORMS.join(", "));
      }
    }
    await env.out(s);
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker buildx rm",
  use: "[OPTIONS] [NAME] [NAME...]",
  short: "Remove one or more builder instances",
  args: { kind: "range", min: 0, max: 100 },
  flags: [{ long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" }],
  async run(env, _v, args) {
    const names = args.length ? args : [currentName(env)];
    for (const name of names) {
      if (name === "default") {
        await env.err("ERROR: context builder cannot be removed, run `docker context rm default` to remove this context\n");
        return 1;
      }
      if (!findBuilder(env, name)) {
        await env.err(`ERROR: no builder ${JSON.stringify(name)} found\n`);
        return 1;
      }
      removeBuilder(env, name);
      await env.err(`${name} removed\n`);
    }
    return 0;
  },
} satisfies Command);
