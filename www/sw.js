// ouen's service worker: after the first visit, the whole app works offline. Every route is
// a prerendered page with its own wasm; all of them, in both languages, are cached as one
// versioned set in the background once the first page has loaded (main.js registers this
// worker after `load`), so navigating between any of them works in airplane mode.
//
// `cargo xtask dist` replaces the two placeholders below: the list of every shipped file and
// a hash of their bytes. The cache is named after that hash, so a new build (any changed
// byte) gets a new cache, and the old one is removed once the new version takes over.
// No third-party runtime; nothing here talks to anything but this origin.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'ouen-';
const CACHE = PREFIX + VERSION;

const scoped = (path) => new URL(path, self.registration.scope).href;

// The routes with a page of their own: `simulator/index.html` → `simulator`.
const PAGES = new Set(
  PRECACHE.map((path) => /^(?:en\/)?([a-z]+)\/index\.html$/.exec(path)).filter(Boolean).map((m) => m[1]),
);

/** The cached page for an address: `/en/simulator` → `en/simulator/index.html`, an unknown
 *  route → that language's `404.html`. */
function pageFor(pathname) {
  const path = pathname.replace(/index\.html$/, '').replace(/\/+$/, '');
  const en = path === '/en' || path.startsWith('/en/');
  const rest = en ? path.slice(3) : path;
  const prefix = en ? 'en/' : '';
  if (rest === '') return `${prefix}index.html`;
  const slug = rest.slice(1);
  return PAGES.has(slug) ? `${prefix}${slug}/index.html` : `${prefix}404.html`;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // `reload` skips the HTTP cache: the files must be the ones this version was hashed from.
      cache.addAll(PRECACHE.map((path) => new Request(scoped(path), { cache: 'reload' }))),
    ),
  );
  // No skipWaiting() here: an open page keeps its version until the person chooses to reload.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route's prerendered page, from the cache once it is filled.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(scoped(pageFor(url.pathname))))
        .then((page) => page || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
