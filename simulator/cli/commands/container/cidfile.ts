/** --cidfile: the CLI refuses an existing file, then writes the new container's ID into it (no newline). */
import type { CliEnv } from "../../command";
import { ClientError } from "./opts-parse";

export function checkCidFile(env: CliEnv, path: string): void {
  if (path && env.ctx.fs.exists(path)) throw new ClientError(`container ID file found, make sure the other container isn't running or delete ${path}`);
}

export function writeCidFile(env: CliEnv, path: string, id: string): void {
  if (!path) return;
  try {
    env.ctx.fs.writeFile(path, id, { exclusive: true, mode: 0o644 });
  } catch (e) {
    throw new ClientError(`failed to create the container ID file: open ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
