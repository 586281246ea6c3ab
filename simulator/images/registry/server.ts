/**
 * /bin/registry of the registry:2 model (distribution v2.8.3): `registry serve <config>` logs as
 * the real server starts and listens on REGISTRY_HTTP_ADDR (":5000" by default). At start it sets
 * up htpasswd auth (REGISTRY_AUTH=htpasswd: realm and path required, a missing file provisioned
 * with a user `docker`) and loads its TLS key pair (REGISTRY_HTTP_TLS_CERTIFICATE/_KEY) as Go's
 * tls.LoadX509KeyPair does, failing with the real messages. The engine reaches its content
 * through the distribution model (simulator/distribution/service.ts), which finds running
 * registry containers by their published port and checks TLS and basic auth (access.ts);
 * connections to the socket itself are accepted and closed.
 */
import type { Program, ProcessContext } from "../../runtime/program";
import { base64Encode, text, utf8 } from "../../util/bytes";
import { bcryptHash, bcryptSalt } from "../../distribution/htpasswd";
import { parseCertificate, parseKey } from "../../distribution/pem";
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
  const auth = (ctx.env.REGISTRY_AUTH ?? "").toLowerCase();
  if (auth === "htpasswd") {
    const problem = await htpasswdSetup(ctx);
    if (problem) {
      // NewApp panics: Go prints the panic and the goroutine's stack, and exits with 2
      await ctx.stderr.write(`panic: unable to configure authorization (htpasswd): ${problem}\n\ngoroutine 1 [running]:\ngithub.com/docker/distribution/registry/handlers.NewApp({0x1a0fb98, 0xc000126000}, 0xc0001f2000)\n\t/go/src/github.com/docker/distribution/registry/handlers/app.go:314 +0x2b8a\n`);
      return 2;
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
  if (ctx.env.REGISTRY_HTTP_TLS_CERTIFICATE) {
    await log("info", "restricting TLS version to tls1.2 or higher");
    await log("info", `restricting TLS cipher suites to: ${CIPHER_SUITES.join(",")}`);
    const err = loadKeyPair(ctx, ctx.env.REGISTRY_HTTP_TLS_CERTIFICATE, ctx.env.REGISTRY_HTTP_TLS_KEY ?? "");
    if (err) {
      listener.close();
      await ctx.stderr.write(`time="${stamp(ctx.now())}" level=fatal msg="${err}"\n`);
      return 1;
    }
  }
  await log("info", `listening on [::]:${port}${ctx.env.REGISTRY_HTTP_TLS_CERTIFICATE ? ", tls" : ""}`);
  for (let s; (s = await ctx.proc.guard(listener.accept())); ) s.close();
  listener.close();
  return 0;
};

/** registry.go's defaultCipherSuites, as Go's tls.CipherSuiteName names them. */
const CIPHER_SUITES = [
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384",
];

function readText(ctx: ProcessContext, path: string): string | null {
  try {
    return text(ctx.fs.readFile(path));
  } catch {
    return null;
  }
}

/** Go's tls.LoadX509KeyPair on the two files: its error text, or null. */
function loadKeyPair(ctx: ProcessContext, certPath: string, keyPath: string): string | null {
  const cert = readText(ctx, certPath);
  if (cert === null) return `open ${certPath}: no such file or directory`;
  const key = readText(ctx, keyPath);
  if (key === null) return `open ${keyPath}: no such file or directory`;
  const c = parseCertificate(cert);
  if (!c) return "tls: failed to find any PEM data in certificate input";
  const k = parseKey(key);
  if (!k && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return "tls: failed to find any PEM data in key input";
  if (!k && key.includes("-----BEGIN ENCRYPTED PRIVATE KEY-----")) return "tls: failed to parse private key";
  if (!c.info || !k || c.info.key !== k.id) return "tls: private key does not match public key";
  return null;
}

/**
 * The htpasswd access controller's setup (distribution v2.8.3): realm and path must be set; a
 * missing file is created with a user `docker` and a generated password, logged once.
 */
async function htpasswdSetup(ctx: ProcessContext): Promise<string | null> {
  const realm = ctx.env.REGISTRY_AUTH_HTPASSWD_REALM;
  const path = ctx.env.REGISTRY_AUTH_HTPASSWD_PATH;
  if (realm === undefined) return `"realm" must be set for htpasswd access controller`;
  if (path === undefined) return `"path" must be set for htpasswd access controller`;
  if (ctx.fs.exists(path)) return null;
  try {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = "/" + parts.slice(0, i).join("/");
      if (!ctx.fs.exists(dir)) ctx.fs.mkdir(dir, 0o700);
    }
    const pass = base64Encode(utf8(sha256Hex(`registry default password ${ctx.proc.pid} ${ctx.now()}`).slice(0, 32))).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_").slice(0, 43);
    ctx.fs.writeFile(path, utf8(`docker:${bcryptHash(pass, 10, bcryptSalt("docker", pass))}`), { mode: 0o600 });
    await ctx.stderr.write(`time="${stamp(ctx.now())}" level=warning msg="htpasswd is missing, provisioning with default user" password=${pass} user=docker \n`);
  } catch (e) {
    return `failed to open htpasswd path ${e instanceof Error ? e.message : String(e)}`;
  }
  return null;
}
