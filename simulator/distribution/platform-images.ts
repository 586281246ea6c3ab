/**
 * The per-platform twins of the built-in images the simulated Hub publishes. The files of a
 * built-in image are the lab image's (amd64) files; its arm64 twin has the same files one second
 * newer (so each layer is another tar stream, with its own diffID and blob digest, as two real
 * builds for two architectures have) and a config that says arm64/v8. What makes the twin
 * foreign on this host is its config: a container of it fails to start its program with
 * `exec format error`, as on an x86-64 machine without QEMU.
 */
import { deepCopy, type Inode, walk } from "../fs/inode";
import { chainIdOf, diffIdOf, type Layer } from "../snapshots/layers";
import { formatPlatform, type Platform, samePlatform, HOST_PLATFORM } from "./platform";

/** A layer's twin tree for another platform, and its diffID (the digest of its tar), made once per process. */
const twins = new WeakMap<Inode, Map<string, { root: Inode; diffId: string }>>();

function twinOf(l: Layer, p: Platform): { root: Inode; diffId: string } {
  let byPlatform = twins.get(l.root);
  if (!byPlatform) twins.set(l.root, (byPlatform = new Map()));
  const key = formatPlatform(p);
  let t = byPlatform.get(key);
  if (!t) {
    const root = deepCopy(l.root);
    const seen = new Set<Inode>();
    walk(root, (_path, n) => {
      if (seen.has(n)) return;
      seen.add(n);
      n.mtime += 1000;
    });
    t = { root, diffId: diffIdOf(root) };
    byPlatform.set(key, t);
  }
  return t;
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
  const renamed = new Map<string, string>();
  let parent: Layer | null = null;
  for (const l of layers) {
    const t = twinOf(l, p);
    renamed.set(l.diffId, t.diffId);
    const copy: Layer = { diffId: t.diffId, chainId: chainIdOf(parent, t.diffId), parent, root: t.root, size: l.size, ...(l.abridged ? { abridged: l.abridged } : {}) };
    out.push(copy);
    parent = copy;
  }
  config.architecture = p.architecture;
  if (p.variant) config.variant = p.variant;
  else delete config.variant;
  if (config.rootfs?.diff_ids) config.rootfs.diff_ids = config.rootfs.diff_ids.map((d) => renamed.get(d) ?? d);
  return { raw: JSON.stringify(config), layers: out };
}
