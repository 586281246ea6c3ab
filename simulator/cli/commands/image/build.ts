/**
 * docker build: reads the context directory (or a Dockerfile on stdin) from the host, then runs
 * BuildKit (the default) or, with DOCKER_BUILDKIT=0, the legacy builder. BuildKit's progress goes
 * to stderr (plain unless stderr is a terminal and --progress says otherwise); -q prints the ID.
 */
import { parseNormalizedNamed } from "../../../api/reference";
import { build, type BuildRequest } from "../../../builder/index";
import { emptyContext, readContext } from "../../../builder/context";
import { basename, dirname, resolve } from "../../../fs/path";
import { DISCARD, readAll } from "../../../runtime/streams";
import { bool, list, str, type CliEnv, type Command, type Values } from "../../command";
import { registerCommand } from "../../registry";

const LEGACY_NOTICE =
  "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n" +
  "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n" +
  "            environment-variable.\n\n";

export const BUILD: Command = {
  path: "docker build",
  use: "[OPTIONS] PATH | URL | -",
  short: "Build an image from a Dockerfile",
  aliases: ["docker image build", "docker builder build"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "build-arg", type: "list", usage: "Set build-time variables" },
    { long: "cache-from", type: "list", usage: "External cache sources (e.g., \"user/app:cache\", \"type=local,src=path/to/dir\")" },
    { long: "file", short: "f", type: "string", usage: "Name of the Dockerfile (default: \"PATH/Dockerfile\")" },
    { long: "iidfile", type: "string", usage: "Write the image ID to the file" },
    { long: "label", type: "list", usage: "Set metadata for an image" },
    { long: "network", type: "string", default: "default", usage: "Set the networking mode for the \"RUN\" instructions during build" },
    { long: "no-cache", type: "bool", usage: "Do not use cache when building the image" },
    { long: "platform", type: "string", usage: "Set target platform for build" },
    { long: "progress", type: "string", default: "auto", usage: "Set type of progress output (\"auto\", \"plain\", \"tty\", \"rawjson\"). Use plain to show container output" },
    { long: "pull", type: "bool", usage: "Always attempt to pull all referenced images" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress the build output and print image ID on success" },
    { long: "rm", type: "bool", default: true, usage: "Remove intermediate containers after a successful build" },
    {
      long: "tag",
      short: "t",
      type: "list",
      usage: "Name and optionally a tag in the \"name:tag\" format",
      validate: (x) => {
        const r = parseNormalizedNamed(x);
        return r.ok ? { ok: true } : { ok: false, error: r.error };
      },
    },
    { long: "target", type: "string", usage: "Set the target build stage to build" },
  ],
  async run(env, v, args) {
    const prepared = await prepareBuild(env, v, args);
    if (typeof prepared === "number") return prepared;
    const { request, legacy, quiet, cwd, fs } = prepared;
    const result = await build(env.daemon, request);
    if (result.imageId) {
      if (quiet) await env.out(result.imageId + "\n");
      const iid = str(v, "iidfile");
      if (iid) fs.writeFile(resolve(cwd, iid), legacy ? result.imageId + "\n" : result.imageId);
    }
    return result.exit;
  },
};

/**
 * What `docker build` and `docker buildx build` share: the flags checked, the Dockerfile and
 * context read from the host, and the build request (or the exit code of a failure, printed).
 */
export async function prepareBuild(env: CliEnv, v: Values, args: string[]): Promise<number | { request: BuildRequest; legacy: boolean; quiet: boolean; cwd: string; fs: CliEnv["ctx"]["fs"] }> {
  {
    const ctx = env.ctx;
    const legacy = ["0", "false", "FALSE", "False"].includes(ctx.env.DOCKER_BUILDKIT ?? "");
    const progress = str(v, "progress") || "auto";
    if (!["auto", "plain", "tty", "rawjson", "quiet"].includes(progress) && !legacy) {
      await env.err(`ERROR: failed to build: invalid progress mode ${progress}\n`);
      return 1;
    }
    const quiet = bool(v, "quiet");
    if (legacy) await env.err(LEGACY_NOTICE);
    const fs = ctx.fs;
    const cwd = ctx.cwd;
    const fileFlag = str(v, "file");
    let dockerfile: string;
    let dockerfileName = "Dockerfile";
    let contextDir: string | null = null;
    try {
      if (args[0] === "-") {
        if (fileFlag) {
          await env.err("unable to prepare context: DockerfileFromStdin is not supported with a Dockerfile from stdin\n");
          return 1;
        }
        dockerfile = new TextDecoder().decode(await readAll(ctx.stdin));
      } else {
        contextDir = resolve(cwd, args[0]);
        if (!fs.exists(contextDir)) {
          await env.err(legacy ? `unable to prepare context: path "${args[0]}" not found\n` : `ERROR: failed to build: unable to prepare context: path "${args[0]}" not found\n`);
          return 1;
        }
        if (fileFlag === "-") dockerfile = new TextDecoder().decode(await readAll(ctx.stdin));
        else {
          const path = fileFlag ? resolve(cwd, fileFlag) : `${contextDir}/Dockerfile`;
          dockerfileName = fileFlag ? basename(fileFlag) : "Dockerfile";
          if (!fs.exists(path)) {
            if (legacy) await env.err(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${path}: no such file or directory\n`);
            else await env.err(`ERROR: failed to build: failed to solve: failed to read dockerfile: open ${dockerfileName}: no such file or directory\n`);
            return 1;
          }
          dockerfile = new TextDecoder().decode(fs.readFile(path));
          void dirname;
        }
      }
    } catch (e) {
      await env.err(`${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const context = contextDir ? readContext(fs, contextDir, dockerfileName) : emptyContext(env.daemon.now());
    const buildArgs = new Map<string, string | null>();
    for (const a of list(v, "build-arg")) {
      const i = a.indexOf("=");
      if (i < 0) buildArgs.set(a, ctx.env[a] ?? null);
      else buildArgs.set(a.slice(0, i), a.slice(i + 1));
    }
    const labels: Record<string, string> = {};
    for (const l of list(v, "label")) {
      const i = l.indexOf("=");
      labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? "" : l.slice(i + 1);
    }
    const tty = progress === "tty" || (progress === "auto" && ctx.stderr.isTTY === true);
    const request: BuildRequest = {
      builder: legacy ? "legacy" : "buildkit",
      dockerfile,
      dockerfileName,
      source: `${contextDir ?? "-"}:${fileFlag || "Dockerfile"}`,
      context,
      dockerfileInContext: args[0] !== "-" && fileFlag !== "-" && !!fileFlag === false ? true : args[0] !== "-" && fileFlag !== "-" && isInside(contextDir!, resolve(cwd, fileFlag)),
      tags: list(v, "tag"),
      buildArgs,
      target: str(v, "target"),
      noCache: bool(v, "no-cache"),
      cacheFrom: list(v, "cache-from"),
      labels,
      quiet,
      progressMode: tty ? "tty" : "plain",
      progress: quiet ? DISCARD : ctx.stderr,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
    };
    return { request, legacy, quiet, cwd, fs };
  }
}

function isInside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith("/") ? dir : dir + "/");
}

registerCommand(BUILD);
