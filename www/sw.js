// ouen's service worker: after the first visit, the whole app works offline.
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
const SHELL = scoped('index.html');

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
    // Routes such as /simulator are the single-page app: always the cached shell.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(SHELL))
        .then((shell) => shell || fetch(request)),
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
