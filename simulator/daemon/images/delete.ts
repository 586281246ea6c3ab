/**
 * docker rmi (moby's ImageDelete): untag by name, delete by ID, the conflicts that stop either
 * (a container using the image, several tags, dependent child images, a running container even
 * with -f), and pruning of untagged parents. Returns the records the CLI prints.
 */
import { parseNormalizedNamed } from "../../api/reference";
import type { Container } from "../container/container";
import type { Daemon } from "../daemon";
import { conflict, DaemonError, invalidParameter } from "../errdefs";
import { shortId, type Image } from "./image";
import { daemonRefError, familiar, getImage, refKey } from "./lookup";
import { collectRetired, deleteImage } from "./release";

export type DeleteRecord = { Untagged: string } | { Deleted: string };

export interface DeleteOptions {
  force: boolean;
  /** Also delete untagged parent images (the CLI's default; --no-prune turns it off). */
  prune: boolean;
}

const CHILD = 1;
const RUNNING = 2;
const REFERENCE = 4;
const STOPPED = 8;
const HARD = CHILD | RUNNING;
const SOFT = REFERENCE | STOPPED;

class DeleteConflict extends DaemonError {
  constructor(
    id: string,
    readonly hard: boolean,
    readonly used: boolean,
    what: string,
  ) {
    super("Conflict", `conflict: unable to delete ${shortId(id)} (${hard ? "cannot be forced" : "must be forced"}) - ${what}`);
  }
}

const isRunning = (c: Container) => c.state.Running || c.state.Restarting;

function checkConflict(d: Daemon, id: string, mask: number): DeleteConflict | null {
  if (mask & CHILD && d.images.children(id).length > 0) return new DeleteConflict(id, true, false, "image has dependent child images");
  const users = [...d.containers.values()].filter((c) => c.image === id);
  const running = users.find(isRunning);
  if (mask & RUNNING && running) return new DeleteConflict(id, true, true, `image is being used by running container ${running.shortId}`);
  if (mask & REFERENCE && d.images.tagsOf(id).length > 0) return new DeleteConflict(id, false, false, "image is referenced in multiple repositories");
  const stopped = users.find((c) => !isRunning(c));
  if (mask & STOPPED && stopped) return new DeleteConflict(id, false, true, `image is being used by stopped container ${stopped.shortId}`);
  return null;
}

function untag(d: Daemon, key: string, records: DeleteRecord[]): void {
  const id = d.images.tags.get(key) ?? "";
  d.images.removeTag(key);
  records.push({ Untagged: familiar(key) });
  d.events.emit({ Type: "image", Action: "untag", Actor: { ID: id, Attributes: { name: id } }, time: d.now() });
}

/** Remove an image's repository digests (those `which` selects), as untag records. */
function untagDigests(d: Daemon, img: Image, records: DeleteRecord[], which: (rd: string) => boolean): void {
  const all = img.repoDigests ?? [];
  for (const rd of all.filter(which)) {
    records.push({ Untagged: familiar(rd) });
    d.events.emit({ Type: "image", Action: "untag", Actor: { ID: img.id, Attributes: { name: img.id } }, time: d.now() });
  }
  img.repoDigests = all.filter((x) => !which(x));
}

function deleteHelper(d: Daemon, id: string, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean): void {
  const c = checkConflict(d, id, force ? HARD : HARD | SOFT);
  if (c) {
    const dangling = d.images.tagsOf(id).length === 0 && d.images.children(id).length === 0;
    if (quiet && (!dangling || c.used)) return;
    throw c;
  }
  const img = d.images.get(id)!;
  for (const key of d.images.tagsOf(id)) untag(d, key, records);
  const freed = deleteImage(d, img);
  d.events.emit({ Type: "image", Action: "delete", Actor: { ID: id, Attributes: {} }, time: d.now() });
  records.push({ Deleted: id });
  for (const l of freed) records.push({ Deleted: l.chainId });
  if (prune && img.parent && d.images.get(img.parent)) deleteHelper(d, img.parent, records, false, true, true);
}

/** Whether `s` is a prefix of the ID, with or without "sha256:" (moby's isImageIDPrefix). */
function isIdPrefix(id: string, s: string): boolean {
  return id.startsWith(s) || id.slice(id.indexOf(":") + 1).startsWith(s);
}

export function imageDelete(d: Daemon, ref: string, opts: DeleteOptions): DeleteRecord[] {
  collectRetired(d);
  const img = getImage(d, ref);
  const id = img.id;
  const records: DeleteRecord[] = [];
  let removedRef = false;
  if (!isIdPrefix(id, ref)) {
    const using = [...d.containers.values()].find((c) => c.image === id);
    if (!opts.force && d.images.tagsOf(id).length === 1 && using) {
      throw conflict(`conflict: unable to remove repository reference "${ref}" (must force) - container ${using.shortId} is using its referenced image ${shortId(id)}`);
    }
    const parsed = parseNormalizedNamed(ref);
    if (!parsed.ok) throw invalidParameter(daemonRefError(parsed.error));
    const key = refKey(parsed.ref);
    const digests = img.repoDigests ?? [];
    if (parsed.ref.digest !== undefined && digests.includes(key)) {
      // a repository digest is a reference too: removing it untags it
      img.repoDigests = digests.filter((x) => x !== key);
      records.push({ Untagged: familiar(key) });
      d.events.emit({ Type: "image", Action: "untag", Actor: { ID: id, Attributes: { name: id } }, time: d.now() });
    } else {
      if (!d.images.tags.has(key)) throw new DaemonError("NotFound", "reference does not exist");
      untag(d, key, records);
      // moby: once no tag of the repository is left, its digest references go too
      const repo = key.slice(0, key.lastIndexOf(":"));
      if (!d.images.tagsOf(id).some((t) => t.slice(0, t.lastIndexOf(":")) === repo)) untagDigests(d, img, records, (x) => x.startsWith(repo + "@"));
    }
    if (d.images.tagsOf(id).length > 0 || (img.repoDigests ?? []).length > 0) return records;
    removedRef = true;
  } else if (d.images.tagsOf(id).length === 1) {
    const c = checkConflict(d, id, opts.force ? HARD : HARD | STOPPED);
    if (c) throw c;
    for (const key of d.images.tagsOf(id)) untag(d, key, records);
    untagDigests(d, img, records, () => true);
  }
  deleteHelper(d, id, records, opts.force, opts.prune, removedRef);
  return records;
}
