/**
 * docker manifest inspect: the CLI asks the registry itself (not the engine) for a manifest and
 * prints it re-indented with tabs, as docker/cli's manifest inspect does for a single manifest.
 */
import { parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { distributionOf } from "../../../distribution/service";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker manifest inspect",
  use: "[OPTIONS] [MANIFEST_LIST] MANIFEST",
  short: "Display an image manifest, or manifest list",
  args: { kind: "range", min: 1, max: 2 },
  flags: [
    { long: "insecure", type: "bool", usage: "Allow communication with an insecure registry" },
    { long: "verbose", short: "v", type: "bool", usage: "Output additional info including layers and platform" },
  ],
  async run(env, _v, args) {
    const name = args[args.length - 1];
    const parsed = parseNormalizedNamed(name);
    if (!parsed.ok) throw new Error(parsed.error);
    const ref = tagNameOnly(parsed.ref);
    const dist = distributionOf(env.daemon);
    const e = dist.endpoint(ref.domain);
    if ("error" in e) throw new Error(`failed to configure transport: error pinging v2 registry: ${e.error.replace('Get "http://', 'Get "https://')}`);
    if (e.kind === "hub") dist.hub.ensure(ref.path);
    const found = e.registry.manifest(ref.path, ref.digest ?? ref.tag ?? "latest");
    if (!found) throw new Error(`no such manifest: ${referenceString(ref)}`);
    await env.out(JSON.stringify(found.manifest, null, "\t") + "\n");
    return 0;
  },
} satisfies Command);
