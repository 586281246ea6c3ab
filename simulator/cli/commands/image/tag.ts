/** docker tag: SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG], checked by the client, resolved by the daemon. */
import { parseAnyReference, parseNormalizedNamed, tagParseErrorText } from "../../../api/reference";
import { imageTag } from "../../../daemon/images/tag";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker tag",
  use: "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  aliases: ["docker image tag"],
  args: { kind: "exact", n: 2 },
  interspersed: false,
  flags: [],
  async run(env, _v, [source, target]) {
    const src = parseAnyReference(source);
    if (!src.ok) throw new Error(tagParseErrorText(source, src.error));
    const dst = parseNormalizedNamed(target);
    if (!dst.ok) throw new Error(tagParseErrorText(target, dst.error));
    if (dst.ref.digest !== undefined) throw new Error("refusing to create a tag with a digest reference");
    imageTag(env.daemon, source, dst.ref);
    return 0;
  },
} satisfies Command);
