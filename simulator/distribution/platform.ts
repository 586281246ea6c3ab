/**
 * Platforms as containerd's `platforms` package writes and matches them: `os/architecture[/variant]`
 * with Go's names (amd64, arm64), `x86_64`/`aarch64` accepted as aliases, and arm64's default
 * variant `v8` normalised away (so `linux/arm64` and `linux/arm64/v8` are the same platform). An
 * image config keeps the variant it was written with (the Hub's arm64 images say `v8`).
 *
 * The simulated host is linux/amd64: the engine reports it as such, and images of another
 * architecture cannot run on it (there is no QEMU registered through binfmt_misc).
 */

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export const HOST_PLATFORM: Platform = { os: "linux", architecture: "amd64" };

/** The platforms the simulated Hub's official images are published for. */
export const HUB_PLATFORMS: Platform[] = [HOST_PLATFORM, { os: "linux", architecture: "arm64", variant: "v8" }];

/** Parse and normalise a platform string ("linux/arm64", "linux/aarch64", "arm64"); throws on a bad one. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().toLowerCase().split("/");
  if (parts.length > 3 || parts.some((p) => p === "" || !/^[a-z0-9_-]+$/.test(p))) throw new Error(`"${text}": unknown operating system or architecture: invalid argument`);
  let [os, arch] = parts;
  let variant: string | undefined = parts[2];
  if (parts.length === 1) {
    // a single word is an OS or an architecture (containerd: "arm64" means linux/arm64)
    if (os === "linux" || os === "windows" || os === "darwin") arch = "amd64";
    else {
      arch = os;
      os = "linux";
    }
  }
  if (arch === "x86_64" || arch === "x86-64") arch = "amd64";
  if (arch === "aarch64") arch = "arm64";
  if (arch === "armhf") {
    arch = "arm";
    variant ??= "v7";
  }
  // containerd normalises arm64's v8 away: linux/arm64/v8 is linux/arm64
  if (arch === "arm64" && (variant === "8" || variant === "v8" || variant === "v8.0")) variant = undefined;
  if (arch === "arm" && variant === undefined) variant = "v7";
  if (arch === "amd64" && variant === "v1") variant = undefined;
  return variant ? { os, architecture: arch, variant } : { os, architecture: arch };
}

/** "linux/arm64/v8" */
export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join("/");
}

/** The form BuildKit's step labels use (containerd's FormatAll of the normalised platform): "linux/arm64", "linux/arm/v7". */
export function shortPlatform(p: Platform): string {
  return formatPlatform(parsePlatform(formatPlatform(p)));
}

/** Whether two platforms are the same (after normalising). */
export function samePlatform(a: Platform, b: Platform): boolean {
  const x = parsePlatform(formatPlatform(a));
  const y = parsePlatform(formatPlatform(b));
  return x.os === y.os && x.architecture === y.architecture && (x.variant ?? "") === (y.variant ?? "");
}

/** The platform an image config records. */
export function platformOfConfig(c: { os?: string; architecture?: string; variant?: string }): Platform {
  return { os: c.os || "linux", architecture: c.architecture || "amd64", ...(c.variant ? { variant: c.variant } : {}) };
}

/** Whether the simulated host can run an image of this platform. */
export function runsOnHost(p: Platform): boolean {
  return p.os === HOST_PLATFORM.os && (p.architecture === "amd64" || p.architecture === "386");
}
