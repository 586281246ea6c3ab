/**
 * The image store and its reference store: images by ID, and repository:tag names pointing at
 * them (like moby's image/store.go and reference/store.go).
 */
import { notFound } from "../errdefs";
import type { Image } from "./image";

/** A name as the reference store keys it: "docker.io/library/busybox:latest". */
export type RefKey = string;

export class ImageStore {
  readonly images = new Map<string, Image>();
  /** Tag -> image ID, in the order tags were made. */
  readonly tags = new Map<RefKey, string>();
  /**
   * Images deleted (`docker rmi -f`) while containers were made from them: gone from the store,
   * but their layers stay under those containers, as a container's layer keeps its parents.
   */
  readonly retired = new Map<string, Image>();

  add(img: Image): Image {
    const existing = this.images.get(img.id);
    if (existing) return existing;
    this.retired.delete(img.id);
    this.images.set(img.id, img);
    return img;
  }

  get(id: string): Image | undefined {
    return this.images.get(id);
  }

  /** Take an image out of the store (its tags must be gone already). */
  delete(id: string): Image | undefined {
    const img = this.images.get(id);
    this.images.delete(id);
    return img;
  }

  setTag(ref: RefKey, id: string): void {
    this.tags.delete(ref);
    this.tags.set(ref, id);
  }

  removeTag(ref: RefKey): boolean {
    return this.tags.delete(ref);
  }

  /** The references to an image, sorted as moby's reference store returns them. */
  tagsOf(id: string): RefKey[] {
    return [...this.tags]
      .filter(([, v]) => v === id)
      .map(([k]) => k)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The tags of one repository ("docker.io/library/busybox"), sorted, with their image IDs. */
  tagsOfRepo(name: string): Array<[RefKey, string]> {
    return [...this.tags]
      .filter(([k]) => k.startsWith(name + ":") && !k.slice(name.length + 1).includes("/") && !k.includes("@"))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Find an image by full or short ID (with or without "sha256:"). Returns null when none or ambiguous. */
  byIdPrefix(s: string): Image | null | "ambiguous" {
    const hexPart = s.replace(/^sha256:/, "");
    if (!/^[0-9a-f]+$/.test(hexPart)) return null;
    const full = "sha256:" + hexPart;
    const exact = this.images.get(full);
    if (exact) return exact;
    const matches = [...this.images.values()].filter((i) => i.id.startsWith(full));
    if (matches.length > 1) return "ambiguous";
    return matches[0] ?? null;
  }

  /** An image by ID, also one deleted while containers still run on it (what `docker start` needs). */
  mustGet(id: string): Image {
    const img = this.images.get(id) ?? this.retired.get(id);
    if (!img) throw notFound(`No such image: ${id}`);
    return img;
  }

  /** Images whose parent is `id` (legacy-builder children keep a parent alive). */
  children(id: string): Image[] {
    return [...this.images.values()].filter((i) => i.parent === id);
  }
}
