/** docker run: create, attach, start, and (unless -d) wait and return the container's exit code. */
import { containerCreate } from "../../../daemon/create";
import { removeContainerNow } from "../../../daemon/delete";
import { containerStart } from "../../../daemon/start";
import { containerWait } from "../../../daemon/stop";
import { onStopped } from "../../../daemon/monitor";
import { bool, list, str, type Command } from "../../command";
import { errorMessage, runStyleError } from "../../errors";
import { registerCommand } from "../../registry";
import { RUN_FLAGS, buildCreateRequest, createWarnings } from "./opts";
import { checkCidFile, writeCidFile } from "./cidfile";
import { imageForRun, pullOptionError } from "./image-for-run";

/** The CLI's exit status for a failed start, chosen from the error text (runStartContainerErr). */
export function startErrorStatus(e: unknown): number {
  const msg = errorMessage(e);
  if (/executable file not found|no such file or directory|system cannot find the file specified/.test(msg)) return 127;
  if (/permission denied|is a directory/.test(msg)) return 126;
  return 125;
}

const RUN: Command = {
  path: "docker run",
  use: "[OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  aliases: ["docker container run"],
  interspersed: false,
  args: { kind: "min", n: 1 },
  flags: RUN_FLAGS,
  async run(env, v, args, changed) {
    const badPull = pullOptionError(str(v, "pull"));
    if (badPull) {
      await env.err(runStyleError("docker run", new Error(badPull)));
      return 125;
    }
    const d = env.daemon;
    const detach = bool(v, "detach");
    let id: string;
    try {
      const req = buildCreateRequest(env, v, args, changed);
      if (detach) {
        if (list(v, "attach").length) {
          await env.err("conflicting options: cannot specify both --attach and --detach\n");
          return 1;
        }
        Object.assign(req.config, { AttachStdin: false, AttachStdout: false, AttachStderr: false, StdinOnce: false });
      } else if (req.config.Tty && bool(v, "interactive") && !env.ctx.stdin.isTTY) {
        await env.err("the input device is not a TTY\n");
        return 1;
      }
      checkCidFile(env, str(v, "cidfile"));
      const img = await imageForRun(env, args[0], str(v, "pull"), str(v, "platform"));
      const created = containerCreate(d, req, img);
      id = created.Id;
      const warnings = createWarnings(req, created.Warnings);
      if (warnings) await env.err(warnings);
      writeCidFile(env, str(v, "cidfile"), id);
    } catch (e) {
      await env.err(runStyleError("docker run", e));
      return 125;
    }
    const c = d.containers.get(id)!;
    if (detach) await env.out(id + "\n");
    const attach = list(v, "attach").map((a) => a.toLowerCase());
    const wants = (s: string) => attach.length === 0 || attach.includes(s);
    const io = detach
      ? {}
      : { stdin: bool(v, "interactive") || attach.includes("stdin") ? env.ctx.stdin : undefined, stdout: wants("stdout") ? env.ctx.stdout : undefined, stderr: wants("stderr") ? env.ctx.stderr : undefined };
    const stopped = detach ? null : onStopped(c);
    try {
      containerStart(d, c, io);
    } catch (e) {
      await env.err(runStyleError("docker run", e));
      if (c.hostConfig.AutoRemove) removeContainerNow(d, c, true);
      return startErrorStatus(e);
    }
    if (detach) return 0;
    return env.ctx.proc.guard(stopped ?? containerWait(d, c));
  },
};

registerCommand(RUN);
