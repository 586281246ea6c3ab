/** The image `docker run`/`create` will use: local, or "pulled" when the policy allows. */
import type { Image } from "../../../daemon/images/image";
import { lookupImage, parseRefOrThrow } from "../../../daemon/images/lookup";
import { familiarString, tagNameOnly } from "../../../api/reference";
import { notFound } from "../../../daemon/errdefs";
import type { CliEnv } from "../../command";

/** The CLI's validatePullOpt: checked before anything else, so a bad --pull creates nothing. */
export function pullOptionError(pull: string): string | null {
  if (pull === "" || pull === "always" || pull === "missing" || pull === "never") return null;
  return `invalid pull option: '${pull}': must be one of "always", "missing" or "never"`;
}

export async function imageForRun(env: CliEnv, ref: string, pull: string): Promise<Image> {
  const local = lookupImage(env.daemon, ref);
  if (local && pull !== "always") return local;
  const named = familiarString(tagNameOnly(parseRefOrThrow(ref)));
  if (pull === "never") throw notFound(`No such image: ${named}`);
  if (!local) await env.err(`Unable to find image '${named}' locally\n`);
  const pulled = env.daemon.pull?.(named);
  if (pulled) return pulled;
  if (local) return local;
  const repo = named.replace(/:[^:/]+$/, "");
  throw notFound(`pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
}
