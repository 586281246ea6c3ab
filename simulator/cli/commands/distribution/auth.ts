/**
 * The CLI's config file (~/.docker/config.json): `auths` as `docker login` stores them without a
 * credential helper (base64 of "user:password", the file written with tab indentation and mode
 * 0600), and the credentials pull and push send for a registry.
 */
import type { Reference } from "../../../api/reference";
import { HUB_AUTH_KEY, HUB_HOST } from "../../../distribution/service";
import type { Credentials } from "../../../distribution/transfer";
import { base64Decode, base64Encode, text, utf8 } from "../../../util/bytes";
import type { CliEnv } from "../../command";

interface ConfigFile {
  auths?: Record<string, { auth?: string }>;
  [k: string]: unknown;
}

export function configDir(env: CliEnv): string {
  return env.ctx.env.DOCKER_CONFIG || `${env.ctx.env.HOME || "/root"}/.docker`;
}

export function configPath(env: CliEnv): string {
  return `${configDir(env)}/config.json`;
}

export function readConfig(env: CliEnv): ConfigFile {
  try {
    return JSON.parse(text(env.ctx.fs.readFile(configPath(env)))) as ConfigFile;
  } catch {
    return {};
  }
}

export function writeConfig(env: CliEnv, cfg: ConfigFile): void {
  const dir = configDir(env);
  if (!env.ctx.fs.exists(dir)) env.ctx.fs.mkdir(dir, 0o700);
  const path = configPath(env);
  const fresh = !env.ctx.fs.exists(path);
  env.ctx.fs.writeFile(path, JSON.stringify(cfg, null, "\t"), { mode: 0o600 });
  if (fresh) env.ctx.fs.chmod(path, 0o600);
}

/** The key a registry's credentials are stored under ("https://index.docker.io/v1/" for Hub). */
export function authKey(host: string): string {
  return host === HUB_HOST || host === "index.docker.io" || host === HUB_AUTH_KEY ? HUB_AUTH_KEY : host.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
}

export function encodeAuth(c: Credentials): string {
  return base64Encode(utf8(`${c.username}:${c.password}`));
}

export function storedCredentials(env: CliEnv, host: string): Credentials | null {
  const a = readConfig(env).auths?.[authKey(host)]?.auth;
  if (!a) return null;
  const s = text(base64Decode(a));
  const i = s.indexOf(":");
  return i < 0 ? null : { username: s.slice(0, i), password: s.slice(i + 1) };
}

export function credentialsFor(env: CliEnv, ref: Reference): Credentials | null {
  return storedCredentials(env, ref.domain);
}
