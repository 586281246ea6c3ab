/** docker logout: forget the credentials config.json holds for a registry. */
import { HUB_AUTH_KEY } from "../../../distribution/service";
import type { Command } from "../../command";
import { registerCommand } from "../../registry";
import { authKey, readConfig, writeConfig } from "./auth";

registerCommand({
  path: "docker logout",
  use: "[SERVER]",
  short: "Log out from a registry",
  long: "Log out from a registry.\nIf no server is specified, the default is defined by the daemon.",
  args: { kind: "max", n: 1 },
  flags: [],
  async run(env, _v, args) {
    const key = args[0] ? authKey(args[0]) : HUB_AUTH_KEY;
    const cfg = readConfig(env);
    await env.out(`Removing login credentials for ${key}\n`);
    if (!cfg.auths?.[key]) return 0;
    delete cfg.auths[key];
    writeConfig(env, cfg);
    return 0;
  },
} satisfies Command);
