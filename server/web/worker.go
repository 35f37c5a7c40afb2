package web

// serviceWorker replaces go-app's default worker (which answers only exact
// cached URLs, so /login or /profile would not open offline):
//   - the app's files are cached at install, per version, and served cache-first;
//   - page navigations are answered at once from the cached copy of that
//     page, and the network refreshes the copy in the background (a warm
//     start waits for nothing); a page not cached yet comes from the
//     network, and offline from the cached shell "/", so every route opens
//     offline (the wasm then renders the route itself). Pages are kept under
//     their path alone, only when opened without a query (a query may carry
//     a secret: the token of a reset or confirmation link; Cache Storage
//     outlives the visit), and never when the server marks them no-store
//     (a page with the visitor's address or a form's answer);
//   - help-centre reads (GET /api/v1/help/…) are kept for offline reading;
//   - every other API call is network-only: personal data is never cached here;
//   - a message {type: "goapp:purge"} deletes the cached help reads (logout);
//   - a message {type: "goapp:version"} is answered with the worker's version
//     (a page asks when its controller changes: see loader.go).
const serviceWorker = `
const cacheName = "app-" + "{{.Version}}";
const helpCache = "help-reads";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k !== cacheName && k !== helpCache).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const msg = event.data;
  if (msg && msg.type === "goapp:purge") {
    event.waitUntil(caches.delete(helpCache));
  }
  if (msg && msg.type === "goapp:version" && event.source) {
    event.source.postMessage({ type: "goapp:version", version: "{{.Version}}" });
  }
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname.startsWith("/api/v1/help/")) {
    event.respondWith(helpRead(req));
    return;
  }
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/dev/") || url.pathname === "/healthz") {
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(navigation(event, req, url));
    return;
  }
  event.respondWith(cacheFirst(req));
});

async function cacheFirst(req) {
  const cached = await caches.match(req, { cacheName: cacheName });
  if (cached) {
    return cached;
  }
  return fetch(req);
}

async function helpRead(req) {
  const cache = await caches.open(helpCache);
  try {
    const res = await fetch(req);
    if (res.ok) {
      cache.put(req, res.clone());
    }
    return res;
  } catch (err) {
    const cached = await cache.match(req);
    if (cached) {
      return cached;
    }
    throw err;
  }
}

async function navigation(event, req, url) {
  const cache = await caches.open(cacheName);
  const keep = url.search === "";
  const network = fetch(req).then((res) => {
    if (keep && res.ok && !(res.headers.get("Cache-Control") || "").includes("no-store")) {
      // Keeping a copy is a favour: a cache that refuses it (a body cut
      // short, storage full) must not fail the page the server did send.
      event.waitUntil(cache.put(url.pathname, res.clone()).catch(() => {}));
    }
    return res;
  });
  if (keep) {
    const cached = await cache.match(url.pathname);
    if (cached) {
      // At once from the cache; the network refreshes it for next time.
      event.waitUntil(network.catch(() => {}));
      return cached;
    }
  }
  try {
    return await network;
  } catch (err) {
    const cached = (keep && (await cache.match(url.pathname))) || (await cache.match("/"));
    if (cached) {
      return cached;
    }
    throw err;
  }
}
`
