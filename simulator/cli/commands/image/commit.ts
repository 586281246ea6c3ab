/** docker commit CONTAINER [REPOSITORY[:TAG]]: prints the new image's ID. */
import { parseNormalizedNamed, type Reference } from "../../../api/reference";
import { containerCommit } from "../../../daemon/images/commit";
import { bool, list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";

registerCommand({
  path: "docker commit",
  use: "[OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  aliases: ["docker container commit"],
  args: { kind: "range", min: 1, max: 2 },
  interspersed: false,
  flags: [
    { long: "author", short: "a", type: "string", usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { long: "change", short: "c", type: "list", usage: "Apply Dockerfile instruction to the created image" },
    { long: "message", short: "m", type: "string", usage: "Commit message" },
    { long: "pause", short: "p", type: "bool", default: true, usage: "Pause container during commit" },
  ],
  async run(env, v, [container, reference]) {
    let ref: Reference | undefined;
    if (reference !== undefined && reference !== "") {
      const r = parseNormalizedNamed(reference);
      if (!r.ok) throw new Error(r.error);
      if (r.ref.digest !== undefined) throw new Error("refusing to create a tag with a digest reference");
      ref = r.ref;
    }
    const id = containerCommit(env.daemon, container, { ref, author: str(v, "author"), comment: str(v, "message"), changes: list(v, "change"), pause: bool(v, "pause") });
    await env.out(id + "\n");
    return 0;
  },
} satisfies Command);
