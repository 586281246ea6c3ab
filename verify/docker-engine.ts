/**
 * The CheckEngine on a real Docker daemon, through the Engine API (dockerode over the local
 * socket). Same semantics as the simulator's SimEngine (simulator/check/sim-engine.ts):
 * lookups return null for "not found" and throw for anything else, lists come in the engine's
 * order, exec captures output, readFile reads like `docker cp` (running or stopped container,
 * a symbolic link is no regular file), hostFile reads the working folder `verify setup` prepared.
 * Every call is bounded in time.
 */
import { readFile, stat } from "node:fs/promises";
import { join, posix, relative, isAbsolute } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import type Docker from "dockerode";
import type {
  CheckEngine,
  ContainerInspect,
  ContainerSummary,
  ExecResult,
  HistoryItem,
  ImageInspect,
  ImageSummary,
  NetworkInspect,
  VolumeInspect,
} from "../simulator/check/engine";
import { withTimeout } from "./connect";
import { readTar } from "./tar";

/** Time one API call may take. */
export const CALL_TIMEOUT_MS = 30_000;
/** Time an exec may take (as in the simulator). */
export const EXEC_TIMEOUT_MS = 60_000;
/** Exec output kept per stream (as in the simulator). */
export const EXEC_OUTPUT_LIMIT = 1 << 20;
/** Largest file readFile returns. */
export const READ_FILE_LIMIT = 16 << 20;

interface ApiError {
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  message?: string;
  code?: string;
}

function apiError(e: unknown): ApiError {
  return typeof e === "object" && e !== null ? (e as ApiError) : { message: String(e) };
}

const isNotFound = (e: unknown) => apiError(e).statusCode === 404;

/** The daemon's own words for an API error; connection errors keep their code for the CLI. */
export function daemonError(e: unknown): Error {
  const a = apiError(e);
  if (a.statusCode === undefined) return e instanceof Error ? e : new Error(String(e));
  const text = a.json?.message?.trim() || a.reason || a.message || `HTTP ${a.statusCode}`;
  return Object.assign(new Error(text), { statusCode: a.statusCode });
}

/** Go's os.FileMode type bits (dir, symlink, named pipe, socket, device, char device, irregular). */
const GO_MODE_TYPE = (1 << 31) | (1 << 27) | (1 << 26) | (1 << 25) | (1 << 24) | (1 << 21) | (1 << 19);

interface PathStat {
  name: string;
  size: number;
  mode: number;
  linkTarget: string;
}

function pathStat(header: string | string[] | undefined): PathStat | null {
  if (typeof header !== "string") return null;
  try {
    return JSON.parse(Buffer.from(header, "base64").toString("utf8")) as PathStat;
  } catch {
    return null;
  }
}

async function collect(stream: Readable, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`${what} is larger than ${limit} bytes`);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Keeps the first `limit` bytes written to it. */
class Capture extends PassThrough {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly limit: number) {
    super();
    this.on("data", (chunk: Buffer) => {
      if (this.size >= this.limit) return;
      const part = chunk.subarray(0, this.limit - this.size);
      this.chunks.push(part);
      this.size += part.length;
    });
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

export interface DockerEngineOptions {
  /** The working folder hostFile reads (the folder `verify setup` prepared). */
  workDir: string;
  callTimeoutMs?: number;
  execTimeoutMs?: number;
}

export class DockerEngine implements CheckEngine {
  readonly kind = "docker" as const;
  readonly workDir: string;
  private readonly callMs: number;
  private readonly execMs: number;

  constructor(
    readonly docker: Docker,
    opts: DockerEngineOptions,
  ) {
    this.workDir = opts.workDir;
    this.callMs = opts.callTimeoutMs ?? CALL_TIMEOUT_MS;
    this.execMs = opts.execTimeoutMs ?? EXEC_TIMEOUT_MS;
  }

  /** One API call, bounded in time, with the daemon's message on failure. */
  private async call<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(f(), this.callMs, what);
    } catch (e) {
      throw daemonError(e);
    }
  }

  /** A lookup: null when the daemon answers 404. */
  private async lookup<T>(what: string, f: () => Promise<T>): Promise<T | null> {
    try {
      return await withTimeout(f(), this.callMs, what);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw daemonError(e);
    }
  }

  containers(opts: { all?: boolean } = {}): Promise<ContainerSummary[]> {
    return this.call("listing containers", async () => (await this.docker.listContainers({ all: !!opts.all })) as unknown as ContainerSummary[]);
  }

  container(idOrName: string): Promise<ContainerInspect | null> {
    if (idOrName === "") return Promise.resolve(null);
    return this.lookup(`inspecting container ${idOrName}`, async () => (await this.docker.getContainer(idOrName).inspect()) as unknown as ContainerInspect);
  }

  images(): Promise<ImageSummary[]> {
    return this.call("listing images", async () => (await this.docker.listImages()) as unknown as ImageSummary[]);
  }

  image(ref: string): Promise<ImageInspect | null> {
    if (ref === "") return Promise.resolve(null);
    return this.lookup(`inspecting image ${ref}`, async () => (await this.docker.getImage(ref).inspect()) as unknown as ImageInspect);
  }

  history(ref: string): Promise<HistoryItem[] | null> {
    if (ref === "") return Promise.resolve(null);
    return this.lookup(`reading the history of image ${ref}`, async () => (await this.docker.getImage(ref).history()) as HistoryItem[]);
  }

  volumes(): Promise<VolumeInspect[]> {
    return this.call("listing volumes", async () => ((await this.docker.listVolumes()).Volumes ?? []) as unknown as VolumeInspect[]);
  }

  volume(name: string): Promise<VolumeInspect | null> {
    if (name === "") return Promise.resolve(null);
    return this.lookup(`inspecting volume ${name}`, async () => (await this.docker.getVolume(name).inspect()) as unknown as VolumeInspect);
  }

  /** Each network as inspect shows it (the list endpoint leaves `Containers` empty). */
  async networks(): Promise<NetworkInspect[]> {
    const list = await this.call("listing networks", () => this.docker.listNetworks());
    const all = await Promise.all(list.map((n) => this.network(n.Id)));
    return all.filter((n): n is NetworkInspect => n !== null);
  }

  network(idOrName: string): Promise<NetworkInspect | null> {
    if (idOrName === "") return Promise.resolve(null);
    return this.lookup(`inspecting network ${idOrName}`, async () => (await this.docker.getNetwork(idOrName).inspect()) as unknown as NetworkInspect);
  }

  async exec(container: string, argv: string[], opts: { user?: string; workdir?: string } = {}): Promise<ExecResult> {
    // "No such container: x" / "Container <id> is not running", as the daemon words them
    const exec = await this.call(`creating an exec in ${container}`, () =>
      this.docker.getContainer(container).exec({
        Cmd: argv,
        AttachStdout: true,
        AttachStderr: true,
        AttachStdin: false,
        Tty: false,
        ...(opts.user !== undefined ? { User: opts.user } : {}),
        ...(opts.workdir !== undefined ? { WorkingDir: opts.workdir } : {}),
      }),
    );
    const stream = await this.call(`starting ${JSON.stringify(argv.join(" "))} in ${container}`, () => exec.start({ hijack: true, stdin: false }));
    const out = new Capture(EXEC_OUTPUT_LIMIT);
    const err = new Capture(EXEC_OUTPUT_LIMIT);
    this.docker.modem.demuxStream(stream, out, err);
    const ended = new Promise<void>((resolve, reject) => {
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", reject);
    });
    try {
      await withTimeout(ended, this.execMs, "exec");
    } catch {
      stream.destroy();
      throw new Error(`exec ${JSON.stringify(argv.join(" "))} in ${container} did not finish within ${this.execMs / 1000} seconds`);
    }
    // the exit code is set once the process is reaped; the stream may end just before
    let info = await this.call("inspecting the exec", () => exec.inspect());
    for (let i = 0; info.Running && i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      info = await this.call("inspecting the exec", () => exec.inspect());
    }
    return { exitCode: info.ExitCode ?? -1, stdout: out.text(), stderr: err.text() };
  }

  async readFile(container: string, path: string): Promise<string | null> {
    // a missing container is an error (as `docker cp` says), a missing path is null
    const c = await this.container(container);
    if (!c) throw new Error(`No such container: ${container}`);
    const abs = posix.normalize(path.startsWith("/") ? path : "/" + path);
    const response = await this.lookup(`reading ${abs} from ${container}`, async () => (await this.docker.getContainer(c.Id).getArchive({ path: abs })) as unknown as Readable & { headers?: Record<string, string | string[] | undefined> });
    if (!response) return null;
    const st = pathStat(response.headers?.["x-docker-container-path-stat"]);
    if (st && ((st.mode & GO_MODE_TYPE) !== 0 || st.linkTarget)) {
      response.destroy();
      return null;
    }
    if (st && st.size > READ_FILE_LIMIT) {
      response.destroy();
      throw new Error(`${abs} in ${container} is larger than ${READ_FILE_LIMIT} bytes`);
    }
    const archive = await withTimeout(collect(response, READ_FILE_LIMIT + (1 << 20), `the archive of ${abs}`), this.callMs, `reading ${abs} from ${container}`);
    const entry = readTar(new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength))[0];
    if (!entry || entry.type !== "file") return null;
    return new TextDecoder().decode(entry.data);
  }

  async hostFile(path: string): Promise<string | null> {
    const abs = join(this.workDir, path);
    const rel = relative(this.workDir, abs);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) throw new Error(`hostFile: ${JSON.stringify(path)} is outside the working folder`);
    try {
      if (!(await stat(abs)).isFile()) return null;
      return await readFile(abs, "utf8");
    } catch {
      return null;
    }
  }
}
