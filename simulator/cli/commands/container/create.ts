/** docker create: a container in the "created" state, its ID printed. */
import { containerCreate } from "../../../daemon/create";
import { str, type Command } from "../../command";
import { errorMessage, runStyleError } from "../../errors";
import { ClientError } from "./opts-parse";
import { registerCommand } from "../../registry";
import { CREATE_FLAGS, buildCreateRequest, createWarnings } from "./opts";
import { imageForRun, pullOptionError } from "./image-for-run";
import { checkCidFile, writeCidFile } from "./cidfile";

registerCommand({
  path: "docker create",
  use: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  aliases: ["docker container create"],
  interspersed: false,
  args: { kind: "min", n: 1 },
  flags: CREATE_FLAGS,
  async run(env, v, args, changed) {
    const badPull = pullOptionError(str(v, "pull"));
    if (badPull) {
      await env.err(runStyleError("docker create", new Error(badPull)));
      return 125;
    }
    let req;
    try {
      req = buildCreateRequest(env, v, args, changed);
      checkCidFile(env, str(v, "cidfile"));
    } catch (e) {
      if (!(e instanceof ClientError)) throw e;
      await env.err(runStyleError("docker create", e));
      return 125;
    }
    try {
      const img = await imageForRun(env, args[0], str(v, "pull"), str(v, "platform"));
      const created = containerCreate(env.daemon, req, img);
      const id = created.Id;
      const warnings = createWarnings(req, created.Warnings);
      if (warnings) await env.err(warnings);
      writeCidFile(env, str(v, "cidfile"), id);
      await env.out(id + "\n");
      return 0;
    } catch (e) {
      await env.err(errorMessage(e) + "\n");
      return 1;
    }
  },
} satisfies Command);
