/**
 * The one place daemon errors become text, as the docker CLI prints them:
 * "Error response from daemon: No such container: x".
 */
import { isDaemonError } from "../daemon/errdefs";
import { FsError, STRERROR } from "../fs/types";

export function errorMessage(e: unknown): string {
  if (isDaemonError(e)) return `Error response from daemon: ${e.message}`;
  if (e instanceof FsError) return STRERROR[e.code];
  return e instanceof Error ? e.message : String(e);
}

/** `docker run/create/start` style: "docker: <error>\n\nRun 'docker run --help' for more information". */
export function runStyleError(path: string, e: unknown): string {
  return `docker: ${errorMessage(e)}\n\nRun '${path} --help' for more information\n`;
}

/** Whether an error is a daemon (not client) error. */
export { isDaemonError };
