import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { rawConfig } from "../daemon/images/image";
import { lookupImage } from "../daemon/images/lookup";
import { LayerStore } from "../snapshots/layers";
import { sha256Hex } from "../util/sha256";
import { compressedSize, isManifestList, layerBlobDigest, MANIFEST_LIST, Registry } from "./registry";
import { distributionOf } from "./service";

describe("Registry", () => {
  it("stores content-addressed schema 2 manifests: the digest is the sha256 of the manifest bytes", () => {
    const h = createHost();
    const img = lookupImage(h.daemon, "busybox")!;
    const reg = new Registry();
    const layers = LayerStore.stack(img.top);
    const put = reg.putImage("team/bb", "v1", rawConfig(img), layers);
    const json = reg.manifests.get(put.digest)!;
    expect(put.digest).toBe("sha256:" + sha256Hex(json));
    expect(put.size).toBe(new TextEncoder().encode(json).length);
    // the engine's layout: three-space indentation, config then layers
    expect(json.split("\n").slice(0, 4)).toEqual(["{", '   "schemaVersion": 2,', '   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",', '   "config": {']);
    const m = JSON.parse(json);
    expect(m.config.digest).toBe(img.id);
    expect(m.layers).toEqual([{ mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip", size: compressedSize(layers[0].size), digest: layerBlobDigest(layers[0].diffId) }]);
    // the same content under another tag has the same digest; an unknown tag has no manifest
    expect(reg.putImage("team/bb", "v2", rawConfig(img), layers).digest).toBe(put.digest);
    expect(reg.manifest("team/bb", "v2")?.digest).toBe(put.digest);
    expect(reg.manifest("team/bb", put.digest)?.digest).toBe(put.digest);
    expect(reg.manifest("team/bb", "v3")).toBeNull();
    expect(reg.manifest("team/other", "v1")).toBeNull();
    expect(reg.repoWithBlob(m.layers[0].digest, "team/x", () => true)).toBe("team/bb");
    expect(reg.repoWithBlob(m.layers[0].digest, "team/bb", () => true)).toBeNull();
  });

  it("stores manifest lists: content-addressed, by tag or digest, and not taken for an image manifest", () => {
    const h = createHost();
    const img = lookupImage(h.daemon, "busybox")!;
    const reg = new Registry();
    const one = reg.putImage("team/bb", null, rawConfig(img), LayerStore.stack(img.top));
    const list = reg.putList("team/bb", "v1", [{ mediaType: "application/vnd.docker.distribution.manifest.v2+json", size: one.size, digest: one.digest, platform: { architecture: "amd64", os: "linux" } }]);
    const json = reg.manifests.get(list.digest)!;
    expect(list.digest).toBe("sha256:" + sha256Hex(json));
    expect(JSON.parse(json)).toEqual({ schemaVersion: 2, mediaType: MANIFEST_LIST, manifests: [{ mediaType: "application/vnd.docker.distribution.manifest.v2+json", size: one.size, digest: one.digest, platform: { architecture: "amd64", os: "linux" } }] });
    expect(reg.anyManifest("team/bb", "v1")?.digest).toBe(list.digest);
    expect(reg.anyManifest("team/bb", list.digest)?.digest).toBe(list.digest);
    expect(reg.manifest("team/bb", "v1")).toBeNull();
    // the entry is reachable by its digest in the repository that holds the list
    expect(reg.manifest("team/bb", one.digest)?.digest).toBe(one.digest);
    expect(reg.anyManifest("team/other", list.digest)).toBeNull();
  });

  it("the Hub serves the built-in images with the IDs a host loads them with", () => {
    const h = createHost();
    const hub = distributionOf(h.daemon).hub;
    hub.ensure("library/busybox");
    // the tag names a manifest list; its linux/amd64 entry is the image the host has
    expect(hub.manifest("library/busybox", "latest")).toBeNull();
    const list = hub.anyManifest("library/busybox", "latest")!;
    expect(isManifestList(list.manifest)).toBe(true);
    const entries = isManifestList(list.manifest) ? list.manifest.manifests : [];
    expect(entries.map((e) => e.platform)).toEqual([{ architecture: "amd64", os: "linux" }, { architecture: "arm64", os: "linux", variant: "v8" }]);
    const amd64 = hub.manifest("library/busybox", entries[0].digest)!;
    expect(amd64.manifest.config.digest).toBe(lookupImage(h.daemon, "busybox")!.id);
    // the arm64 image: its own config (arm64/v8) and layers with other digests
    const arm64 = hub.manifest("library/busybox", entries[1].digest)!;
    const cfg = hub.blobs.get(arm64.manifest.config.digest);
    expect(cfg?.kind === "config" && JSON.parse(cfg.raw)).toMatchObject({ architecture: "arm64", variant: "v8", os: "linux" });
    expect(arm64.manifest.layers.map((l) => l.digest)).not.toEqual(amd64.manifest.layers.map((l) => l.digest));
    expect(arm64.manifest.layers).toHaveLength(amd64.manifest.layers.length);
    hub.ensure("library/nosuch");
    expect(hub.repo("library/nosuch")).toBeUndefined();
  });

  it("counts pulls per window: anonymous and per account", () => {
    const h = createHost();
    const hub = distributionOf(h.daemon).hub;
    hub.limits = { anonymous: 1, authenticated: 2 };
    expect(hub.countPull(null, 0)).toBe(true);
    expect(hub.countPull(null, 1)).toBe(false);
    expect(hub.countPull("alice", 1)).toBe(true);
    expect(hub.countPull("alice", 2)).toBe(true);
    expect(hub.countPull("alice", 3)).toBe(false);
    // six hours later the window has moved on
    expect(hub.countPull(null, 6 * 3600_000 + 1)).toBe(true);
  });
});
