/** docker builder prune: empties the build cache and says how much it freed. */
import { buildCacheOf, usedByImages } from "../../../builder/cache";
import { layersInUse } from "../../../daemon/images/release";
import { bool, type Command } from "../../command";
import { humanSize } from "../../formatter/units";
import { registerCommand } from "../../registry";

const PRUNE: Command = {
  path: "docker builder prune",
  use: "",
  short: "Remove build cache",
  args: { kind: "none" },
  flags: [
    { long: "all", short: "a", type: "bool", usage: "Remove all unused build cache, not just dangling ones" },
    { long: "filter", type: "filter", usage: "Provide filter values (e.g. \"until=24h\")" },
    { long: "force", short: "f", type: "bool", usage: "Do not prompt for confirmation" },
    { long: "keep-storage", type: "bytes", usage: "Amount of disk space to keep for cache" },
  ],
  async run(env, v) {
    if (!bool(v, "force")) {
      await env.out("WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] ");
      const line = await readAnswer(env.ctx.stdin);
      if (!/^y(es)?$/i.test(line.trim())) return 0;
    }
    // without --all only the records no image stands on go; --all removes every record (the
    // images keep their layers, but the next build runs its steps again)
    const removed = buildCacheOf(env.daemon).prune(bool(v, "all") ? () => false : usedByImages(env.daemon));
    // layers only the cache kept go with it
    env.daemon.layers.gc(layersInUse(env.daemon));
    let out = "";
    if (removed.length) out += "Deleted build cache objects:\n" + removed.map((r) => r.id + "\n").join("") + "\n";
    out += `Total reclaimed space: ${humanSize(removed.reduce((n, r) => n + r.size, 0))}\n`;
    await env.out(out);
    return 0;
  },
};

async function readAnswer(stdin: { read(): Promise<Uint8Array | null> }): Promise<string> {
  const chunk = await stdin.read();
  return chunk ? new TextDecoder().decode(chunk) : "";
}

registerCommand(PRUNE);
