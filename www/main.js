// Boots the Yew app. Kept as a file (not inline) so the page's CSP can forbid inline scripts.
// Then: the offline indicator, and the service worker that makes the app work offline (with a
// "new version available" banner when a new build is found). Both live outside the Yew root.
import init, { uiText } from './ouen_app.js';

earlyPreferences();

init()
  .then(() => {
    offlineIndicator();
    registerServiceWorker();
  })
  .catch((err) => {
    const el = document.getElementById('loading');
    if (el) {
      el.textContent = 'アプリを読み込めませんでした。ページを再読み込みしてください。（The app could not be loaded; please reload.）';
    }
    console.error(err);
  });

/** The language and text size, applied before the app starts so the page does not jump
 *  (the app decides the same way: `?lang=`, else the saved choice, else Japanese). */
function earlyPreferences() {
  let saved = {};
  try {
    saved = { lang: localStorage.getItem('ouen.lang'), size: localStorage.getItem('ouen.text-size') };
  } catch {
    // storage blocked: defaults
  }
  const asked = new URLSearchParams(location.search).get('lang');
  const lang = /^(ja|en)/.test(asked ?? '') ? asked.slice(0, 2) : /^(ja|en)/.test(saved.lang ?? '') ? saved.lang.slice(0, 2) : 'ja';
  // Remember an asked-for language at once (the app does too, once it has loaded): a person
  // who follows another link before then keeps the language they chose.
  if (asked && lang === asked.slice(0, 2)) {
    try {
      localStorage.setItem('ouen.lang', lang);
    } catch {
      // storage blocked: the app still uses ?lang= on this page
    }
  }
  document.documentElement.lang = lang;
  if (saved.size === 'large') document.documentElement.classList.add('text-large');
  const loading = document.getElementById('loading');
  if (loading && lang === 'en') loading.textContent = 'Loading…';
}

/** A small status line shown while the device is offline. */
function offlineIndicator() {
  const el = document.createElement('p');
  el.id = 'offline-indicator';
  el.className = 'offline-indicator';
  el.setAttribute('role', 'status');
  el.textContent = uiText('app.offline');
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
    .register(new URL('sw.js', import.meta.url), { scope: new URL('./', import.meta.url).pathname })
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

/** 「新しいバージョンがあります — 再読み込み」: a banner with one button. */
function updateBanner(onReload) {
  if (document.getElementById('sw-update')) return;
  const bar = document.createElement('div');
  bar.id = 'sw-update';
  bar.className = 'sw-update';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = uiText('app.update_available');
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'sw-update-reload';
  button.className = 'sw-update-button';
  button.textContent = uiText('app.update_reload');
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = uiText('app.update_loading');
    onReload();
  });
  bar.append(text, ' — ', button);
  document.body.append(bar);
}
