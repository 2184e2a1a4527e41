// The partner's whole integration: one import, then listen to events.
import '/ouen/elements.js';

window.ouenEvents = [];
document.addEventListener('ouen-change', (e) => {
  window.ouenEvents.push({
    id: e.target.id,
    selfPay: e.detail.selfPay ?? null,
    error: e.detail.error ?? null,
    statuses: e.detail.schemes?.map((s) => s.status) ?? null,
    overall: e.detail.overall?.percent ?? null,
  });
});
