/** docker export: a container's filesystem as a tar, on stdout (not a terminal) or into -o FILE. */
import { containerExport } from "../../../daemon/images/export";
import { str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { checkOutputPath, writeOutputFile } from "./io";

registerCommand({
  path: "docker export",
  use: "[OPTIONS] CONTAINER",
  short: "Export a container's filesystem as a tar archive",
  aliases: ["docker container export"],
  args: { kind: "exact", n: 1 },
  flags: [{ long: "output", short: "o", type: "string", usage: "Write to a file, instead of STDOUT" }],
  async run(env, v, [container]) {
    const output = str(v, "output");
    if (output === "") {
      if (env.ctx.stdout.isTTY) throw new Error("cowardly refusing to save to a terminal. Use the -o flag or redirect");
    } else {
      const bad = checkOutputPath(env, output);
      if (bad) throw new Error(`failed to export container: ${bad}`);
    }
    const tar = containerExport(env.daemon, container);
    if (output === "") await env.ctx.stdout.write(tar);
    else writeOutputFile(env, output, tar);
    return 0;
  },
} satisfies Command);
