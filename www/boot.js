// Runs before the page is first painted (a small classic script in <head>, not inline, so the
// CSP can forbid inline scripts): the remembered language and text size.
//
// Every page exists in Japanese (/simulator) and English (/en/simulator). `?lang=ja|en` in the
// address, or the language switch (see main.js), is remembered on this device; a Japanese
// address opened by someone who chose English goes to its English page.
(function () {
  var html = document.documentElement;
  var saved = {};
  try {
    saved = { lang: localStorage.getItem('ouen.lang'), size: localStorage.getItem('ouen.text-size') };
  } catch (e) {
    // storage blocked: the page's own language, default size
  }
  var here = html.lang === 'en' ? 'en' : 'ja';
  var asked = (/[?&]lang=(ja|en)/.exec(location.search) || [])[1];
  if (asked) {
    try {
      localStorage.setItem('ouen.lang', asked);
    } catch (e) {
      // storage blocked: the address still decides this page
    }
  }
  var want = asked || (saved.lang === 'en' ? 'en' : here);
  if (want !== here) {
    var path = location.pathname;
    var other = want === 'en' ? '/en' + path : path.replace(/^\/en(\/|$)/, '/');
    var search = location.search.replace(/([?&])lang=(ja|en)&?/, '$1').replace(/[?&]$/, '');
    location.replace(other + search + location.hash);
    return;
  }
  if (saved.size === 'large') html.classList.add('text-large');
})();
