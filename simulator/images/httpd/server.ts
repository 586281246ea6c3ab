/**
 * /usr/local/apache2/bin/httpd of the httpd:2 model: `httpd -v` and `-V` print the version; the
 * server itself is not simulated (the model exists for its htpasswd), so starting it says so
 * and exits (docs/differences.md, Image models).
 */
import type { Program } from "../../runtime/program";
import { HTTPD_VERSION } from "./model";

export const httpdProgram: Program = async (ctx) => {
  const a = ctx.argv.slice(1);
  if (a.includes("-v") || a.includes("-V")) {
    await ctx.stdout.write(`Server version: Apache/${HTTPD_VERSION} (Unix)\nServer built:   Sep 19 2026 00:20:12\n`);
    return 0;
  }
  await ctx.stderr.write("layerlab: the httpd:2 model has no web server; it is here for its htpasswd program (see Layerlab's differences from Docker)\n");
  return 1;
};
