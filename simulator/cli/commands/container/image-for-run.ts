/** The image `docker run`/`create` will use: local, or pulled from its registry when the policy allows. */
import type { Image } from "../../../daemon/images/image";
import { lookupImage, parseRefOrThrow } from "../../../daemon/images/lookup";
import { familiarString, tagNameOnly } from "../../../api/reference";
import { notFound } from "../../../daemon/errdefs";
import { pull } from "../../../distribution/transfer";
import { parsePlatform, platformOfConfig, samePlatform } from "../../../distribution/platform";
import type { CliEnv } from "../../command";
import { credentialsFor } from "../distribution/auth";

/** The CLI's validatePullOpt: checked before anything else, so a bad --pull creates nothing. */
export function pullOptionError(pull: string): string | null {
  if (pull === "" || pull === "always" || pull === "missing" || pull === "never") return null;
  return `invalid pull option: '${pull}': must be one of "always", "missing" or "never"`;
}

export async function imageForRun(env: CliEnv, ref: string, pullOpt: string, platform = ""): Promise<Image> {
  let local = lookupImage(env.daemon, ref);
  // --platform: a local image of another platform is not the one asked for (it is pulled)
  if (local && platform && !samePlatform(platformOfConfig(local.config), parsePlatform(platform))) local = null;
  if (local && pullOpt !== "always") return local;
  const parsed = tagNameOnly(parseRefOrThrow(ref));
  const named = familiarString(parsed);
  if (pullOpt === "never") throw notFound(`No such image: ${named}`);
  if (!local) await env.err(`Unable to find image '${named}' locally\n`);
  // the pull's progress goes to stderr, as docker run prints it
  const r = await pull(env.daemon, parsed, { creds: credentialsFor(env, parsed), tty: !!env.ctx.stderr.isTTY, ...(platform ? { platform } : {}) }, (s) => env.err(s));
  await env.err(`Status: ${r.status}\n`);
  return r.images[0];
}
