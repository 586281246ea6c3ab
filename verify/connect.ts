/**
 * Finding the Docker daemon the way the `docker` command does (DOCKER_HOST, then the current
 * context), so that verify and the learner's own `docker` talk to the same engine; and turning
 * connection failures into explanations with the fix.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type Docker from "dockerode";

export interface Endpoint {
  /** The engine address as Docker writes it: unix:///var/run/docker.sock, tcp://host:2375, npipe://... */
  host: string;
  /** Where it came from, for messages: "DOCKER_HOST", "context desktop-linux", "default". */
  source: string;
  /** TLS material of a context or of DOCKER_CERT_PATH, when the endpoint uses TLS. */
  tls?: { ca: string; cert: string; key: string };
}

/** What resolution reads from the machine; tests pass their own. */
export interface Machine {
  env: Record<string, string | undefined>;
  home: string;
  platform: string;
  uid?: number;
  exists(path: string): boolean;
  readText(path: string): string | null;
}

export function thisMachine(): Machine {
  return {
    env: process.env,
    home: homedir(),
    platform: process.platform,
    uid: typeof process.getuid === "function" ? process.getuid() : undefined,
    exists: existsSync,
    readText: (p) => {
      try {
        return readFileSync(p, "utf8");
      } catch {
        return null;
      }
    },
  };
}

/** A connection problem the learner can fix; the CLI prints the message and exits 2. */
export class SetupError extends Error {}

const defaultHost = (m: Machine) => (m.platform === "win32" ? "npipe:////./pipe/docker_engine" : "unix:///var/run/docker.sock");

function configDir(m: Machine): string {
  return m.env.DOCKER_CONFIG || join(m.home, ".docker");
}

/** The endpoint the docker CLI would use: DOCKER_HOST, else DOCKER_CONTEXT or the config's currentContext. */
export function resolveEndpoint(m: Machine): Endpoint {
  const fromEnv = m.env.DOCKER_HOST;
  if (fromEnv) {
    const certs = m.env.DOCKER_CERT_PATH || configDir(m);
    const tls =
      m.env.DOCKER_TLS_VERIFY && m.env.DOCKER_TLS_VERIFY !== "0"
        ? { ca: join(certs, "ca.pem"), cert: join(certs, "cert.pem"), key: join(certs, "key.pem") }
        : undefined;
    return { host: fromEnv, source: "DOCKER_HOST", tls };
  }
  let name = m.env.DOCKER_CONTEXT;
  let from = "DOCKER_CONTEXT";
  if (!name) {
    const config = m.readText(join(configDir(m), "config.json"));
    if (config) {
      try {
        const current = (JSON.parse(config) as { currentContext?: unknown }).currentContext;
        if (typeof current === "string" && current) {
          name = current;
          from = `${join(configDir(m), "config.json")} (currentContext)`;
        }
      } catch {
        throw new SetupError(`${join(configDir(m), "config.json")} is not valid JSON; the docker command cannot read it either.`);
      }
    }
  }
  if (!name || name === "default") return { host: defaultHost(m), source: "default" };
  const hash = createHash("sha256").update(name).digest("hex");
  const metaFile = join(configDir(m), "contexts", "meta", hash, "meta.json");
  const meta = m.readText(metaFile);
  if (meta === null) {
    throw new SetupError(
      `Docker context "${name}" (from ${from}) does not exist. List contexts with \`docker context ls\` and pick one with \`docker context use <name>\`.`,
    );
  }
  let host: unknown;
  let skipTls = true;
  try {
    const docker = (JSON.parse(meta) as { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: boolean } } }).Endpoints?.docker;
    host = docker?.Host;
    skipTls = docker?.SkipTLSVerify ?? false;
  } catch {
    throw new SetupError(`${metaFile} (Docker context "${name}") is not valid JSON.`);
  }
  if (typeof host !== "string" || !host) throw new SetupError(`Docker context "${name}" has no Docker endpoint.`);
  const tlsDir = join(configDir(m), "contexts", "tls", hash, "docker");
  const tls =
    !skipTls && m.exists(join(tlsDir, "cert.pem"))
      ? { ca: join(tlsDir, "ca.pem"), cert: join(tlsDir, "cert.pem"), key: join(tlsDir, "key.pem") }
      : undefined;
  return { host, source: `context ${name}`, tls };
}

/** "unix:///var/run/docker.sock", or with where it came from: "unix:///x.sock (from DOCKER_HOST)". */
export function describeEndpoint(ep: Endpoint): string {
  return ep.source === "default" ? ep.host : `${ep.host} (from ${ep.source})`;
}

/** dockerode's connection options for an endpoint. */
export function dockerOptions(ep: Endpoint, m: Machine, timeoutMs: number): Docker.DockerOptions {
  const url = ep.host;
  if (url.startsWith("unix://")) return { socketPath: url.slice("unix://".length), timeout: timeoutMs };
  if (url.startsWith("npipe://")) return { socketPath: url.slice("npipe://".length), timeout: timeoutMs };
  const tcp = /^(?:tcp|http|https):\/\/\[?([^\]/]+?)\]?(?::(\d+))?\/?$/.exec(url);
  if (tcp) {
    const read = (p: string) => {
      const text = m.readText(p);
      if (text === null) throw new SetupError(`cannot read the TLS file ${p} for ${describeEndpoint(ep)}`);
      return text;
    };
    const tls = ep.tls ? { ca: read(ep.tls.ca), cert: read(ep.tls.cert), key: read(ep.tls.key) } : {};
    return { host: tcp[1], port: tcp[2] ?? (ep.tls ? "2376" : "2375"), protocol: ep.tls ? "https" : "http", timeout: timeoutMs, ...tls };
  }
  throw new SetupError(
    `verify talks to a Docker engine over a local socket or TCP; ${describeEndpoint(ep)} is not supported. Set DOCKER_HOST to a unix:// socket, or select another context (\`docker context use <name>\`).`,
  );
}

/** Sockets other setups use, to suggest when the expected one is missing. */
function otherSockets(m: Machine): { path: string; what: string }[] {
  const runtimeDir = m.env.XDG_RUNTIME_DIR || (m.uid !== undefined ? `/run/user/${m.uid}` : "");
  return [
    ...(runtimeDir ? [{ path: join(runtimeDir, "docker.sock"), what: "rootless Docker" }] : []),
    { path: join(m.home, ".docker", "desktop", "docker.sock"), what: "Docker Desktop for Linux" },
    { path: join(m.home, ".docker", "run", "docker.sock"), what: "Docker Desktop for Mac" },
    { path: join(m.home, ".colima", "default", "docker.sock"), what: "Colima" },
    { path: join(m.home, ".rd", "docker.sock"), what: "Rancher Desktop" },
  ];
}

function socketHints(m: Machine, current: string): string[] {
  const found = otherSockets(m).filter((s) => s.path !== current && m.exists(s.path));
  if (found.length > 0) {
    return found.flatMap((s) => [`A Docker socket exists at ${s.path} (${s.what}). Use it with:`, `  export DOCKER_HOST=unix://${s.path}`]);
  }
  return [
    "Rootless Docker listens on $XDG_RUNTIME_DIR/docker.sock, Docker Desktop on ~/.docker/desktop/docker.sock (Linux)",
    "or ~/.docker/run/docker.sock (Mac): set DOCKER_HOST=unix://<that path>, or select the engine's context",
    "(`docker context ls`, then `docker context use <name>`).",
  ];
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * An explanation for a failure to reach the daemon, or null when the error is not about the
 * connection (then the caller reports the error itself).
 */
export function explainConnectionError(e: unknown, ep: Endpoint, m: Machine): string | null {
  const code = errorCode(e);
  const socket = ep.host.startsWith("unix://") ? ep.host.slice(7) : ep.host.startsWith("npipe://") ? ep.host.slice(8) : "";
  const where = describeEndpoint(ep);
  const start =
    m.platform === "linux"
      ? "Start it (sudo systemctl start docker), or start Docker Desktop if you use it."
      : "Start Docker Desktop (or your Docker engine) and try again.";
  switch (code) {
    case "ENOENT":
      return [`Cannot connect to the Docker daemon at ${where}: ${socket || ep.host} does not exist. Is Docker running?`, start, ...socketHints(m, socket)].join("\n");
    case "EACCES":
    case "EPERM":
      return [
        `Permission denied on ${socket || ep.host}: your user may not use this Docker daemon.`,
        m.platform === "linux"
          ? "Fix: add yourself to the docker group, then log out and back in (or run `newgrp docker`):\n  sudo usermod -aG docker $USER\nMembers of the docker group can act as root on this machine; rootless Docker avoids that."
          : "Fix: check that your user may open the socket (Docker Desktop: restart it).",
        ...(ep.source === "default" ? socketHints(m, socket).filter((l) => !l.startsWith("Rootless Docker listens")) : []),
      ].join("\n");
    case "ECONNREFUSED":
      return [`Cannot connect to the Docker daemon at ${where}: nothing is listening there.`, start, ...(socket ? socketHints(m, socket) : [])].join("\n");
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `Cannot reach the Docker daemon at ${where} (${code}). Check DOCKER_HOST or the current context.`;
    case "ETIMEDOUT":
    case "ECONNRESET":
    case "ESOCKETTIMEDOUT":
      return `The Docker daemon at ${where} did not answer (${code}). Is it running and healthy? Try \`docker info\`.`;
    default:
      if (e instanceof TimeoutError) return `The Docker daemon at ${where} did not answer within ${e.seconds} s. Is it running and healthy? Try \`docker info\`.`;
      return null;
  }
}

export class TimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly seconds: number,
  ) {
    super(`${what} did not finish within ${seconds} s`);
  }
}

/** Bounds any promise; the caller's request is abandoned (and the modem's own timeout ends it). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, Math.round(ms / 100) / 10)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}
