/**
 * The per-platform twins of the built-in images the simulated Hub publishes. The files of a
 * built-in image are the lab image's (amd64) files; its arm64 twin has the same tree, a config
 * that says arm64/v8 and layers with their own diffIDs and blob digests, as two real builds for two
 * architectures have. What makes the twin foreign on this host is its config: a container of
 * it fails to start its program with `exec format error`, as on an x86-64 machine without QEMU.
 */
import type { Layer } from "../snapshots/layers";
import { digest } from "../util/sha256";
import { formatPlatform, type Platform, samePlatform, HOST_PLATFORM } from "./platform";

/** The diffID a layer has in the build for another platform (stable: derived from the amd64 one). */
export function foreignDiffId(diffId: string, p: Platform): string {
  return digest(`layerlab ${formatPlatform(p)}\n${diffId}`);
}

/** A platform as a manifest list's descriptor writes it: architecture, os, variant. */
export function descriptorPlatform(p: Platform): Platform {
  return { architecture: p.architecture, os: p.os, ...(p.variant ? { variant: p.variant } : {}) } as Platform;
}

/** Config and layers of a built-in image for a platform (the image itself for the host's). */
export function platformVariant(raw: string, layers: readonly Layer[], p: Platform): { raw: string; layers: Layer[] } {
  if (samePlatform(p, HOST_PLATFORM)) return { raw, layers: [...layers] };
  const config = JSON.parse(raw) as { architecture?: string; variant?: string; rootfs?: { diff_ids?: string[] } };
  const out: Layer[] = [];
  let parent: Layer | null = null;
  for (const l of layers) {
    const diffId = foreignDiffId(l.diffId, p);
    const copy: Layer = { diffId, chainId: parent ? digest(`${parent.chainId} ${diffId}`) : diffId, parent, root: l.root, size: l.size, ...(l.abridged ? { abridged: l.abridged } : {}) };
    out.push(copy);
    parent = copy;
  }
  config.architecture = p.architecture;
  if (p.variant) config.variant = p.variant;
  else delete config.variant;
  if (config.rootfs?.diff_ids) config.rootfs.diff_ids = config.rootfs.diff_ids.map((d) => foreignDiffId(d, p));
  return { raw: JSON.stringify(config), layers: out };
}
