// Boots the Yew app. Kept as a file (not inline) so the page's CSP can forbid inline scripts.
import init from './ouen_app.js';

init().catch((err) => {
  const el = document.getElementById('loading');
  if (el) {
    el.textContent = 'アプリを読み込めませんでした。ページを再読み込みしてください。（The app could not be loaded; please reload.）';
  }
  console.error(err);
});
