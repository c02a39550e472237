/**
 * The dashboard walk-through the browser test performs against a running server: overview,
 * filters, an event with its evidence highlighted, English, login, a correction and its audit entry.
 * Each step asserts what the user would see and saves a screenshot.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshotPath } from './browser.ts';

export interface FlowOptions {
  baseUrl: string;
  editor: { name: string; password: string };
  /** Called with each step's name (for test logs). */
  step?: (name: string) => void;
}

interface ApiEvent {
  id: number;
  event: string;
  action: string;
  evidence?: Array<{ document: string; doc: string; text: string; start: number; end: number }>;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${p}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  }, path) as Promise<T>;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
}

export async function overviewStep(page: Page, opts: FlowOptions): Promise<void> {
  opts.step?.('overview');
  await page.goto(`${opts.baseUrl}/`);
  const html = page.locator('html');
  assert.equal(await html.getAttribute('dir'), 'rtl');
  assert.equal(await html.getAttribute('lang'), 'ar');
  const config = await getJson<{ focusCountry: string }>(page, '/api/config');
  await page.locator('h1 .focus-name').waitFor();
  assert.equal(await page.locator('h1 .focus-name').getAttribute('data-iso'), config.focusCountry);
  const focusName = (await page.locator('h1 .focus-name').textContent()) ?? '';
  assert.match(focusName, /\p{Script=Arabic}/u, 'the focus country is named in Arabic');
  await page.locator('svg.map path.partner').first().waitFor();
  assert.ok((await page.locator('svg.map path.focus').count()) === 1, 'the focus country is drawn once');
  assert.ok((await page.locator('svg.timeline rect').count()) > 0, 'the timeline has bars');
  assert.ok((await page.locator('.event-item').count()) > 0, 'recent events are listed');
  // Keyboard: the first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'content');
  await shot(page, '01-overview-ar');
}

export async function filterStep(page: Page, opts: FlowOptions): Promise<number> {
  opts.step?.('filter events');
  await page.goto(`${opts.baseUrl}/#/events`);
  const count = page.locator('#result-count');
  await count.waitFor();
  const all = await getJson<{ total: number }>(page, '/api/events?limit=1');
  const consult = await getJson<{ total: number }>(page, '/api/events?limit=1&type=CONSULT');
  assert.ok(consult.total > 0 && consult.total < all.total, 'the examples hold CONSULT and other events');
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.id || el.outerHTML));
  assert.deepEqual(unlabeled, [], 'every filter has a label');
  // Pagination: 20 a page, the second page holds the rest.
  await page.locator('#result-count[data-query=""]').waitFor();
  assert.equal(await page.locator('.event-item').count(), Math.min(20, all.total));
  if (all.total > 20) {
    await page.click('.pager .next');
    await page.locator('#result-count[data-query="offset=20"]').waitFor();
    assert.equal(await page.locator('.event-item').count(), Math.min(20, all.total - 20));
    assert.equal(await page.locator('.pager .prev').isDisabled(), false);
  }
  await page.selectOption('#f-type', 'CONSULT');
  await page.locator('#result-count[data-query="type=CONSULT"]').waitFor();
  assert.equal(await page.locator('#result-count').getAttribute('data-total'), String(consult.total));
  const types = await page.locator('.event-item .badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  assert.ok(types.length > 0 && types.every((t) => t === 'CONSULT'), `only CONSULT events shown: ${types.join(',')}`);
  assert.match(page.url(), /type=CONSULT/);
  // Instant text search (debounced): a word of the first CONSULT event's evidence.
  const first = await getJson<{ items: Array<{ snippet: string | null }> }>(page, '/api/events?limit=1&type=CONSULT');
  const word = (first.items[0].snippet ?? '').split(/[\s،.:]+/).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length)[0];
  assert.ok(word, 'the event has a searchable word');
  const expected = await getJson<{ total: number }>(page, `/api/events?limit=1&type=CONSULT&q=${encodeURIComponent(word)}`);
  assert.ok(expected.total >= 1);
  await page.locator('#f-q').pressSequentially(word, { delay: 15 });
  const wanted = new URLSearchParams({ q: word, type: 'CONSULT' }).toString();
  await page.locator(`#result-count[data-query="${wanted}"]`).waitFor();
  assert.equal(await page.locator('#result-count').getAttribute('data-total'), String(expected.total));
  assert.ok(decodeURIComponent(page.url()).includes(`q=${word}`), 'the search is kept in the address');
  await shot(page, '02-events-filtered-ar');
  const id = Number(await page.locator('.event-item').first().getAttribute('data-event-id'));
  assert.ok(id > 0);
  return id;
}

export async function eventStep(page: Page, opts: FlowOptions, id: number): Promise<void> {
  opts.step?.('event evidence');
  await page.locator(`.event-item[data-event-id="${id}"] a.event-link`).click();
  await page.waitForURL(new RegExp(`#/event/${id}$`));
  await page.locator('mark.ev-current').first().waitFor();
  const ev = await getJson<ApiEvent>(page, `/api/events/${id}`);
  assert.ok(ev.evidence && ev.evidence.length > 0, 'the event has evidence');
  for (const doc of await page.locator('.source-doc').all()) {
    const docId = await doc.getAttribute('data-document');
    const stored = await getJson<{ text: string }>(page, `/api/documents/${encodeURIComponent(docId ?? '')}`);
    assert.equal(await doc.locator('.doc-text').textContent(), stored.text, 'the source text is shown unchanged');
    const marked = (await doc.locator('mark.ev-current').allTextContents()).join('');
    for (const e of ev.evidence.filter((x) => x.document === docId)) {
      assert.ok(marked.includes(e.text), `evidence "${e.text.slice(0, 40)}" is highlighted`);
      const before = await doc.locator('.doc-text').evaluate((el, start) => {
        const first = el.querySelector('mark.ev-current');
        const range = document.createRange();
        range.setStart(el, 0);
        if (first) range.setEndBefore(first);
        return range.toString().length <= start;
      }, e.start);
      assert.ok(before, 'the first highlight starts at or before the evidence offset');
    }
  }
  assert.equal(await page.locator('.doc-text script, .doc-text img').count(), 0);
  await shot(page, '03-event-ar');
}

export async function englishStep(page: Page, opts: FlowOptions): Promise<void> {
  opts.step?.('switch to English');
  await page.locator('#lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  await page.locator('mark.ev-current').first().waitFor();
  assert.equal(await page.locator('nav a[href="#/events"]').textContent(), 'Events');
  assert.equal(await page.locator('.doc-text').first().getAttribute('dir'), 'rtl', 'Arabic source text stays right-to-left');
  await shot(page, '04-event-en');
}

export async function reviewStep(page: Page, opts: FlowOptions, id: number): Promise<void> {
  opts.step?.('editor correction');
  await page.goto(`${opts.baseUrl}/#/login?next=${encodeURIComponent(`#/event/${id}`)}`);
  await page.fill('#login-name', opts.editor.name);
  await page.fill('#login-password', opts.editor.password);
  await page.click('#login-submit');
  await page.locator('#logout').waitFor();
  await page.waitForURL(new RegExp(`#/event/${id}$`));
  await page.locator('#review').waitFor();
  const before = await getJson<ApiEvent>(page, `/api/events/${id}`);
  const newType = before.event === 'AGREE' ? 'COOPERATE' : 'AGREE';
  await page.selectOption('#rv-type', newType);
  const contexts = (before as ApiEvent & { contexts: string[] }).contexts;
  const newContext = contexts.includes('economic') ? 'legal' : 'economic';
  await page.fill('#rv-contexts', [...contexts, newContext].join(', '));
  await page.click('#rv-save');
  await page.locator(`h1 .badge[data-type="${newType}"]`).waitFor();
  await page.locator('#review .audit-entry').first().waitFor();
  const after = await getJson<ApiEvent>(page, `/api/events/${id}`);
  assert.equal(after.event, newType, 'the correction is stored');
  assert.deepEqual((after as ApiEvent & { contexts: string[] }).contexts.sort(), [...contexts, newContext].sort());
  const audit = await getJson<Array<{ user: string }>>(page, `/api/audit?entity=event:${id}`);
  assert.ok(audit.some((a) => a.user === opts.editor.name), 'the audit log names the editor');
  assert.ok((await page.locator('#review .audit-entry').allTextContents()).some((t) => t.includes(opts.editor.name)));
  // Confirming adds a second audit entry and the review state shown follows the store.
  await page.click('#rv-confirm');
  await page.waitForFunction(() => document.querySelectorAll('#review .audit-entry').length >= 2);
  const reviewed = await getJson<{ review?: string }>(page, `/api/events/${id}`);
  assert.equal(reviewed.review, 'confirmed');
  assert.equal(await page.locator('#review .review-state').textContent(), 'Confirmed');
  await shot(page, '05-review-en');
}

export async function browseStep(page: Page, opts: FlowOptions): Promise<void> {
  opts.step?.('dyad and actors');
  const config = await getJson<{ focusCountry: string }>(page, '/api/config');
  const rel = await getJson<{ partners: Array<{ party: string; kind: string; events: number }> }>(page, `/api/countries/${config.focusCountry}/relations`);
  const partner = [...rel.partners].filter((p) => p.kind === 'country').sort((a, b) => b.events - a.events)[0];
  assert.ok(partner, 'the focus country has a partner country');
  await page.goto(`${opts.baseUrl}/#/dyad/${config.focusCountry}/${partner.party}`);
  await page.locator('svg.timeline').waitFor();
  assert.equal(await page.locator('.event-item').count(), partner.events, 'the dyad page lists the partner\'s events');
  await shot(page, '06-dyad');
  await page.goto(`${opts.baseUrl}/#/actors`);
  const firstActor = page.locator('table.actors tbody a').first();
  await firstActor.waitFor();
  const name = (await firstActor.textContent()) ?? '';
  await page.locator('#actor-q').fill(name);
  await page.waitForFunction((n) => [...document.querySelectorAll('table.actors tbody a')].some((a) => a.textContent === n), name);
  await page.locator('table.actors tbody a').first().click();
  await page.waitForURL(/#\/actor\//);
  await page.locator('h1 bdi').waitFor();
  assert.equal(await page.locator('h1 bdi').textContent(), name);
  await shot(page, '07-actor');
}

/** Pastes a short article written for this test and follows the ingest job to its end. */
export async function ingestStep(page: Page, opts: FlowOptions): Promise<void> {
  opts.step?.('ingest pasted text');
  const docsBefore = (await getJson<{ total: number }>(page, '/api/documents?limit=1')).total;
  await page.goto(`${opts.baseUrl}/#/ingest`);
  await page.locator('#ingest-text').fill(
    'طرابلس 10 يونيو 2026 - استقبل وزير الخارجية الليبي اليوم الأربعاء سفير اليونان لدى ليبيا، وبحث معه سبل تعزيز التعاون الثنائي بين البلدين في مجال الطاقة.',
  );
  await page.locator('#ingest-title').fill('اختبار الإدخال من المتصفح');
  await page.click('#ingest-submit');
  const job = page.locator('.job[data-state="done"], .job[data-state="failed"]');
  await job.waitFor({ timeout: 60_000 });
  assert.equal(await job.getAttribute('data-state'), 'done');
  assert.equal(await page.locator('.job .p-docs').textContent(), '1');
  const firstJob = await job.getAttribute('data-job');
  assert.ok(firstJob);
  await shot(page, '08-ingest');
  // The same through a file upload (multipart).
  await page.locator('#ingest-text').fill('');
  await page.locator('#ingest-files').setInputFiles({
    name: 'browser-upload.txt', mimeType: 'text/plain',
    buffer: Buffer.from('تونس 11 يونيو 2026 - استقبل رئيس الحكومة التونسية وفداً ليبياً رفيع المستوى لبحث ملف المعابر الحدودية.\n'),
  });
  await page.click('#ingest-submit');
  const second = page.locator(`.job:not([data-job="${firstJob}"])[data-state="done"]`);
  await second.waitFor({ timeout: 60_000 });
  assert.equal(await second.locator('.p-docs').textContent(), '1');
  const docsAfter = (await getJson<{ total: number }>(page, '/api/documents?limit=1')).total;
  assert.equal(docsAfter, docsBefore + 2, 'the pasted and the uploaded document are stored');
  // The finished job links to the events found in its document.
  const found = Number(await second.locator('.p-events').textContent());
  await second.locator('.inputs a').first().click();
  await page.locator('#result-count[data-query^="source="]').waitFor();
  assert.equal(Number(await page.locator('#result-count').getAttribute('data-total')), found);
}
