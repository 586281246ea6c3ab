/*
 * Layerlab's service worker. dist/sw.js is written by the build (src/offline/integration.ts)
 * from src/offline/sw-template.js, with BUILD replaced by the build's version and file list.
 *
 * After a first visit it has the whole site in its cache, so pages, lessons, the simulator and
 * search keep working offline (a workshop room without internet, a train).
 * - Hashed assets (/_astro/...): cache first; their names change whenever their content does.
 * - Pages and everything else: network first, so a reachable server always wins; the cache
 *   answers when the network fails, and the 404 page when neither has the address.
 * Each build has its own cache (layerlab-<version>); older ones are removed once the new
 * worker is active. Only same-origin GET requests are handled.
 */
const BUILD = /* BUILD */ { version: "dev", files: [] };

const CACHE = `layerlab-${BUILD.version}`;
const scope = new URL(self.registration.scope);
const notFound = new URL("404.html", scope).href;

// Static files never differ by request header, but servers may still send Vary (astro preview
// sends "Vary: Origin"), which would make module scripts (sent with Origin) miss the cache.
const match = { ignoreVary: true };

const isHashed = (url) => url.pathname.startsWith(`${scope.pathname}_astro/`);
const cacheable = (response) => response.ok && response.status === 200 && response.type === "basic";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const urls = BUILD.files.map((file) => new URL(file, scope).href);
      // Hashed assets already in an older build's cache are reused rather than downloaded again.
      const missing = [];
      for (const url of urls) {
        const old = isHashed(new URL(url)) ? await caches.match(url, match) : undefined;
        if (old) await cache.put(url, old);
        else missing.push(new Request(url, { cache: "no-cache" }));
      }
      await cache.addAll(missing);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("layerlab-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request, match);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request, page) {
  try {
    const response = await fetch(request);
    if (cacheable(response)) {
      const cache = await caches.open(CACHE);
      await cache.put(request.url.split(/[?#]/)[0], response.clone());
    }
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    const cached =
      (await cache.match(request, { ...match, ignoreSearch: true })) ??
      (page && !url.pathname.endsWith("/") ? await cache.match(`${url.origin}${url.pathname}/`, match) : undefined) ??
      (page ? await cache.match(notFound, match) : undefined);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (isHashed(url)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, request.mode === "navigate"));
});
