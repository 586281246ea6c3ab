/**
 * docker buildx build: the build on the selected builder.
 *
 * - The `default` builder (driver `docker`, the engine's BuildKit) builds into the engine's image
 *   store, one platform per tag: a build for the host's platform is `docker build`; several
 *   platforms fail with buildx's "Multi-platform build is not supported for the docker driver".
 * - A `docker-container` builder (BuildKit in a container) boots on first use, takes base images
 *   from their registry for each target platform, and builds the Dockerfile once per platform
 *   (steps labelled "[linux/arm64 2/3]" when there are several). Its result stays in the builder
 *   unless `--push` sends it to the registry (a manifest list for several platforms) or `--load`
 *   imports it into the engine (one platform only).
 *
 * RUN steps of a stage for another architecture fail with `exec format error`: this host has no
 * QEMU registered. Cross-compiling stages (`FROM --platform=$BUILDPLATFORM`) run natively.
 */
import { parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { buildKit } from "../../../builder/buildkit";
import { PlainProgress } from "../../../builder/progress";
import { rawConfig, type Image } from "../../../daemon/images/image";
import { lookupImage, refKey } from "../../../daemon/images/lookup";
import { HOST_PLATFORM, parsePlatform, type Platform, samePlatform } from "../../../distribution/platform";
import { pushPlatformImages } from "../../../distribution/push-list";
import { makeManifest, manifestJSON } from "../../../distribution/registry";
import { resolveForBuild } from "../../../distribution/resolve";
import { type Layer, LayerStore } from "../../../snapshots/layers";
import { digest } from "../../../util/sha256";
import { bool, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { credentialsFor } from "../distribution/auth";
import { BUILD, prepareBuild } from "../image/build";
import { booted, builderLayers, markActivity, selectedBuilder } from "./builders";
import { bootBuilder } from "./commands";

export const MULTI_PLATFORM_DOCKER_DRIVER =
  "ERROR: failed to build: Multi-platform build is not supported for the docker driver.\n" +
  "Switch to a different driver, or turn on the containerd image store, and try again.\n" +
  "Learn more at https://docs.docker.com/go/build-multi-platform/\n";
export const LOAD_MANIFEST_LIST = "ERROR: failed to build: docker exporter does not currently support exporting manifest lists\n";
export const NO_OUTPUT =
  "WARNING: No output specified with docker-container driver. Build result will only remain in the build cache. To push result image into registry use --push or to load image into docker use --load\n";

registerCommand({
  path: "docker buildx build",
  use: "[OPTIONS] PATH | URL | -",
  short: "Start a build",
  aliases: ["docker buildx b"],
  args: { kind: "exact", n: 1 },
  flags: [
    ...BUILD.flags.filter((f) => f.long !== "platform"),
    { long: "builder", type: "string", usage: "Override the configured builder instance" },
    { long: "load", type: "bool", usage: 'Shorthand for "--output=type=docker"' },
    { long: "platform", type: "list", usage: "Set target platform for build" },
    { long: "provenance", type: "string", usage: 'Shorthand for "--attest=type=provenance"' },
    { long: "push", type: "bool", usage: 'Shorthand for "--output=type=registry"' },
  ],
  async run(env, v, args, changed) {
    const d = env.daemon;
    const b = selectedBuilder(env, str(v, "builder"));
    if ("error" in b) {
      await env.err(`ERROR: ${b.error}\n`);
      return 1;
    }
    let targets: Platform[];
    try {
      targets = list(v, "platform")
        .flatMap((x) => x.split(","))
        .map((x) => x.trim())
        .filter(Boolean)
        .map(parsePlatform);
    } catch (e) {
      await env.err(`ERROR: ${(e as Error).message}\n`);
      return 1;
    }
    const push = bool(v, "push");
    const load = bool(v, "load");
    const quiet = bool(v, "quiet");
    const say = (s: string) => (quiet ? Promise.resolve() : env.err(s));
    if (b.Driver === "docker") {
      if (targets.length > 1) {
        await env.err(MULTI_PLATFORM_DOCKER_DRIVER);
        return 1;
      }
      // the engine's own BuildKit, for the host's platform: docker build
      if (!push && (targets.length === 0 || samePlatform(targets[0], HOST_PLATFORM))) {
        await say(`#0 building with "${b.Name}" instance using docker driver\n\n`);
        return BUILD.run(env, v, args, changed);
      }
    }
    if (b.Driver === "docker-container" && !push && !load) await env.err(NO_OUTPUT);
    const prepared = await prepareBuild(env, v, args);
    if (typeof prepared === "number") return prepared;
    const { request } = prepared;
    await say(`#0 building with "${b.Name}" instance using ${b.Driver} driver\n\n`);
    const booting = !booted(env, b);
    if (booting) await bootBuilder(env, b, say);
    markActivity(env, b);
    const platforms = targets.length ? targets : [HOST_PLATFORM];
    if (load && platforms.length > 1) {
      await env.err(LOAD_MANIFEST_LIST);
      return 1;
    }
    const p = new PlainProgress(request.progress, () => d.now(), booting ? 2 : 1);
    const shown = new Set<string>();
    const images: Image[] = [];
    // a docker-container builder works in its own layer store (BuildKit in its container)
    const engineLayers = d.layers;
    const own = b.Driver === "docker-container";
    if (own) (d as { layers: LayerStore }).layers = builderLayers(d, b.Name);
    try {
      for (const platform of platforms) {
        const r = await buildKit(d, {
          ...request,
          multi: {
            platform,
            // the docker driver builds from the engine's images; a container builder from the registry
            resolveImage: (name, pl) => {
              if (b.Driver === "docker") {
                const local = lookupImage(d, name);
                if (local && samePlatform({ os: local.config.os, architecture: local.config.architecture, ...(local.config.variant ? { variant: local.config.variant } : {}) }, pl)) return { image: local, ref: fullName(name) };
              }
              return resolveForBuild(d, name, pl);
            },
            progress: p,
            shown,
            label: platforms.length > 1,
          },
        });
        if (r.exit !== 0 || !r.image) return r.exit || 1;
        images.push(r.image);
      }
    } finally {
      if (own) (d as { layers: LayerStore }).layers = engineLayers;
    }
    // -t values were checked when the flags were parsed
    const tags = request.tags.flatMap((t) => {
      const r = parseNormalizedNamed(t);
      return r.ok ? [tagNameOnly(r.ref)] : [];
    });
    if (push) {
      const ev = p.start("exporting to image");
      p.info(ev, `exporting layers ${p.seconds(ev)}s done`);
      for (const img of images) {
        const m = manifestJSON(makeManifest(rawConfig(img), LayerStore.stack(img.top)));
        p.info(ev, `exporting manifest ${digest(m)} done`);
        p.info(ev, `exporting config ${img.id} done`);
      }
      const pushed: Array<{ name: string; digest: string }> = [];
      for (const ref of tags) {
        const r = pushPlatformImages(d, ref, images, credentialsFor(env, ref));
        if ("error" in r) {
          await p.error(ev, r.error);
          await request.progress.write(`------\n > exporting to image:\n------\nERROR: failed to build: failed to solve: ${r.error}\n`);
          return 1;
        }
        if (r.list && pushed.length === 0) p.info(ev, `exporting manifest list ${r.digest} done`);
        pushed.push({ name: referenceString(ref), digest: r.digest });
      }
      for (const x of pushed) p.info(ev, `naming to ${x.name} done`);
      p.info(ev, "pushing layers");
      p.info(ev, `pushing layers ${p.seconds(ev)}s done`);
      for (const x of pushed) {
        p.info(ev, `pushing manifest for ${x.name}@${x.digest}`);
        p.info(ev, `pushing manifest for ${x.name}@${x.digest} ${p.seconds(ev)}s done`);
      }
      await p.done(ev);
    } else if (b.Driver === "docker") {
      // the docker driver's result is an image of the engine, as docker build makes it
      const img = images[0];
      const ev = p.start("exporting to image");
      p.info(ev, `exporting layers ${p.seconds(ev)}s done`);
      p.info(ev, `writing image ${img.id} done`);
      d.images.add(img);
      for (const ref of tags) {
        d.images.setTag(refKey(ref), img.id);
        p.info(ev, `naming to ${referenceString(ref)} done`);
      }
      await p.done(ev);
    } else if (load) {
      const img = images[0];
      const ev = p.start("exporting to docker image format");
      p.info(ev, `exporting layers ${p.seconds(ev)}s done`);
      p.info(ev, `exporting manifest ${digest(manifestJSON(makeManifest(rawConfig(img), LayerStore.stack(img.top))))} done`);
      p.info(ev, `exporting config ${img.id} done`);
      p.info(ev, `sending tarball ${p.seconds(ev)}s done`);
      await p.done(ev);
      const iv = p.start("importing to docker");
      // the engine unpacks the layers into its own store
      let top: Layer | null = null;
      for (const l of LayerStore.stack(img.top)) {
        const nl: Layer = d.layers.register(l.root, top, l.diffId, l.tar);
        if (l.abridged) {
          nl.abridged = l.abridged;
          nl.size = l.size;
        }
        top = nl;
      }
      d.images.add({ ...img, top });
      for (const ref of tags) d.images.setTag(refKey(ref), img.id);
      await p.done(iv);
    }
    if (quiet && images.length === 1) await env.out(images[0].id + "\n");
    return 0;
  },
} satisfies Command);

function fullName(name: string): string {
  const r = parseNormalizedNamed(name);
  return r.ok ? referenceString(tagNameOnly(r.ref)) : name;
}
