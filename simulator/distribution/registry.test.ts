import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { rawConfig } from "../daemon/images/image";
import { lookupImage } from "../daemon/images/lookup";
import { LayerStore } from "../snapshots/layers";
import { sha256Hex } from "../util/sha256";
import { compressedSize, layerBlobDigest, Registry } from "./registry";
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

  it("the Hub serves the built-in images with the IDs a host loads them with", () => {
    const h = createHost();
    const hub = distributionOf(h.daemon).hub;
    hub.ensure("library/busybox");
    const found = hub.manifest("library/busybox", "latest")!;
    expect(found.manifest.config.digest).toBe(lookupImage(h.daemon, "busybox")!.id);
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
