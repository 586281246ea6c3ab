/** docker load: an image archive from -i FILE or stdin; prints what the engine reports. */
import { imageLoad } from "../../../daemon/images/load";
import { bool, str, type Command } from "../../command";
import { humanSize } from "../../formatter/units";
import { registerCommand } from "../../registry";
import { readInputFile, readStdin } from "./io";

registerCommand({
  path: "docker load",
  use: "[OPTIONS]",
  short: "Load an image from a tar archive or STDIN",
  aliases: ["docker image load"],
  args: { kind: "none" },
  flags: [
    { long: "input", short: "i", type: "string", usage: "Read from tar archive file, instead of STDIN" },
    { long: "platform", type: "stringSlice", usage: 'Load only the given platform(s). Formatted as a comma-separated list of "os[/arch[/variant]]" (e.g., "linux/amd64,linux/arm64/v8").', hidden: true },
    { long: "quiet", short: "q", type: "bool", usage: "Suppress the load output" },
  ],
  async run(env, v) {
    const input = str(v, "input");
    let data: Uint8Array;
    if (input === "") {
      if (env.ctx.stdin.isTTY) throw new Error("requested load from stdin, but stdin is empty");
      data = await readStdin(env);
    } else data = readInputFile(env, input, `images/load?quiet=${bool(v, "quiet") || !env.ctx.stdout.isTTY ? 1 : 0}`);
    const r = imageLoad(env.daemon, data);
    // on a terminal (and without -q) the engine also streams progress per new layer; what stays
    // on screen is its last state (terminals narrower than 110 columns show no bar)
    if (!bool(v, "quiet") && env.ctx.stdout.isTTY) {
      for (const l of r.loadedLayers) {
        const size = humanSize(l.size);
        await env.out(`${l.diffId.slice(7, 19)}: Loading layer  ${size}/${size}\n`);
      }
    }
    await env.out(r.output);
    if (r.error !== null) {
      await env.err(r.error + "\n");
      return 1;
    }
    return 0;
  },
} satisfies Command);
