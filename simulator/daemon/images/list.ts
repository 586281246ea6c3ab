/**
 * docker images on the daemon side (moby's ImageService.Images): which images, with which of
 * their tags, newest first. Untagged images show once as "<none>:<none>" unless they are parents
 * of other images (then only with -a). Filters: dangling, label, before, since, reference (the
 * engine's API 1.41 has no "until" for listing).
 */
import { familiarName, familiarString, parseNormalizedNamed } from "../../api/reference";
import type { Daemon } from "../daemon";
import { invalidParameter } from "../errdefs";
import type { Image } from "./image";
import { getImage } from "./lookup";
import { familiarMatch } from "./match";
import { matchLabels, parseFilters } from "./prune-filters";

export interface ImageSummary {
  img: Image;
  /** Familiar "repo:tag" strings, or ["<none>:<none>"] for an untagged image. */
  repoTags: string[];
  /** Seconds since the epoch (the API's Created). */
  created: number;
}

function matches(pattern: string, full: string, name: string): boolean {
  try {
    return familiarMatch(pattern, full, name);
  } catch (e) {
    throw invalidParameter(e instanceof Error ? e.message : String(e));
  }
}

const createdMs = (img: Image) => Date.parse(img.config.created) || 0;

export function imagesList(d: Daemon, opts: { all: boolean; filters: readonly string[] }): ImageSummary[] {
  const f = parseFilters(opts.filters, ["dangling", "label", "before", "since", "reference"]);
  let danglingOnly = false;
  if (f.has("dangling")) {
    const v = f.get("dangling")!;
    if (v.includes("true")) danglingOnly = true;
    else if (!v.includes("false")) throw invalidParameter(`Invalid filter 'dangling=[${v.join(" ")}]'`);
  }
  const bound = (key: string, pick: (a: number, b: number) => number): number | null => {
    let t: number | null = null;
    for (const v of f.get(key) ?? []) {
      const c = createdMs(getImage(d, v));
      t = t === null ? c : pick(t, c);
    }
    return t;
  };
  const before = bound("before", Math.min);
  const since = bound("since", Math.max);
  const patterns = f.get("reference");
  const out: ImageSummary[] = [];
  const ms = new Map<Image, number>();
  for (const img of d.images.images.values()) {
    const children = d.images.children(img.id).length;
    if (danglingOnly && children > 0) continue;
    const created = createdMs(img);
    if (before !== null && !(created < before)) continue;
    if (since !== null && !(created > since)) continue;
    if (f.has("label") && !matchLabels(f, img.config.config?.Labels ?? null)) continue;
    const repoTags: string[] = [];
    for (const key of d.images.tagsOf(img.id)) {
      const r = parseNormalizedNamed(key);
      if (!r.ok) continue;
      if (patterns && !patterns.some((p) => matches(p, familiarString(r.ref), familiarName(r.ref)))) continue;
      repoTags.push(familiarString(r.ref));
    }
    if (repoTags.length === 0) {
      if (!opts.all && children > 0) continue;
      if (f.has("dangling") && !danglingOnly) continue;
      if (patterns) continue;
      repoTags.push("<none>:<none>");
    } else if (danglingOnly) continue;
    out.push({ img, repoTags, created: Math.floor(created / 1000) });
    ms.set(img, created);
  }
  // newest first by whole seconds (the engine's order); images made in the same second, which
  // on a real engine are seconds apart, newest first too
  return out.sort((a, b) => b.created - a.created || ms.get(b.img)! - ms.get(a.img)!);
}
