/**
 * docker save, in the layout current Docker (25 and later) writes: an OCI image layout
 * (oci-layout, index.json, blobs/sha256/<digest> for configs, layers and manifests) plus
 * Docker's manifest.json (Config, RepoTags, Layers as blob paths, LayerSources) and the legacy
 * `repositories` file. Layer blobs are the layers' uncompressed tar streams, whiteouts included.
 */
import { familiarName, familiarString, isNameOnly, parseAnyReference, refName, type Reference, tagNameOnly } from "../../api/reference";
import { ROOT_NAMES } from "../../snapshots/layer-tar";
import { LayerStore } from "../../snapshots/layers";
import { utf8 } from "../../util/bytes";
import { digest } from "../../util/sha256";
import { type TarEntry, writeTar } from "../../util/tar";
import type { Daemon } from "../daemon";
import { invalidParameter, notFound, systemError } from "../errdefs";
import { goJSON } from "./config-json";
import { type Image, rawConfig } from "./image";
import { daemonRefError, refKey } from "./lookup";
import { v1Layer } from "./save-v1";

const LAYER = "application/vnd.oci.image.layer.v1.tar";
const hex = (d: string) => d.replace(/^sha256:/, "");

interface Saved {
  img: Image;
  refs: Reference[];
}

/** Which images and tags the names select (moby's parseNames). */
function selectImages(d: Daemon, names: string[]): Map<string, Saved> {
  const out = new Map<string, Saved>();
  const add = (img: Image, ref: Reference | null) => {
    let s = out.get(img.id);
    if (!s) out.set(img.id, (s = { img, refs: [] }));
    if (!ref || ref.digest !== undefined) return;
    const tagged = tagNameOnly(ref);
    if (!s.refs.some((r) => refKey(r) === refKey(tagged))) s.refs.push(tagged);
  };
  const search = (name: string) => {
    const img = d.images.byIdPrefix(name);
    if (!img || img === "ambiguous") throw notFound(`No such image: ${name}`);
    return img;
  };
  for (const name of names) {
    const r = parseAnyReference(name);
    if (!r.ok) throw invalidParameter(daemonRefError(r.error));
    const ref = r.ref;
    if (!ref.path) {
      const img = d.images.get(ref.digest!);
      if (!img) throw notFound(`No such image: ${name}`);
      add(img, null);
    } else if (familiarName(ref) === "sha256") add(search(name), null);
    else if (isNameOnly(ref)) {
      const tags = d.images.tagsOfRepo(refName(ref));
      for (const [key, id] of tags) {
        const tagged = parseAnyReference(key);
        add(d.images.get(id)!, tagged.ok ? tagged.ref : null);
      }
      if (tags.length === 0) add(search(name), null);
    } else {
      const id = ref.digest === undefined ? d.images.tags.get(refKey(ref)) : undefined;
      const img = id ? d.images.get(id) : undefined;
      if (!img) throw notFound("reference does not exist");
      add(img, ref);
    }
  }
  return out;
}

const descriptor = (mediaType: string, dgst: string, size: number) => ({ mediaType, digest: dgst, size });

export function imageSave(d: Daemon, names: string[]): Uint8Array {
  const selected = selectImages(d, names);
  const blobs = new Map<string, { data: Uint8Array; mtime: number }>();
  const blob = (dgst: string, data: Uint8Array, mtime: number) => blobs.set(hex(dgst), { data, mtime });
  const manifest: Record<string, unknown>[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  const index: unknown[] = [];
  let blobsTime = 0;
  for (const { img, refs } of selected.values()) {
    const diffIds = img.config.rootfs.diff_ids;
    if (diffIds.length === 0) throw systemError("empty export - not implemented");
    const ts = Date.parse(img.config.created) || 0;
    blobsTime = ts;
    const stack = LayerStore.stack(img.top);
    const sources: Record<string, unknown> = {};
    const layerDescs: unknown[] = [];
    let parentV1 = "";
    diffIds.forEach((diffId, i) => {
      const layer = stack[i];
      const v1 = v1Layer(i === diffIds.length - 1 ? img.config : null, img.config.os, layer.chainId, parentV1);
      blob(digest(v1.json), utf8(v1.json), ts);
      parentV1 = v1.id;
      const tar = LayerStore.tarOf(layer);
      if (!blobs.has(hex(diffId))) blob(diffId, tar, ts);
      const desc = descriptor(LAYER, diffId, tar.length);
      sources[diffId] = desc;
      layerDescs.push(desc);
    });
    const config = utf8(rawConfig(img));
    blob(img.id, config, ts);
    const m = utf8(goJSON({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: descriptor("application/vnd.oci.image.config.v1+json", img.id, config.length), layers: layerDescs }));
    const mDigest = digest(m);
    blob(mDigest, m, 0);
    const repoTags: string[] = [];
    for (const ref of refs) {
      (repositories[familiarName(ref)] ??= {})[ref.tag!] = hex(diffIds[diffIds.length - 1]);
      repoTags.push(familiarString(ref));
      index.push({ ...descriptor("application/vnd.oci.image.manifest.v1+json", mDigest, m.length), annotations: { "io.containerd.image.name": refName(ref) + ":" + ref.tag, "org.opencontainers.image.ref.name": ref.tag } });
    }
    if (index.length === 0) index.push(descriptor("application/vnd.oci.image.manifest.v1+json", mDigest, m.length));
    const item: Record<string, unknown> = { Config: `blobs/sha256/${hex(img.id)}`, RepoTags: repoTags.length ? repoTags : null, Layers: diffIds.map((x) => `blobs/sha256/${hex(x)}`) };
    if (img.parent && selected.has(img.parent)) item.Parent = img.parent;
    item.LayerSources = sortKeys(sources);
    manifest.push(item);
    d.events.emit({ Type: "image", Action: "save", Actor: { ID: img.id, Attributes: {} }, time: d.now() });
  }
  const file = (name: string, data: Uint8Array, mtime = 0): TarEntry => ({ name, type: "file", mode: 0o644, uid: 0, gid: 0, uname: ROOT_NAMES.user(0), gname: ROOT_NAMES.group(0), mtime, size: data.length, data });
  const dir = (name: string, mtime: number): TarEntry => ({ ...file(name, new Uint8Array(0), mtime), type: "dir", mode: 0o755, data: undefined, size: 0 });
  const entries: TarEntry[] = [dir("blobs/", blobsTime), dir("blobs/sha256/", 0)];
  for (const name of [...blobs.keys()].sort()) entries.push(file(`blobs/sha256/${name}`, blobs.get(name)!.data, blobs.get(name)!.mtime));
  entries.push(file("index.json", utf8(goJSON({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: index }))));
  entries.push(file("manifest.json", utf8(goJSON(manifest) + "\n")));
  entries.push(file("oci-layout", utf8('{"imageLayoutVersion": "1.0.0"}')));
  if (Object.keys(repositories).length > 0) entries.push(file("repositories", utf8(goJSON(repositories, true) + "\n")));
  return writeTar(entries, { format: "docker" });
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
