// Seminar mode, the host tally, the settings page and the QR hand-off, in headless Chromium.
//
// - The organiser turns seminar mode on with a PIN; attendee 1 uses every tool (with a
//   distinctive company name), presses 次の方へ and consents: nothing of theirs is left in
//   storage, in any page's DOM, or behind the back button. Attendee 2 does not consent. The
//   organiser's tally (behind the PIN) counts one person; the CSV download has one row.
// - The idle reset, with the TEST-ONLY override `ouen.seminar.test-idle-seconds` (seconds,
//   in localStorage; not reachable from the UI), shows the countdown and resets.
// - "スマホに持ち帰る" on each of the four pages: the QR code is screenshotted, decoded with
//   jsQR, opened in a fresh browser profile, and the state is there. An oversized plan shows
//   the size-limit message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash, pbkdf2Sync } from 'node:crypto';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { useBrowser, launch, appUrl, artifacts } from './browser.mjs';
import { japaneseOutsideBrackets, answerChecklist, walkToEligible } from './flows.mjs';

const browser = useBrowser();
const PIN = '2468';
const COMPANY = '有限会社ゼミナール試験堂';
const RATE = '7777';
const at = (path) => new URL(path, appUrl).href;

/** The wizard to "eligible" for both schemes (a Nagano manufacturer). */
async function wizard(page) {
  await page.goto(at('eligibility'));
  await page.locator('[data-question="location"], #elig-verdict').first().waitFor();
  await walkToEligible(page);
}

async function simulator(page, rate, hours = '13') {
  await page.goto(at('simulator'));
  await page.locator('#rate').fill(rate);
  await page.locator('#hours').fill(hours);
  await page.locator('#self-pay').waitFor();
}

async function checklist(page) {
  await page.goto(at('checklist'));
  await page.locator('#checklist').waitFor();
  await page.locator('#checklist-kind input[value="retail"]').check();
  await answerChecklist(page, ['done']);
  await page.locator('#cl-finish').click();
  await page.locator('#cl-result').waitFor();
}

async function plan(page, name, issue = '') {
  await page.goto(at('plan'));
  await page.locator('[id="plan-sme.name"]').fill(name);
  if (issue) await page.locator('#plan-issue').fill(issue);
  // Autosave happens on change; give it a tick.
  await page.waitForTimeout(200);
}

/** A new tab on settings with nothing stored (local and session storage cleared, reloaded). */
async function freshSettings() {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.reload();
  return page;
}

async function appKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ouen.')).sort());
}

async function nextPerson(page, consent, downloads = 0) {
  await page.locator('#seminar-next').click();
  await page.locator('#seminar-dialog').waitFor();
  if (downloads) {
    assert.match(await page.locator('#seminar-downloads').textContent(), new RegExp(`ファイルが ${downloads} 件`));
    await page.screenshot({ path: join(artifacts, 'seminar-handover.png') });
  } else {
    assert.equal(await page.locator('#seminar-downloads').count(), 0);
  }
  // Keyboard accessible: the modal dialog has focus on its first button.
  assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog')?.id), 'seminar-dialog');
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/' && u.hash === '', { waitUntil: 'load' }),
    page.locator(consent ? '#seminar-consent-yes' : '#seminar-consent-no').click(),
  ]);
  await page.locator('#seminar-bar').waitFor();
}

async function assertNoTrace(page) {
  const html = await page.content();
  for (const s of [COMPANY, RATE, '7,777', '４５人']) assert.ok(!html.includes(s), `"${s}" left in ${page.url()}`);
}

test('seminar mode: attendees leave no trace, the tally counts consenting ones, idle reset', async () => {
  const page = await freshSettings();

  // Turning it on: two different PINs are refused with a clear message.
  await page.locator('#seminar-pin1').fill(PIN);
  await page.locator('#seminar-pin2').fill('1357');
  await page.locator('#seminar-start').click();
  assert.match(await page.locator('#seminar-message').textContent(), /一致しません/);
  await page.locator('#seminar-pin1').fill('12');
  await page.locator('#seminar-pin2').fill('12');
  await page.locator('#seminar-start').click();
  assert.match(await page.locator('#seminar-message').textContent(), /4〜8桁/);
  await page.locator('#seminar-pin1').fill(PIN);
  await page.locator('#seminar-pin2').fill('２４６８');
  await page.locator('#seminar-start').click();
  await page.locator('#seminar-bar').waitFor();
  const config = await page.evaluate(() => localStorage.getItem('ouen.seminar.config'));
  // Only a salted hash is stored: no value is the PIN (a hex hash may contain its digits).
  const values = [];
  JSON.parse(config, (_, v) => {
    if (typeof v !== 'object') values.push(String(v));
    return v;
  });
  assert.ok(!values.includes(PIN), `only a salted hash is stored: ${config}`);
  assertPbkdf2(JSON.parse(config).data, PIN);

  // Attendee 1 uses every tool, with larger text and English.
  await page.goto(at('settings?lang=en'));
  await page.locator('#settings-text-large').check();
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('text-large')));
  await page.goto(at('settings?lang=ja'));
  assert.equal(await page.evaluate(() => localStorage.getItem('ouen.lang')), 'ja', 'remembered before the app has loaded');
  await simulator(page, RATE);
  // Outside seminar mode the address would follow the form half a second after typing stops.
  await page.waitForTimeout(1500);
  assert.equal(new URL(page.url()).hash, '', 'no state in the address in seminar mode');
  await wizard(page);
  await checklist(page);
  // A file saved on the tablet cannot be erased by the page: the hand-over dialog says so.
  await Promise.all([page.waitForEvent('download'), page.locator('#cl-export-csv').click()]);
  await plan(page, COMPANY);
  // The browser is told not to offer this company's details to the next attendee.
  assert.equal(await page.locator('[id="plan-sme.name"]').getAttribute('autocomplete'), 'off');
  assert.equal(await page.locator('#plan-goals').getAttribute('autocomplete'), 'off');
  await page.evaluate(() => sessionStorage.setItem('ouen.scratch', 'x'));
  const before = await appKeys(page);
  for (const k of ['ouen.simulator', 'ouen.eligibility', 'ouen.checklist.history', 'ouen.plan.drafts', 'ouen.text-size']) {
    assert.ok(before.includes(k), `${k} in ${before}`);
  }
  await nextPerson(page, true, 1);

  assert.deepEqual(await appKeys(page), ['ouen.seminar.config', 'ouen.seminar.epoch', 'ouen.seminar.tally']);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('text-large'))));
  // The back button brings nothing back.
  for (let i = 0; i < 3; i++) {
    await page.goBack().catch(() => {});
    await page.waitForLoadState('load');
    await page.waitForTimeout(400);
    await assertNoTrace(page);
  }
  // Every page starts clean.
  for (const path of ['', 'simulator', 'eligibility', 'checklist', 'plan', 'navigator', 'settings']) {
    await page.goto(at(path));
    await page.locator('.page-title, #rate').first().waitFor();
    await assertNoTrace(page);
  }
  await page.goto(at('eligibility'));
  await page.locator('[data-question="location"]').waitFor();
  assert.equal(await page.locator('#elig-next-steps').count(), 0);
  await page.goto(at('checklist'));
  await page.locator('#checklist').waitFor();
  assert.equal(await page.locator('#cl-result').count(), 0);
  assert.equal(await page.locator('fieldset.cl-item input:checked').count(), 0);
  await page.goto(at('plan'));
  assert.equal(await page.locator('[id="plan-sme.name"]').inputValue(), '');

  // Attendee 2 does not consent.
  await simulator(page, '5555');
  await nextPerson(page, false);
  assert.ok(!(await appKeys(page)).includes('ouen.simulator'));

  // The organiser's view needs the PIN.
  await page.goto(at('settings'));
  await page.locator('#seminar-pin').fill('0000');
  await page.locator('#seminar-unlock').click();
  assert.match(await page.locator('#seminar-message').textContent(), /PINが違います/);
  assert.equal(await page.locator('#organiser').count(), 0);
  await page.locator('#seminar-pin').fill(PIN);
  await page.locator('#seminar-unlock').click();
  await page.locator('#organiser').waitFor();
  assert.match(await page.locator('#tally-count').textContent(), /1 人/);
  assert.match(await page.locator('#tally-schemes').textContent(), /国）\s*1\s*0\s*0/);
  await page.screenshot({ path: join(artifacts, 'seminar-organiser.png'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#tally-csv').click()]);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n').map((r) => r.split(','));
  assert.equal(rows.length, 2, 'a header and one attendee');
  assert.deepEqual(rows[0].slice(0, 3), ['番号', '段階（目安）', '経営戦略']);
  const [n, stage, ...rest] = rows[1];
  assert.equal(n, '1');
  assert.match(stage, /^[1-4]$/);
  assert.deepEqual(rest.slice(6), ['対象', '対象', '1', '1', '1', '1']);
  assert.ok(rest.slice(0, 6).every((s) => /^\d*$/.test(s)), String(rest));
  assert.ok(!bytes.toString('utf8').includes(COMPANY));

  // Idle reset (test-only override: 5 s): the countdown shows, then everything resets, and
  // the tally is not touched.
  await page.evaluate(() => localStorage.setItem('ouen.seminar.test-idle-seconds', '5'));
  await simulator(page, '4444');
  await page.locator('#seminar-idle').waitFor();
  assert.match(await page.locator('#seminar-idle').textContent(), /操作がないため、あと \d 秒でリセットします/);
  await page.screenshot({ path: join(artifacts, 'seminar-idle.png') });
  // "続ける" keeps the attendee's session: activated the way assistive technology does (a
  // click event alone; a pointer's own pointerdown already counts as activity and takes the
  // banner away under the pointer, which made a pointer click here race the re-render). It
  // restarts the timer, so the reset comes only after another 5 idle seconds.
  await page.locator('#seminar-idle-continue').dispatchEvent('click');
  await page.waitForURL((u) => u.pathname === '/', { timeout: 15000 });
  await page.locator('#seminar-bar').waitFor();
  assert.ok(!(await appKeys(page)).includes('ouen.simulator'));
  const tally = await page.evaluate(() => JSON.parse(localStorage.getItem('ouen.seminar.tally')));
  assert.equal(tally.data.entries.length, 1, 'idle resets never add to the tally');
  await page.evaluate(() => localStorage.removeItem('ouen.seminar.test-idle-seconds'));

  // Turning it off needs the PIN too.
  await page.goto(at('settings'));
  await page.locator('#seminar-pin').fill(PIN);
  await page.locator('#seminar-stop').click();
  await page.locator('#seminar-pin1').waitFor();
  assert.equal(await page.locator('#seminar-bar').count(), 0);
  // The tally stays (anonymous) until cleared, with a confirmation.
  await page.locator('#tally-clear').click();
  await page.locator('#tally-clear-yes').click();
  assert.match(await page.locator('#tally-count').textContent(), /0 人/);
  await page.close();
});

/** The stored config is a PBKDF2-SHA-256 one (random salt, ≥ 100,000 iterations) whose hash
 *  is exactly what Node's own PBKDF2 derives from `pin`. */
function assertPbkdf2(config, pin) {
  assert.equal(config.version, 2, JSON.stringify(config));
  assert.ok(config.iterations >= 100000, `iterations: ${config.iterations}`);
  assert.match(config.salt, /^[0-9a-f]{32}$/, 'a 16-byte random salt');
  const expected = pbkdf2Sync(pin, Buffer.from(config.salt, 'hex'), config.iterations, 32, 'sha256').toString('hex');
  assert.equal(config.hash, expected);
}

/** What the first format stored: SHA-256 of "ouen-seminar:<salt>:<pin>", 5,000 rounds, hex. */
function legacyHash(salt, pin) {
  let h = createHash('sha256').update(`ouen-seminar:${salt}:${pin}`).digest();
  for (let i = 1; i < 5000; i++) h = createHash('sha256').update(h).digest();
  return h.toString('hex');
}

test('seminar PIN: an old hash becomes PBKDF2 at the next right entry; wrong PINs wait longer', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  const old = { salt: 'f00dcafe', hash: legacyHash('f00dcafe', PIN), idleMinutes: 3 };
  await page.evaluate((data) => {
    localStorage.clear();
    localStorage.setItem('ouen.seminar.config', JSON.stringify({ schema: 2, data }));
  }, old);
  await page.reload();
  await page.locator('#seminar-bar').waitFor();
  const stored = async () => page.evaluate(() => JSON.parse(localStorage.getItem('ouen.seminar.config')).data);

  // A wrong PIN: refused, the wait stated, the buttons held back, the old config untouched.
  await page.locator('#seminar-pin').fill('1111');
  await page.locator('#seminar-unlock').click();
  await page.locator('#seminar-wait').waitFor();
  assert.match(await page.locator('#seminar-message').textContent(), /PINが違います/);
  assert.match(await page.locator('#seminar-wait').textContent(), /あと \d+ 秒で、もう一度入力できます/);
  assert.deepEqual(await stored(), old);
  assert.equal(await page.locator('#organiser').count(), 0);
  // A second wrong PIN (once the first wait is over) doubles the wait.
  await page.locator('#seminar-pin').fill('2222');
  await page.locator('#seminar-unlock').click(); // waits until the button is enabled again
  await page.locator('#seminar-wait').waitFor();
  const attempts = await page.evaluate(() => JSON.parse(localStorage.getItem('ouen.seminar.attempts')));
  assert.equal(attempts.failures, 2);

  // The right PIN unlocks, and the old hash is replaced by a PBKDF2 one (idle choice kept).
  await page.locator('#seminar-pin').fill('２４６８');
  await page.locator('#seminar-unlock').click();
  await page.locator('#organiser').waitFor();
  const upgraded = await stored();
  assertPbkdf2(upgraded, PIN);
  assert.equal(upgraded.idleMinutes, 3);
  assert.equal(await page.evaluate(() => localStorage.getItem('ouen.seminar.attempts')), null, 'the count starts again');

  // The new config still unlocks after a reload, and a wrong PIN still does not.
  await page.reload();
  await page.locator('#seminar-pin').fill('0000');
  await page.locator('#seminar-unlock').click();
  await page.locator('#seminar-wait').waitFor();
  assert.equal(await page.locator('#organiser').count(), 0);
  await page.locator('#seminar-pin').fill(PIN);
  await page.locator('#seminar-unlock').click();
  await page.locator('#organiser').waitFor();
  assert.deepEqual(await stored(), upgraded, 'a PBKDF2 config is kept as it is');

  // A reload does not skip a wait: after many wrong PINs (60 s), the form says so at once,
  // even in English.
  await page.evaluate(() => localStorage.setItem('ouen.seminar.attempts', JSON.stringify({ failures: 7, until: Date.now() + 60000 })));
  await page.goto(at('settings?lang=en'));
  await page.locator('#seminar-wait').waitFor();
  assert.match(await page.locator('#seminar-wait').textContent(), /You can try again in \d+ s\./);
  assert.ok(await page.locator('#seminar-unlock').isDisabled());
  assert.ok(await page.locator('#seminar-stop').isDisabled());
  await page.evaluate(() => localStorage.clear());
  await page.goto(at('settings?lang=ja'));
  await page.close();
});

test('settings: delete all data asks first and says what it did; larger text', async () => {
  const page = await browser.context.newPage();
  await simulator(page, '6100');
  await page.goto(at('settings'));
  await page.locator('#settings-text-large').check();
  assert.equal(await page.evaluate(() => localStorage.getItem('ouen.text-size')), 'large');
  await page.locator('#settings-delete').click();
  assert.match(await page.locator('.settings-confirm').textContent(), /元に戻せません/);
  await page.locator('#settings-delete-no').click();
  assert.ok((await appKeys(page)).includes('ouen.simulator'), 'cancel keeps everything');
  await page.locator('#settings-delete').click();
  await page.locator('#settings-delete-yes').click();
  assert.match(await page.locator('#settings-delete-result').textContent(), /削除しました（\d+ 件）/);
  assert.deepEqual(await appKeys(page), []);
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains('text-large'))));
  await page.close();
});

test('settings in English', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings?lang=en'));
  await page.locator('#settings-seminar-h').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.locator('h1.page-title').textContent()).trim(), 'Settings');
  assert.equal((await page.locator('#settings-seminar-h').textContent()).trim(), 'Seminar mode');
  assert.equal((await page.locator('#handoff-open').textContent()).trim(), 'Take it home');
  assert.equal((await page.locator('#nav-settings').textContent()).trim(), 'Settings');
  const left = japaneseOutsideBrackets(await page.evaluate(() => document.body.innerText));
  assert.deepEqual(left, []);
  await page.screenshot({ path: join(artifacts, 'settings-en.png'), fullPage: true });
  await page.goto(at('settings?lang=ja'));
  await page.close();
});

/** Opens the hand-off dialog, decodes its QR code from a screenshot, returns the URL. */
async function scanQr(page, name) {
  await page.locator('#handoff-open').click();
  const qr = page.locator('#handoff-qr svg');
  await qr.waitFor();
  // Drawn with seminar.css, which the island links when it first opens (no first load has it).
  assert.equal(await page.locator('#handoff-dialog').evaluate((d) => getComputedStyle(d).paddingTop), '20px', `${name}: the dialog is styled`);
  const png = PNG.sync.read(await qr.screenshot({ path: join(artifacts, `handoff-${name}.png`) }));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, `the ${name} QR code decodes`);
  assert.equal(code.data, (await page.locator('#handoff-url').textContent()).trim());
  await page.locator('#handoff-close').click();
  return code.data;
}

/** Opens `url` on "the phone": a fresh browser profile. */
async function onPhone(url, check) {
  const phone = await launch();
  try {
    const page = await phone.context.newPage();
    await page.goto(url);
    await check(page);
    assert.deepEqual(phone.errors, []);
    assert.deepEqual(phone.foreign, []);
  } finally {
    await phone.context.close();
  }
}

test('take it home: the QR code of each page opens the same state on another device', async () => {
  const page = await browser.context.newPage();
  await page.goto(at('settings'));
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });

  await simulator(page, '6500', '10');
  const simUrl = await scanQr(page, 'simulator');
  assert.match(simUrl, /\/simulator#s=1&/);
  await onPhone(simUrl, async (p) => {
    await p.locator('#rate').waitFor();
    assert.equal(await p.locator('#rate').inputValue(), '6500');
    assert.equal(await p.locator('#hours').inputValue(), '10');
  });

  await wizard(page);
  const eligUrl = await scanQr(page, 'eligibility');
  assert.match(eligUrl, /\/eligibility#h=1\.e\.[zj]\./);
  await onPhone(eligUrl, async (p) => {
    await p.locator('#handoff-notice').waitFor();
    assert.match(await p.locator('#handoff-notice').textContent(), /引き継いだ内容を表示しています/);
    await p.locator('#elig-next-steps').waitFor();
    assert.equal(await p.locator('#verdict-national').getAttribute('data-status'), 'eligible');
    assert.equal(await p.locator('#verdict-nagano').getAttribute('data-status'), 'eligible');
    assert.equal(new URL(p.url()).hash, '', 'the fragment is cleared');
  });

  await checklist(page);
  const clUrl = await scanQr(page, 'checklist');
  assert.match(clUrl, /\/checklist#h=1\.c\.[zj]\./);
  await onPhone(clUrl, async (p) => {
    await p.locator('#handoff-notice').waitFor();
    await p.locator('#checklist').waitFor();
    assert.ok(await p.locator('#checklist-kind input[value="retail"]').isChecked());
    assert.ok((await p.locator('fieldset.cl-item input:checked').count()) > 0);
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('ouen.checklist.history')));
    assert.equal(stored.data.records.length, 1, 'the completed result came along');
  });

  await plan(page, COMPANY);
  await page.locator('#plan-goals').fill('受注の取りこぼしをなくす');
  await page.waitForTimeout(200);
  const planUrl = await scanQr(page, 'plan');
  assert.match(planUrl, /\/plan#h=1\.p\.[zj]\./);
  await onPhone(planUrl, async (p) => {
    await p.locator('#handoff-notice').waitFor();
    await p.locator('[id="plan-sme.name"]').waitFor();
    assert.equal(await p.locator('[id="plan-sme.name"]').inputValue(), COMPANY);
    assert.equal(await p.locator('#plan-goals').inputValue(), '受注の取りこぼしをなくす');
  });

  // A garbled link: a clear message, nothing written.
  await onPhone(at('eligibility#h=1.e.z.@@@'), async (p) => {
    await p.locator('#handoff-error').waitFor();
    assert.match(await p.locator('#handoff-error').textContent(), /読み取れませんでした/);
    // (The wizard saves its own empty answers on load; nothing from the link is there.)
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('ouen.eligibility') ?? 'null'));
    assert.deepEqual(stored?.data?.values ?? {}, {});
  });

  // A zip bomb: 40 MB of answers packed into a 40 KB link. Unpacking stops at the 64 KB the
  // link may hold (`handoff::Capped`): reported like any garbled link, nothing written, and
  // the page works.
  const bomb = deflateRawSync(Buffer.from(`{"v":1,"values":{"location":"${'a'.repeat(40_000_000)}"}}`), { level: 9 });
  assert.ok(bomb.length < 48 * 1024, `${bomb.length} bytes packed`);
  await onPhone(at(`eligibility#h=1.e.z.${bomb.toString('base64url')}`), async (p) => {
    await p.locator('#handoff-error').waitFor();
    assert.match(await p.locator('#handoff-error').textContent(), /読み取れませんでした/);
    const stored = await p.evaluate(() => JSON.parse(localStorage.getItem('ouen.eligibility') ?? 'null'));
    assert.deepEqual(stored?.data?.values ?? {}, {});
    await p.locator('[data-question="location"] button[data-value="nagano"]').click();
    await p.waitForFunction(() => localStorage.getItem('ouen.eligibility')?.includes('nagano'));
  });

  // Too much for a QR code: explained, with the file offered instead.
  const long = Array.from({ length: 900 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
  await plan(page, COMPANY, long);
  await page.locator('#handoff-open').click();
  await page.locator('#handoff-too-long').waitFor();
  assert.match(await page.locator('#handoff-too-long').textContent(), /QRコードに収まりません/);
  assert.equal(await page.locator('#handoff-qr').count(), 0);
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#handoff-download').click()]);
  assert.match(file.suggestedFilename(), /\.json$/);
  await page.close();
});

test('seminar tally: attendees handed over in two tabs of one tablet both count', async () => {
  const a = await freshSettings();
  await a.locator('#seminar-pin1').fill(PIN);
  await a.locator('#seminar-pin2').fill(PIN);
  await a.locator('#seminar-start').click();
  await a.locator('#seminar-bar').waitFor();
  // A second tab, open since before anyone was counted, hands the next attendee over without
  // being reloaded by hand: it adds to the tally the first tab wrote, never over it.
  const b = await browser.context.newPage();
  await b.goto(at(''));
  await b.locator('#seminar-bar').waitFor();
  await simulator(a, RATE);
  await nextPerson(a, true);
  await nextPerson(b, true);
  const tally = await a.evaluate(() => JSON.parse(localStorage.getItem('ouen.seminar.tally')));
  assert.equal(tally.data.entries.length, 2, JSON.stringify(tally));
  assert.notDeepEqual(tally.data.entries[0], tally.data.entries[1], 'the first attendee used the simulator, the second nothing');
  // Stop seminar mode again for the tests that follow.
  await a.goto(at('settings'));
  await a.locator('#seminar-pin').fill(PIN);
  await a.locator('#seminar-stop').click();
  await a.locator('#seminar-pin1').waitFor();
  await a.close();
  await b.close();
});
