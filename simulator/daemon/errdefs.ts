/**
 * Typed daemon errors (like containerd's errdefs and moby's errdefs). The daemon throws these;
 * the CLI turns them into text in one place (cli/errors.ts), the way the Engine API maps them to
 * HTTP status codes and the docker CLI prints "Error response from daemon: ...".
 */
export type ErrorKind = "NotFound" | "Conflict" | "InvalidParameter" | "NotImplemented" | "Forbidden" | "Unavailable" | "System" | "NotModified";

export class DaemonError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "DaemonError";
  }
  /** The Engine API status code the kind maps to. */
  get status(): number {
    return { NotFound: 404, Conflict: 409, InvalidParameter: 400, NotImplemented: 501, Forbidden: 403, Unavailable: 503, System: 500, NotModified: 304 }[this.kind];
  }
}

export const notFound = (m: string) => new DaemonError("NotFound", m);
export const conflict = (m: string) => new DaemonError("Conflict", m);
export const invalidParameter = (m: string) => new DaemonError("InvalidParameter", m);
export const notImplemented = (m: string) => new DaemonError("NotImplemented", m);
export const systemError = (m: string) => new DaemonError("System", m);
export const forbidden = (m: string) => new DaemonError("Forbidden", m);

export function isDaemonError(e: unknown): e is DaemonError {
  return e instanceof DaemonError;
}
