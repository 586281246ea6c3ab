/** docker save: images to a tar archive, on stdout (not a terminal) or into -o FILE (mode 0600). */
import { imageSave } from "../../../daemon/images/save";
import { str, type Command } from "../../command";
import { registerCommand } from "../../registry";
import { checkOutputPath, writeOutputFile } from "./io";

registerCommand({
  path: "docker save",
  use: "[OPTIONS] IMAGE [IMAGE...]",
  short: "Save one or more images to a tar archive (streamed to STDOUT by default)",
  aliases: ["docker image save"],
  args: { kind: "min", n: 1 },
  flags: [
    { long: "output", short: "o", type: "string", usage: "Write to a file, instead of STDOUT" },
    { long: "platform", type: "stringSlice", usage: 'Save only the given platform(s). Formatted as a comma-separated list of "os[/arch[/variant]]" (e.g., "linux/amd64,linux/arm64/v8")', hidden: true },
  ],
  async run(env, v, args) {
    const output = str(v, "output");
    if (output === "") {
      if (env.ctx.stdout.isTTY) throw new Error("cowardly refusing to save to a terminal. Use the -o flag or redirect");
    } else {
      const bad = checkOutputPath(env, output);
      if (bad) throw new Error(`failed to save image: ${bad}`);
    }
    const tar = imageSave(env.daemon, args);
    if (output === "") await env.ctx.stdout.write(tar);
    else writeOutputFile(env, output, tar);
    return 0;
  },
} satisfies Command);
