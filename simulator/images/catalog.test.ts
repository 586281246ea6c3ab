import { describe, expect, it } from "vitest";
import { createHost } from "../host/host";
import { imageSize } from "../daemon/images/image";
import { exportHost, loadHost } from "../host/state";
import { CATALOG_MODELS, catalogModel, loadCatalogImage } from "./catalog";

describe("image models in the catalog", () => {
  it("are not in a fresh host's store, and are pulled from the catalog by any of their names", async () => {
    const h = createHost();
    expect((await h.run("docker images --format '{{.Repository}}'")).stdout).toBe("busybox\n");
    expect(catalogModel("docker.io/library/redis:latest")).not.toBeNull();
    expect(catalogModel("postgres:17")).not.toBeNull();
    expect(catalogModel("node:20-alpine")).toBeNull();
    const r = await h.run("docker run --rm node:22-alpine node --version");
    expect({ exit: r.exit, stdout: r.stdout }).toEqual({ exit: 0, stdout: "v22.23.3\n" });
    // the simulated Docker Hub serves the model: docker run prints the pull as Docker does
    expect(r.stderr).toMatch(/^Unable to find image 'node:22-alpine' locally\n22-alpine: Pulling from library\/node\n[0-9a-f]{12}: Pulling fs layer\n[^]*Status: Downloaded newer image for node:22-alpine\n$/);
    expect((await h.run("docker run --rm nosuchimage")).stderr).toContain("pull access denied for nosuchimage");
  });

  it("have the published images' sizes, layer counts and configs", () => {
    const h = createHost();
    const want: Record<string, { mb: number; layers: number }> = { nginx: { mb: 161.33, layers: 7 }, redis: { mb: 145.55, layers: 7 }, "postgres:17": { mb: 453.7, layers: 14 }, "node:22-alpine": { mb: 167.77, layers: 4 } };
    for (const [ref, w] of Object.entries(want)) {
      const img = loadCatalogImage(h.daemon, ref)!;
      expect(imageSize(img) / 1e6, ref).toBeCloseTo(w.mb, 0);
      expect(img.config.rootfs.diff_ids.length, ref).toBe(w.layers);
    }
    const cfg = (ref: string) => loadCatalogImage(h.daemon, ref)!.config.config;
    expect(cfg("nginx")).toMatchObject({ Entrypoint: ["/docker-entrypoint.sh"], Cmd: ["nginx", "-g", "daemon off;"], ExposedPorts: { "80/tcp": {} }, StopSignal: "SIGQUIT" });
    expect(cfg("redis")).toMatchObject({ Entrypoint: ["docker-entrypoint.sh"], Cmd: ["redis-server"], ExposedPorts: { "6379/tcp": {} }, WorkingDir: "/data" });
    expect(cfg("postgres")).toMatchObject({ Cmd: ["postgres"], Volumes: { "/var/lib/postgresql/data": {} }, StopSignal: "SIGINT" });
    expect(cfg("postgres").Env).toContain("PGDATA=/var/lib/postgresql/data");
    expect(cfg("node:22-alpine")).toMatchObject({ Entrypoint: ["docker-entrypoint.sh"], Cmd: ["node"] });
  });

  it("share the Debian base layer between nginx, redis and postgres", () => {
    const h = createHost();
    const bases = ["nginx", "redis", "postgres"].map((r) => loadCatalogImage(h.daemon, r)!.config.rootfs.diff_ids[0]);
    expect(new Set(bases).size).toBe(1);
  });

  it("show their build history as docker history prints it", async () => {
    const h = createHost({ images: ["redis"] });
    const r = await h.run("docker history --no-trunc --format '{{.CreatedBy}}|{{.Size}}' redis");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe('CMD ["redis-server"]|0B');
    expect(lines).toContain("WORKDIR /data|0B");
    expect(lines[lines.length - 1]).toMatch(/^# debian\.sh --arch 'amd64' out\/ 'trixie' '@1789689600'\|78\.6MB$/);
    expect(CATALOG_MODELS.every((m) => m.steps.some((s) => s.layer))).toBe(true);
  });

  it("survive saving and loading the host with their sizes", async () => {
    const h = createHost({ images: ["nginx"] });
    const before = (await h.run("docker images nginx:latest --format '{{.ID}} {{.Size}}'")).stdout;
    const again = loadHost(JSON.parse(JSON.stringify(exportHost(h))));
    expect((await again.run("docker images nginx:latest --format '{{.ID}} {{.Size}}'")).stdout).toBe(before);
    expect(before).toMatch(/ 161MB\n$/);
  });
});
