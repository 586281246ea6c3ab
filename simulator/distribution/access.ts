/**
 * What a private registry asks of the engine before it serves: TLS (is the registry's
 * certificate for this host name, and does the engine trust it?) and htpasswd basic auth.
 *
 * TLS, as the engine's Go client checks it: the certificate must name the host (crypto/x509's
 * VerifyHostname, checked first) and be signed by a trusted root. A self-signed certificate is
 * trusted when a `*.crt` file in /etc/docker/certs.d/<host:port>/ on the engine's host holds
 * that same certificate (the engine adds every such file to its roots for that registry).
 *
 * Basic auth, as distribution v2.8.3's htpasswd access controller does it: the file at
 * REGISTRY_AUTH_HTPASSWD_PATH in the registry container is read when a request comes (the
 * registry re-reads it when its modification time changes, so an edit takes effect without a
 * restart); a request without credentials, or with a user or password the file does not
 * accept, gets 401 with `WWW-Authenticate: Basic realm="<realm>"`; a file that cannot be read
 * or parsed gets 400.
 */
import type { Container } from "../daemon/container/container";
import { containerFs } from "../daemon/archive";
import type { Daemon } from "../daemon/daemon";
import { text } from "../util/bytes";
import { htpasswdAllows, parseHtpasswd } from "./htpasswd";
import { hostnameError, parseCertificate, pemBlocks } from "./pem";

export interface BasicAuth {
  realm: string;
  path: string;
  container: string;
}

/** Environment of a container as a map. */
export function envOf(c: Container): Map<string, string> {
  return new Map((c.config.Env ?? []).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)] as const));
}

/** The registry's basic auth settings (REGISTRY_AUTH=htpasswd), or undefined when it has none. */
export function basicAuthOf(c: Container): BasicAuth | undefined {
  const env = envOf(c);
  if ((env.get("REGISTRY_AUTH") ?? "").toLowerCase() !== "htpasswd") return undefined;
  return { realm: env.get("REGISTRY_AUTH_HTPASSWD_REALM") ?? "", path: env.get("REGISTRY_AUTH_HTPASSWD_PATH") ?? "", container: c.id };
}

function readIn(d: Daemon, c: Container, path: string): string | null {
  try {
    return text(containerFs(d, c).readFile(path));
  } catch {
    return null;
  }
}

/**
 * The registry's answer to a request with these credentials: "ok", "none" (no credentials:
 * 401), "bad" (401) or "error" (400: the file cannot be read or parsed).
 */
export function checkBasic(d: Daemon, a: BasicAuth, creds: { username: string; password: string } | null): "ok" | "none" | "bad" | "error" {
  if (!creds || creds.username === "" || creds.password === "") return "none";
  const c = d.containers.get(a.container);
  const content = c ? readIn(d, c, a.path) : null;
  if (content === null) return "error";
  const entries = parseHtpasswd(content);
  if ("error" in entries) return "error";
  return htpasswdAllows(entries, creds.username, creds.password) ? "ok" : "bad";
}

/**
 * The TLS error the engine meets reaching a secure registry as `host` (host:port), or null when
 * the handshake succeeds.
 */
export function tlsError(d: Daemon, c: Container, host: string): string | null {
  const certPath = envOf(c).get("REGISTRY_HTTP_TLS_CERTIFICATE") ?? "";
  const pem = readIn(d, c, certPath);
  const cert = pem === null ? null : parseCertificate(pem);
  if (cert?.info) {
    const err = hostnameError(cert.info, host.replace(/:\d+$/, ""));
    if (err) return err;
  }
  if (cert && trustedRoots(d, host).includes(cert.b64)) return null;
  return "x509: certificate signed by unknown authority";
}

/** The certificates of the `*.crt` files in /etc/docker/certs.d/<host>/ on the engine's host. */
export function trustedRoots(d: Daemon, host: string): string[] {
  const fs = d.machine.rootfs;
  const dir = ["etc", "docker", "certs.d", host];
  let names: string[];
  try {
    const st = fs.node(dir);
    if (!st || st.type !== "dir" || !st.entries) return [];
    names = [...st.entries.keys()].filter((n) => n.endsWith(".crt"));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    try {
      const node = fs.node([...dir, n]);
      if (node?.type !== "file" || !node.data) continue;
      out.push(...pemBlocks(text(node.data), "CERTIFICATE"));
    } catch {
      // unreadable: not a root
    }
  }
  return out;
}
