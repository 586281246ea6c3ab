/** Finding an image by what a user typed: a reference (name[:tag][@digest]) or an ID prefix. */
import { familiarString, parseAnyReference, parseNormalizedNamed, referenceString, tagNameOnly, type Reference } from "../../api/reference";
import type { Daemon } from "../daemon";
import { invalidParameter, notFound } from "../errdefs";
import type { Image } from "./image";

/** The reference store key for a parsed reference ("docker.io/library/busybox:latest"). */
export function refKey(r: Reference): string {
  return referenceString(tagNameOnly(r));
}

/**
 * A reference error as the engine words it: its reference package names no repository in the
 * lowercase error ("repository name must be lowercase"), unlike the client's.
 */
export function daemonRefError(msg: string): string {
  return msg.replace(/^(invalid reference format: )?repository name \(.*\) must be lowercase$/, (_m, p: string | undefined) => `${p ?? ""}repository name must be lowercase`);
}

/** A reference parsed on the client side: a malformed one is the client's error ("invalid reference format"). */
export function parseRefOrThrow(s: string): Reference {
  const r = parseNormalizedNamed(s);
  if (!r.ok) throw new Error(r.error);
  return r.ref;
}

/**
 * moby's GetImage: a full ID or digest names the image directly; otherwise a tag is looked up
 * first ("x" means "x:latest") and then an ID prefix. Throws "No such image: x:latest".
 */
export function getImage(d: Daemon, refOrId: string): Image {
  const r = parseAnyReference(refOrId);
  if (!r.ok) throw invalidParameter(daemonRefError(r.error));
  const ref = r.ref;
  if (!ref.path) {
    const img = d.images.get(ref.digest!);
    if (img) return img;
    throw notFound(`No such image: ${familiarString(ref)}`);
  }
  const id = d.images.tags.get(refKey(ref));
  const tagged = id ? d.images.get(id) : undefined;
  if (tagged) return tagged;
  if (ref.digest !== undefined) {
    // name@digest: the image a pull or push recorded that repository digest for
    const rd = `${ref.domain}/${ref.path}@${ref.digest}`;
    for (const img of d.images.images.values()) if (img.repoDigests?.includes(rd)) return img;
  }
  const byId = d.images.byIdPrefix(refOrId);
  if (byId && byId !== "ambiguous") return byId;
  throw notFound(`No such image: ${familiarString(tagNameOnly(ref))}`);
}

/** getImage, or null when there is no such image or the reference is malformed. */
export function lookupImage(d: Daemon, s: string): Image | null {
  try {
    return getImage(d, s);
  } catch {
    return null;
  }
}

/** The familiar name:tag of a key ("busybox:latest"). */
export function familiar(key: string): string {
  const r = parseNormalizedNamed(key);
  return r.ok ? familiarString(r.ref) : key;
}
