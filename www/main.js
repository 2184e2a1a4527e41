// Starts the page. Every route is prerendered HTML, readable before this runs; here the
// route's own wasm (named by <body data-page>) adopts that HTML and makes it interactive.
// Then: the offline indicator, the language switch's memory, and the service worker that
// keeps every page for offline use (with a "new version available" banner when a new build
// is found). Texts outside the Yew root come from the page's data attributes, in its language.

const page = document.body.dataset.page;
const text = (name) => document.body.dataset[name] ?? '';

rememberLanguageSwitch();
offlineIndicator();
window.ouenIsland = island;
import(`/app/${page}.js`)
  .then((app) => app.default())
  .catch(failed);
if (document.readyState === 'complete') {
  registerServiceWorker();
} else {
  // After the page has loaded, so caching every page for offline use never competes with it.
  window.addEventListener('load', registerServiceWorker, { once: true });
}

/** Islands (see the app's `island.rs`): a part of the page in a wasm of its own, fetched the
 *  first time it is opened and mounted into `#<name>-slot`; opened again, its host gets an
 *  `ouen-open` event instead. */
const islands = new Map();
function island(name, whenVisible) {
  if (!/^[a-z_]+$/.test(name)) return;
  const host = document.getElementById(`${name}-slot`);
  if (whenVisible && host && 'IntersectionObserver' in window && !islands.has(name)) {
    // Below the fold: fetched when its place comes within a screen's height of the view.
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      island(name);
    }, { rootMargin: '100% 0px' });
    seen.observe(host);
    return;
  }
  const loaded = islands.get(name);
  if (loaded) {
    // Bubbles: an island mounts itself again into a new, empty host (see `island::mount`).
    loaded.then(() => document.getElementById(`${name}-slot`)?.dispatchEvent(new Event('ouen-open', { bubbles: true })));
    return;
  }
  const loading = Promise.all([import(`/app/${name}.js`), styled.has(name) && stylesheet('/seminar.css')])
    .then(([m]) => m.default())
    .catch((err) => {
      islands.delete(name);
      failed(err);
    });
  islands.set(name, loading);
}

/** Islands that draw with `seminar.css` (no first load fetches it): it is linked when one of
 *  them opens, and the island mounts once the sheet is in, so it never shows unstyled. */
const styled = new Set(['seminar_bar', 'handoff_dialog', 'handoff_import', 'organiser']);
function stylesheet(href) {
  let link = document.querySelector(`link[rel="stylesheet"][href="${href}"]`);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
  // A sheet that fails to load leaves the island unstyled but working.
  return new Promise((done) => {
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  });
}

/** The app (or one of its islands) could not be loaded: a line that says so, once. */
function failed(err) {
  console.error(err);
  if (document.getElementById('app-failed')) return;
  document.documentElement.classList.add('app-failed');
  const bar = document.createElement('p');
  bar.id = 'app-failed';
  bar.className = 'app-failed';
  bar.setAttribute('role', 'alert');
  bar.textContent = text('failed');
  document.body.prepend(bar);
}

/** The language switch's links (hreflang) remember the choice before they navigate, so a
 *  Japanese address is later sent to English only for someone who chose English. */
function rememberLanguageSwitch() {
  document.addEventListener('click', (e) => {
    const link = e.target instanceof Element ? e.target.closest('a[hreflang]') : null;
    if (!link) return;
    try {
      localStorage.setItem('ouen.lang', link.hreflang);
    } catch {
      // storage blocked: the link still goes to that language's page
    }
  });
}

/** A small status line shown while the device is offline. */
function offlineIndicator() {
  const el = document.createElement('p');
  el.id = 'offline-indicator';
  el.className = 'offline-indicator';
  el.setAttribute('role', 'status');
  el.textContent = text('offline');
  const update = () => {
    el.hidden = navigator.onLine;
    document.documentElement.classList.toggle('is-offline', !navigator.onLine);
  };
  update();
  document.body.prepend(el);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  let reloadRequested = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also changes the controller; reload only when the person asked to.
    if (reloadRequested) {
      reloadRequested = false;
      location.reload();
    }
  });
  const offer = (worker) => {
    if (!navigator.serviceWorker.controller) return; // first install: nothing to replace
    updateBanner(() => {
      reloadRequested = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  };
  navigator.serviceWorker
    .register(workerUrl(), { scope: '/' })
    .then((reg) => {
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed') offer(worker);
        });
      });
    })
    .catch((err) => console.warn('service worker not registered:', err));
}

/** The service worker's address. The CSP requires Trusted Types (`require-trusted-types-for
 *  'script'`, one policy allowed: `ouen`), so where the browser enforces them the address
 *  goes through that policy, which accepts this one address and nothing else. The app sets
 *  no other script or HTML sink: its pages are built from DOM nodes. */
function workerUrl() {
  const url = '/sw.js';
  if (!window.trustedTypes) return url;
  const policy = window.trustedTypes.createPolicy('ouen', {
    createScriptURL: (u) => {
      if (u !== url) throw new TypeError(`ouen: not a script of this app: ${u}`);
      return u;
    },
  });
  return policy.createScriptURL(url);
}

/** 「新しいバージョンがあります — 再読み込み」: a banner with one button. */
function updateBanner(onReload) {
  if (document.getElementById('sw-update')) return;
  const bar = document.createElement('div');
  bar.id = 'sw-update';
  bar.className = 'sw-update';
  bar.setAttribute('role', 'status');
  const label = document.createElement('span');
  label.textContent = text('update');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'sw-update-reload';
  button.className = 'sw-update-button';
  button.textContent = text('reload');
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = text('loading');
    onReload();
  });
  bar.append(label, ' — ', button);
  document.body.append(bar);
}
