/** docker tag (moby's TagImage): point a repository:tag at an image, moving it if it exists. */
import { familiarName, familiarString, type Reference, tagNameOnly } from "../../api/reference";
import type { Daemon } from "../daemon";
import { invalidParameter } from "../errdefs";
import { getImage, refKey } from "./lookup";

/** Tag the image `source` names as `target` (already parsed and normalised by the client). */
export function imageTag(d: Daemon, source: string, target: Reference): string {
  // The client sends the familiar name ("Team/app"). The 20.10 engine's reference package takes
  // a first component as a registry only if it has "." or ":" or is "localhost", so a capitalised
  // first component the client took for a registry is an uppercase repository path to the engine.
  if (target.domain !== "docker.io" && target.domain !== "localhost" && !/[.:]/.test(target.domain)) {
    throw invalidParameter("invalid reference format: repository name must be lowercase");
  }
  const img = getImage(d, source);
  tagImage(d, img.id, target);
  return img.id;
}

/** The reference store's AddTag (forced): the tag now names `id`. */
export function tagImage(d: Daemon, id: string, target: Reference): void {
  if (target.digest !== undefined) throw invalidParameter("refusing to create a tag with a digest reference");
  if (familiarName(target) === "sha256") throw invalidParameter("refusing to create an ambiguous tag using digest algorithm as name");
  const ref = tagNameOnly(target);
  d.images.setTag(refKey(ref), id);
  d.events.emit({ Type: "image", Action: "tag", Actor: { ID: id, Attributes: { name: familiarString(ref) } }, time: d.now() });
}
