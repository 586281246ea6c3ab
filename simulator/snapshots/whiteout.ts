/** The whiteout conventions of image layers (the OCI/Docker layer tar format). */
export const WH_PREFIX = ".wh.";
export const OPAQUE = ".wh..wh..opq";

export function isWhiteoutName(name: string): boolean {
  return name.startsWith(WH_PREFIX);
}

export function whiteoutFor(name: string): string {
  return WH_PREFIX + name;
}

/** The name a whiteout hides, or null for the opaque marker and ordinary names. */
export function hiddenName(name: string): string | null {
  if (name === OPAQUE || !name.startsWith(WH_PREFIX)) return null;
  return name.slice(WH_PREFIX.length);
}
