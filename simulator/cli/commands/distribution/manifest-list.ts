/**
 * docker manifest create, annotate, push and rm: a manifest list put together on the client from
 * image manifests already in a registry (one per platform, pushed one by one as kaniko or
 * per-architecture CI jobs push them), then pushed as a list. Texts from docker/cli's source
 * (cli/command/manifest).
 */
import { referenceString } from "../../../api/reference";
import { distributionOf } from "../../../distribution/service";
import { MANIFEST_LIST, type PlatformDescriptor } from "../../../distribution/registry";
import { bool, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { storedCredentials } from "./auth";
import { localList, localManifest, normalizeRef, remoteManifest, removeList, saveManifest } from "./manifest-store";

/** docker/cli's validOSArches (cli/command/manifest/util.go), the combinations annotate accepts. */
const VALID_OS_ARCH = new Set([
  "darwin/amd64", "darwin/arm64", "dragonfly/amd64", "freebsd/386", "freebsd/amd64", "freebsd/arm", "linux/386", "linux/amd64", "linux/arm", "linux/arm64",
  "linux/ppc64le", "linux/mips64", "linux/mips64le", "linux/riscv64", "linux/s390x", "netbsd/386", "netbsd/amd64", "netbsd/arm", "openbsd/386",
  "openbsd/amd64", "openbsd/arm", "plan9/386", "plan9/amd64", "solaris/amd64", "windows/386", "windows/amd64", "windows/arm", "windows/arm64",
]);

registerCommand({
  path: "docker manifest create",
  use: "MANIFEST_LIST MANIFEST [MANIFEST...]",
  short: "Create a local manifest list for annotating and pushing to a registry",
  args: { kind: "range", min: 2, max: 1000 },
  flags: [
    { long: "amend", short: "a", type: "bool", usage: "Amend an existing manifest list" },
    { long: "insecure", type: "bool", usage: "Allow communication with an insecure registry" },
  ],
  async run(env, v, [name, ...manifests]) {
    let target;
    try {
      target = normalizeRef(name);
    } catch (e) {
      throw new Error(`error parsing name for manifest list ${name}: ${(e as Error).message}`);
    }
    if (localList(env, target) && !bool(v, "amend")) throw new Error("refusing to amend an existing manifest list with no --amend flag");
    for (const m of manifests) {
      const ref = normalizeRef(m);
      const found = localManifest(env, target, ref) ?? remoteManifest(env, ref);
      saveManifest(env, target, ref, found);
    }
    await env.out(`Created manifest list ${referenceString(target)}\n`);
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker manifest annotate",
  use: "[OPTIONS] MANIFEST_LIST MANIFEST",
  short: "Add additional information to a local image manifest",
  args: { kind: "exact", n: 2 },
  flags: [
    { long: "arch", type: "string", usage: "Set architecture" },
    { long: "os", type: "string", usage: "Set operating system" },
    { long: "os-features", type: "list", usage: "Set operating system feature" },
    { long: "os-version", type: "string", usage: "Set operating system version" },
    { long: "variant", type: "string", usage: "Set architecture variant" },
  ],
  async run(env, v, [listName, image]) {
    const target = normalizeRef(listName);
    const ref = normalizeRef(image);
    const m = localManifest(env, target, ref);
    if (!m) throw new Error(`manifest for image ${image} does not exist in ${listName}`);
    const p = (m.Descriptor.platform ??= { os: "", architecture: "" });
    if (str(v, "os")) p.os = str(v, "os");
    if (str(v, "arch")) p.architecture = str(v, "arch");
    for (const f of list(v, "os-features")) if (!(p["os.features"] ??= []).includes(f)) p["os.features"].push(f);
    if (str(v, "variant")) p.variant = str(v, "variant");
    if (str(v, "os-version")) p["os.version"] = str(v, "os-version");
    if (!VALID_OS_ARCH.has(`${p.os}/${p.architecture}`)) throw new Error(`manifest entry for image has unsupported os/arch combination: ${str(v, "os")}/${str(v, "arch")}`);
    saveManifest(env, target, ref, m);
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker manifest push",
  use: "[OPTIONS] MANIFEST_LIST",
  short: "Push a manifest list to a repository",
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "insecure", type: "bool", usage: "Allow push to an insecure registry" },
    { long: "purge", short: "p", type: "bool", usage: "Remove the local manifest list after push" },
  ],
  async run(env, v, [name]) {
    const target = normalizeRef(name);
    const manifests = localList(env, target);
    if (manifests === null) throw new Error(`No such manifest: ${referenceString(target)}`);
    if (manifests.length === 0) throw new Error(`${referenceString(target)} not found`);
    const entries: PlatformDescriptor[] = [];
    for (const m of manifests) {
      const p = m.Descriptor.platform;
      if (!p || !p.architecture || !p.os) throw new Error(`manifest ${m.Ref} must have an OS and Architecture to be pushed to a registry`);
      const from = normalizeRef(m.Ref);
      if (from.domain !== target.domain) throw new Error(`cannot use source images from a different registry than the target image: ${from.domain} != ${target.domain}`);
      entries.push({ mediaType: m.Descriptor.mediaType, size: m.Descriptor.size, digest: m.Descriptor.digest, platform: p });
    }
    const dist = distributionOf(env.daemon);
    const e = dist.endpoint(target.domain);
    if ("error" in e) throw new Error(e.error);
    if (e.kind === "hub") {
      // Docker Hub takes a push into the logged-in user's own repositories only
      const creds = storedCredentials(env, target.domain);
      const owner = target.path.split("/")[0];
      if (!creds || owner !== creds.username || target.path.split("/").length !== 2) throw new Error("denied: requested access to the resource is denied");
    }
    const repo = e.registry.repo(target.path, true)!;
    // manifests from another repository: their blobs are mounted and the manifest put by digest
    for (const m of manifests) {
      const from = normalizeRef(m.Ref);
      if (from.path === target.path) continue;
      const one = e.registry.manifest(from.path, m.Descriptor.digest);
      if (one) {
        repo.blobs.add(one.manifest.config.digest);
        for (const l of one.manifest.layers) repo.blobs.add(l.digest);
      }
      repo.blobs.add(m.Descriptor.digest);
      await env.out(`Pushed ref ${referenceString({ domain: target.domain, path: target.path, digest: m.Descriptor.digest })} with digest: ${m.Descriptor.digest}\n`);
    }
    const put = e.registry.putList(target.path, target.tag ?? "latest", entries, MANIFEST_LIST);
    await env.out(put.digest + "\n");
    if (bool(v, "purge")) removeList(env, target);
    return 0;
  },
} satisfies Command);

registerCommand({
  path: "docker manifest rm",
  use: "MANIFEST_LIST [MANIFEST_LIST...]",
  short: "Delete one or more manifest lists from local storage",
  args: { kind: "range", min: 1, max: 1000 },
  flags: [],
  async run(env, _v, names) {
    const errors: string[] = [];
    for (const n of names) {
      const ref = normalizeRef(n);
      if (!removeList(env, ref)) errors.push(`No such manifest: ${referenceString(ref)}`);
    }
    if (errors.length) throw new Error(errors.join("\n"));
    return 0;
  },
} satisfies Command);
