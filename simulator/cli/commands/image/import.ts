/** docker import file|URL|- [REPOSITORY[:TAG]]: a tarball as a one-layer image; prints its ID. */
import { familiarName, parseNormalizedNamed, type Reference } from "../../../api/reference";
import { systemError } from "../../../daemon/errdefs";
import { imageImport } from "../../../daemon/images/import";
import { list, str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { openInputFile, queryString, readInputFile, readStdin } from "./io";

registerCommand({
  path: "docker import",
  use: "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
  short: "Import the contents from a tarball to create a filesystem image",
  aliases: ["docker image import"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "change", short: "c", type: "list", usage: "Apply Dockerfile instruction to the created image" },
    { long: "message", short: "m", type: "string", usage: "Set commit message for imported image" },
    { long: "platform", type: "string", usage: "Set platform if server is multi-platform capable" },
  ],
  async run(env, v, args) {
    const [source, reference = ""] = args;
    const url = /^https?:\/\//.test(source);
    const file = source !== "-" && !url;
    if (file) openInputFile(env, source);
    let ref: Reference | undefined;
    if (reference !== "") {
      const r = parseNormalizedNamed(reference);
      if (!r.ok) throw new Error(r.error);
      ref = r.ref;
    }
    if (url) {
      const host = source.replace(/^https?:\/\//, "").split(/[/:]/)[0];
      throw systemError(`Get ${JSON.stringify(source)}: dial tcp: lookup ${host}: no such host`);
    }
    const message = str(v, "message");
    const changes = list(v, "change");
    let data: Uint8Array;
    if (file) {
      const q: Array<[string, string]> = [["fromSrc", "-"], ...changes.map((c): [string, string] => ["changes", c])];
      if (message) q.push(["message", message]);
      if (ref) q.push(["repo", familiarName(ref)], ["tag", ref.tag ?? "latest"]);
      data = readInputFile(env, source, `images/create?${queryString(q)}`);
    } else data = await readStdin(env);
    const id = imageImport(env.daemon, data, { ref, message, changes, source: "-" });
    await env.out(id + "\n");
    return 0;
  },
} satisfies Command);
