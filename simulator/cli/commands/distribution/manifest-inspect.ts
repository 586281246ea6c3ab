/**
 * docker manifest inspect: the CLI asks the registry itself (not the engine) for a manifest and
 * prints it re-indented with tabs, as docker/cli's manifest inspect does: an image manifest, or a
 * manifest list (mediaType, schemaVersion 2, one entry per platform). --verbose prints each
 * platform's manifest with its reference and descriptor (docker/cli's ImageManifest, without Raw).
 */
import { parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { distributionOf } from "../../../distribution/service";
import { bool, type Command } from "../../command";
import { isManifestList, type ManifestV2 } from "../../../distribution/registry";
import { HOST_PLATFORM, platformOfConfig } from "../../../distribution/platform";
import { descriptorPlatform } from "../../../distribution/platform-images";
import { registerCommand } from "../../registry";
import { checkBasic } from "../../../distribution/access";
import { credentialsFor } from "./auth";

registerCommand({
  path: "docker manifest inspect",
  use: "[OPTIONS] [MANIFEST_LIST] MANIFEST",
  short: "Display an image manifest, or manifest list",
  args: { kind: "range", min: 1, max: 2 },
  flags: [
    { long: "insecure", type: "bool", usage: "Allow communication with an insecure registry" },
    { long: "verbose", short: "v", type: "bool", usage: "Output additional info including layers and platform" },
  ],
  async run(env, v, args) {
    const name = args[args.length - 1];
    const parsed = parseNormalizedNamed(name);
    if (!parsed.ok) throw new Error(parsed.error);
    const ref = tagNameOnly(parsed.ref);
    const dist = distributionOf(env.daemon);
    const e = dist.endpoint(ref.domain);
    if ("error" in e) throw new Error(`failed to configure transport: error pinging v2 registry: ${e.error.replace('Get "http://', 'Get "https://')}`);
    if (e.kind === "hub") dist.hub.ensure(ref.path);
    // basic auth: without credentials the transport fails the GET; a refused login is one more
    // error the CLI's fetcher continues past, to "no such manifest"
    const basic = e.auth ? checkBasic(env.daemon, e.auth, credentialsFor(env, ref)) : "ok";
    if (basic === "none") throw new Error(`Get "${e.url}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag ?? "latest"}": no basic auth credentials`);
    if (basic !== "ok") throw new Error(`no such manifest: ${referenceString(ref)}`);
    const found = e.registry.anyManifest(ref.path, ref.digest ?? ref.tag ?? "latest");
    if (!found) throw new Error(`no such manifest: ${referenceString(ref)}`);
    const m = found.manifest;
    if (!bool(v, "verbose")) {
      await env.out(JSON.stringify(m, null, "\t") + "\n");
      return 0;
    }
    // --verbose: the manifest of each platform with its reference and descriptor (docker/cli's ImageManifest)
    const entry = (digest: string, size: number, mediaType: string, one: ManifestV2) => {
      const cfg = e.registry.blobs.get(one.config.digest);
      const platform = descriptorPlatform(cfg && cfg.kind === "config" ? platformOfConfig(JSON.parse(cfg.raw)) : HOST_PLATFORM);
      return { Ref: referenceString({ ...ref, digest }), Descriptor: { mediaType, digest, size, platform }, SchemaV2Manifest: one };
    };
    if (!isManifestList(m)) {
      await env.out(JSON.stringify(entry(found.digest, found.size, m.mediaType, m), null, "\t") + "\n");
      return 0;
    }
    const out = m.manifests.flatMap((x) => {
      const one = e.registry.manifest(ref.path, x.digest);
      return one ? [entry(x.digest, x.size, x.mediaType, one.manifest)] : [];
    });
    await env.out(JSON.stringify(out, null, "\t") + "\n");
    return 0;
  },
} satisfies Command);
