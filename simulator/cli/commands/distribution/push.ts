/** docker push: upload an image (a tag, or every tag with -a) to its registry. */
import { isNameOnly, parseNormalizedNamed, referenceString, tagNameOnly } from "../../../api/reference";
import { push, StreamError } from "../../../distribution/transfer";
import { bool, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { credentialsFor } from "./auth";

registerCommand({
  path: "docker push",
  use: "[OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  aliases: ["docker image push"],
  args: { kind: "exact", n: 1 },
  flags: [
    { long: "all-tags", short: "a", type: "bool", usage: "Push all tags of an image to the repository" },
    { long: "disable-content-trust", type: "bool", default: true, usage: "Skip image signing" },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress verbose output" },
  ],
  async run(env, v, [name]) {
    const parsed = parseNormalizedNamed(name);
    if (!parsed.ok) throw new Error(parsed.error);
    let ref = parsed.ref;
    if (ref.digest !== undefined) throw new Error(`invalid reference format`);
    const all = bool(v, "all-tags");
    if (all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
    const quiet = bool(v, "quiet");
    if (!all && isNameOnly(ref)) {
      ref = tagNameOnly(ref);
      if (!quiet) await env.out("Using default tag: latest\n");
    }
    try {
      await push(env.daemon, ref, { creds: credentialsFor(env, ref), all, tty: !!env.ctx.stdout.isTTY }, quiet ? async () => {} : (s) => env.out(s));
    } catch (e) {
      if (!(e instanceof StreamError)) throw e;
      await env.err(e.message + "\n");
      return 1;
    }
    // -q: the stream is discarded and the reference printed (cli/command/image/push.go)
    if (quiet) await env.out(referenceString(ref) + "\n");
    return 0;
  },
} satisfies Command);
