/**
 * The registries the simulated engine can reach: Docker Hub (docker.io), holding the built-in
 * images as official `library/` repositories, and every running `registry:2` container that
 * publishes its port on the host (reachable as localhost:<port> and 127.0.0.1:<port>).
 *
 * Docker Hub's rules modelled here: official repositories are read-only; a user namespace
 * accepts pushes from that user only; an account is made on its first login and keeps its
 * password; anonymous pulls are counted against a limit (100 per 6 hours, as documented) that a
 * login lifts to the authenticated limit. A private registry's content lives in the storage
 * mounted at /var/lib/registry, so a new container on the same volume or host directory serves
 * the same images.
 *
 * Registry content lives beside the daemon; a saved host carries it (persist.ts).
 */
import type { Daemon } from "../daemon/daemon";
import { ImageStore } from "../daemon/images/store";
import { rawConfig } from "../daemon/images/image";
import { LayerStore, type Layer } from "../snapshots/layers";
import { CATALOG_MODELS, CATALOG_TIME, loadBusybox } from "../images/catalog";
import { loadModel } from "../images/model";
import { parseRefOrThrow } from "../daemon/images/lookup";
import { splitDockerDomain } from "../api/reference";
import { HOST_ETH0 } from "../daemon/network/model";
import { MANIFEST_V2, Registry, type Repository } from "./registry";
import { basicAuthOf, tlsError, type BasicAuth } from "./access";
import { descriptorPlatform, platformVariant } from "./platform-images";
import { HUB_PLATFORMS } from "./platform";

export const HUB_HOST = "docker.io";
/** The key `docker login` stores Docker Hub credentials under in config.json. */
export const HUB_AUTH_KEY = "https://index.docker.io/v1/";
export const RATE_WINDOW_MS = 6 * 3600_000;

/** What Docker Hub says about its official images (`docker search`). */
const OFFICIAL: Record<string, { description: string; stars: number }> = {
  busybox: { description: "Busybox base image.", stars: 3400 },
  nginx: { description: "Official build of Nginx.", stars: 20000 },
  redis: { description: "Redis is the world’s fastest data platform for caching, vector search, and NoSQL databases.", stars: 13000 },
  postgres: { description: "The PostgreSQL object-relational database system provides reliability and data integrity.", stars: 14000 },
  node: { description: "Node.js is a JavaScript-based platform for server-side and networking applications.", stars: 13000 },
  registry: { description: "Distribution implementation for storing and distributing of container images and artifacts", stars: 4000 },
  httpd: { description: "The Apache HTTP Server Project", stars: 4900 },
};

/** The built-in images as tags of an official repository (built once; layers are immutable and shared). */
const OFFICIAL_IMAGES = new Map<string, Array<{ tag: string; raw: string; layers: Layer[] }>>();

function officialImages(name: string): Array<{ tag: string; raw: string; layers: Layer[] }> {
  let list = OFFICIAL_IMAGES.get(name);
  if (list) return list;
  list = [];
  const short = name.slice("library/".length);
  const scratch = { layers: new LayerStore(), images: new ImageStore() } as unknown as Daemon;
  const m = CATALOG_MODELS.find((x) => x.tags.some((t) => parseRefOrThrow(t).path === name));
  if (short === "busybox") loadBusybox(scratch);
  else if (m) loadModel(scratch, m, CATALOG_TIME);
  for (const [key, id] of scratch.images.tags) {
    const ref = parseRefOrThrow(key);
    if (ref.path !== name) continue;
    const img = scratch.images.get(id)!;
    list.push({ tag: ref.tag ?? "latest", raw: rawConfig(img), layers: LayerStore.stack(img.top) });
  }
  OFFICIAL_IMAGES.set(name, list);
  return list;
}

export class Hub extends Registry {
  /** Accounts: username -> password (an account is made on its first login). */
  readonly accounts = new Map<string, string>();
  /** Pull limits per window; `anonymous` is counted per host, `authenticated` per account. */
  limits = { anonymous: 100, authenticated: 200 };
  /** When each counted pull happened, by "anonymous" or account name. */
  readonly pulls = new Map<string, number[]>();
  private seeded = new Set<string>();

  /** Make sure an official repository the catalog offers is present (built on first use). */
  ensure(name: string): void {
    if (!name.startsWith("library/") || this.seeded.has(name)) return;
    this.seeded.add(name);
    // each tag is a manifest list: the built-in image for linux/amd64 and its arm64 twin
    for (const t of officialImages(name)) {
      const entries = HUB_PLATFORMS.map((p) => {
        const v = platformVariant(t.raw, t.layers, p);
        const put = this.putImage(name, null, v.raw, v.layers);
        return { mediaType: MANIFEST_V2, size: put.size, digest: put.digest, platform: descriptorPlatform(p) };
      });
      this.putList(name, t.tag, entries);
    }
    const r = this.repo(name);
    const info = OFFICIAL[name.slice("library/".length)];
    if (r && info) Object.assign(r, { official: true, description: info.description, stars: info.stars });
  }

  /** Count a pull; false when the limit is reached. */
  countPull(user: string | null, now: number): boolean {
    const who = user ?? "anonymous";
    const limit = user ? this.limits.authenticated : this.limits.anonymous;
    const list = (this.pulls.get(who) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    this.pulls.set(who, list);
    if (list.length >= limit) return false;
    list.push(now);
    return true;
  }

  readable(name: string, r: Repository, user: string | null): boolean {
    return !r.private || name.split("/")[0] === user;
  }

  /** Official names a catalog offers (for search). */
  officialNames(): string[] {
    const names = new Set(["library/busybox"]);
    for (const m of CATALOG_MODELS) for (const t of m.tags) names.add(parseRefOrThrow(t).path);
    return [...names];
  }
}

/** A private registry reached through a running registry container. */
export interface Endpoint {
  kind: "hub" | "private";
  /** "docker.io" or "localhost:5000". */
  host: string;
  registry: Registry;
  /** The storage (volume or host directory) a private registry keeps its content in. */
  storage?: string;
  /** A private registry's base URL as the engine reached it ("https://10.0.2.15:8443", "http://localhost:5000"). */
  url?: string;
  /** A private registry's htpasswd basic auth (REGISTRY_AUTH=htpasswd). */
  auth?: BasicAuth;
}

export class Distribution {
  readonly hub = new Hub();
  /** Private registries' content by storage key ("volume:<name>", "bind:<path>", "container:<id>"). */
  readonly stores = new Map<string, Registry>();

  constructor(readonly daemon: Daemon) {}

  /**
   * The registry a host name names: Hub, a running registry container, or an error text.
   * localhost and 127.0.0.1 are loopback addresses, which Docker treats as insecure registries
   * (plain HTTP, or TLS without verification); the host's own address (10.0.2.15) is a secure
   * registry: HTTPS only, with a certificate the engine trusts through
   * /etc/docker/certs.d/<host:port>/ (see access.ts).
   */
  endpoint(host: string): Endpoint | { error: string } {
    if (host === HUB_HOST) return { kind: "hub", host, registry: this.hub };
    const hostAddr = HOST_ETH0.addr.replace(/\/.*$/, "");
    const m = /^(localhost|127\.0\.0\.1|(\d+\.\d+\.\d+\.\d+))(?::(\d+))?$/.exec(host);
    if (!m || (m[2] !== undefined && m[2] !== hostAddr)) {
      const name = host.replace(/:\d+$/, "");
      return { error: m ? `Get "https://${host}/v2/": dial tcp ${host.includes(":") ? host : host + ":443"}: i/o timeout` : `Get "https://${host}/v2/": dial tcp: lookup ${name}: no such host` };
    }
    const secure = m[2] !== undefined;
    const port = m[3] ?? "443";
    const ip = secure ? hostAddr : "127.0.0.1";
    const refused = m[3] === undefined || secure
      ? `Get "https://${host}/v2/": dial tcp ${ip}:${port}: connect: connection refused`
      : `Get "http://${host}/v2/": dial tcp ${ip}:${port}: connect: connection refused`;
    for (const c of this.daemon.containers.values()) {
      if (!c.state.Running || !isRegistryContainer(this.daemon, c.image, c.config.Image)) continue;
      const env = new Map((c.config.Env ?? []).map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)] as const));
      const addr = env.get("REGISTRY_HTTP_ADDR") ?? ":5000";
      const inner = addr.slice(addr.lastIndexOf(":") + 1);
      const bound = c.hostPorts[`${inner}/tcp`] ?? [];
      const okIp = (b: { HostIp: string }) => b.HostIp === "" || b.HostIp === "0.0.0.0" || b.HostIp === ip;
      if (!bound.some((b) => b.HostPort === port && okIp(b))) continue;
      const tls = !!env.get("REGISTRY_HTTP_TLS_CERTIFICATE");
      if (secure && !tls) return { error: `Get "https://${host}/v2/": http: server gave HTTP response to HTTPS client` };
      const x509 = secure ? tlsError(this.daemon, c, host) : null;
      if (x509) return { error: `Get "https://${host}/v2/": ${x509}` };
      const mount = c.mounts.find((x) => x.Destination === "/var/lib/registry");
      const storage = mount ? `${mount.Type}:${mount.Name ?? mount.Source}` : `container:${c.id}`;
      let registry = this.stores.get(storage);
      if (!registry) this.stores.set(storage, (registry = new Registry()));
      const auth = basicAuthOf(c);
      return { kind: "private", host, registry, storage, url: `${tls ? "https" : "http"}://${host}`, ...(auth ? { auth } : {}) };
    }
    return { error: refused };
  }

}

function isRegistryContainer(d: Daemon, imageId: string, imageName: string): boolean {
  if (/^(docker\.io\/)?(library\/)?registry(:[\w.-]+)?$/.test(imageName)) return true;
  return d.images.tagsOf(imageId).some((k) => k.startsWith("docker.io/library/registry:"));
}

const services = new WeakMap<Daemon, Distribution>();

export function distributionOf(d: Daemon): Distribution {
  let s = services.get(d);
  if (!s) services.set(d, (s = new Distribution(d)));
  return s;
}

/** The registry host of a normalized repository path ("docker.io", "localhost:5000"). */
export function registryHost(name: string): { host: string; path: string } {
  const { domain, remainder } = splitDockerDomain(name);
  return { host: domain, path: remainder };
}
