/**
 * /bin/registry of the registry:2 model (distribution v2.8.3): `registry serve <config>` logs as
 * the real server starts and listens on REGISTRY_HTTP_ADDR (":5000" by default). The engine
 * reaches its content through the distribution model (simulator/distribution/service.ts), which
 * finds running registry containers by their published port; connections to the socket itself
 * are accepted and closed.
 */
import type { Program } from "../../runtime/program";
import { netStack } from "../../runtime/applets/net-stack";
import { NetError } from "../../runtime/applets/net-socket";
import { sha256Hex } from "../../util/sha256";

export const REGISTRY_VERSION = "2.8.3";

const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");

export const registryProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === "--version" || args[0] === "-v") {
    await ctx.stdout.write(`${ctx.argv[0]} github.com/docker/distribution v${REGISTRY_VERSION}\n`);
    return 0;
  }
  if (args[0] !== "serve") {
    await ctx.stdout.write("`registry`\n\nUsage:\n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  garbage-collect `garbage-collect` deletes layers not referenced by any manifests\n  help        Help about any command\n  serve       `serve` stores and distributes Docker images\n\nFlags:\n  -h, --help=false: help for registry\n  -v, --version=false: show the version and exit\n\n\nUse \"registry help [command]\" for more information about a command.\n");
    return 0;
  }
  const addr = ctx.env.REGISTRY_HTTP_ADDR || ":5000";
  const port = Number(addr.slice(addr.lastIndexOf(":") + 1)) || 5000;
  const instance = sha256Hex(`registry instance ${ctx.proc.pid} ${ctx.now()}`);
  const id = `${instance.slice(0, 8)}-${instance.slice(8, 12)}-${instance.slice(12, 16)}-${instance.slice(16, 20)}-${instance.slice(20, 32)}`;
  const tail = `go.version=go1.20.8 instance.id=${id} service=registry version=${REGISTRY_VERSION}`;
  const log = (level: string, msg: string) => ctx.stderr.write(`time="${stamp(ctx.now())}" level=${level} msg="${msg}" ${tail} \n`);
  if (!ctx.env.REGISTRY_HTTP_SECRET) await log("warning", "No HTTP secret provided - generated random secret. This may cause problems with uploads if multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in the configuration file or set the REGISTRY_HTTP_SECRET environment variable.");
  await log("info", "redis not configured");
  await log("info", "Starting upload purge in 20m0s");
  await log("info", "using inmemory blob descriptor cache");
  for (const f of [ctx.env.REGISTRY_HTTP_TLS_CERTIFICATE, ctx.env.REGISTRY_HTTP_TLS_KEY]) {
    if (f && !ctx.fs.exists(f)) {
      await ctx.stderr.write(`time="${stamp(ctx.now())}" level=fatal msg="open ${f}: no such file or directory"\n`);
      return 1;
    }
  }
  let listener;
  try {
    listener = netStack(ctx.kernel).listen(ctx.proc.ns.net, "0.0.0.0", port, ctx.proc);
  } catch (e) {
    if (!(e instanceof NetError)) throw e;
    await ctx.stderr.write(`time="${stamp(ctx.now())}" level=fatal msg="listen tcp ${addr}: bind: ${e.message}"\n`);
    return 1;
  }
  await log("info", `listening on [::]:${port}${ctx.env.REGISTRY_HTTP_TLS_CERTIFICATE ? ", tls" : ""}`);
  for (let s; (s = await ctx.proc.guard(listener.accept())); ) s.close();
  listener.close();
  return 0;
};
