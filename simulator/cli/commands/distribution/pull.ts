/** docker pull: fetch an image (a tag, a digest, or every tag with -a) from its registry. */
import { isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { pull } from "../../../distribution/transfer";
import { bool, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { credentialsFor } from "./auth";

registerCommand({
  path: "docker pull",
  use: "[OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  aliases: ["docker image pull"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "all-tags", short: "a", type: "bool", usage: "Download all tagged images in the repository" },
    { long: "disable-content-trust", type: "bool", default: true, usage: "Skip image verification" },
    { long: "platform", type: "string", usage: "Set platform if server is multi-platform capable" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress verbose output" },
  ],
  async run(env, v, [name]) {
    const parsed = parseNormalizedNamed(name);
    if (!parsed.ok) throw new Error(parsed.error);
    let ref = parsed.ref;
    const all = bool(v, "all-tags");
    if (all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
    const quiet = bool(v, "quiet");
    if (!all && isNameOnly(ref)) {
      ref = tagNameOnly(ref);
      if (!quiet) await env.out("Using default tag: latest\n");
    }
    const write = quiet ? async () => {} : (s: string) => env.out(s);
    const r = await pull(env.daemon, ref, { creds: credentialsFor(env, ref), platform: str(v, "platform"), all, tty: !!env.ctx.stdout.isTTY }, write);
    if (!quiet) await env.out(`Status: ${r.status}\n`);
    await env.out((all ? referenceString({ domain: ref.domain, path: ref.path }) : referenceString(ref)) + "\n");
    return 0;
  },
} satisfies Command);
