import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { decodeBytes } from './encoding.ts';
import { type InputItem, type ReadOptions, readInputs } from './read.ts';

// Arabic text written for these tests.
const PARA1 = 'استقبل وزير الخارجية اليوم في العاصمة سفير دولة صديقة، وبحث معه سبل تعزيز العلاقات الثنائية بين البلدين.';
const PARA2 = 'وأكد الجانبان خلال اللقاء أهمية التنسيق المشترك في القضايا الإقليمية والدولية ذات الاهتمام المتبادل.';
const HEADLINE = 'وزير الخارجية يستقبل سفيرا جديدا';

const dir = mkdtempSync(join(tmpdir(), 'rasid-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Encoder for a single-byte code page, built from Node's decoder (Node has no encoder). */
function singleByteEncoder(label: string): (s: string) => Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return (s) =>
    Buffer.from(
      [...s].map((ch) => {
        const b = table.get(ch);
        if (b === undefined) throw new Error(`${label} cannot encode ${ch}`);
        return b;
      }),
    );
}
const cp1256 = singleByteEncoder('windows-1256');
const iso88596 = singleByteEncoder('iso-8859-6');

async function collect(paths: string[], opts: ReadOptions = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}
function docs(items: InputItem[]) {
  return items.flatMap((i) => (i.kind === 'doc' ? [i.doc] : []));
}
function errors(items: InputItem[]) {
  return items.flatMap((i) => (i.kind === 'error' ? [i] : []));
}

test('a UTF-8 text file with a BOM is read without the BOM, id = base name', async () => {
  const path = write('a/001_x.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADLINE}\n\n${PARA1}`)]));
  const [doc] = docs(await collect([path]));
  assert.equal(doc.id, '001_x.txt');
  assert.equal(doc.text, `${HEADLINE}\n\n${PARA1}`);
  assert.equal(doc.meta.encoding, 'utf-8');
  assert.equal(doc.meta.format, 'txt');
  assert.equal(doc.meta.origin, path);
});

test('windows-1256 bytes without any declaration are detected and decoded', async () => {
  const bytes = cp1256(`${HEADLINE}\n\n${PARA1}\n${PARA2}`);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)); // really not UTF-8
  const [doc] = docs(await collect([write('cp.txt', bytes)]));
  assert.equal(doc.meta.encoding, 'windows-1256');
  assert.equal(doc.text, `${HEADLINE}\n\n${PARA1}\n${PARA2}`);
});

test('UTF-8 cut in the middle of a character stays UTF-8, with a warning', async () => {
  const full = Buffer.from(`${HEADLINE}\n\n${PARA1}`);
  const cut = full.subarray(0, full.length - 2); // drop the final '.', and the last letter loses its second byte
  const [doc] = docs(await collect([write('cut.txt', cut)]));
  assert.equal(doc.meta.encoding, 'utf-8');
  assert.ok(doc.text.startsWith(`${HEADLINE}\n\n${PARA1.slice(0, -2)}`));
  assert.match(doc.warnings.join(' '), /1 invalid UTF-8 sequence/);
});

test('UTF-16 with a byte order mark is decoded (its NUL bytes are not taken for a binary file)', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADLINE}\n\n${PARA1}`, 'utf16le')]);
  const [doc] = docs(await collect([write('u16.txt', bytes)]));
  assert.equal(doc.meta.encoding, 'utf-16le');
  assert.equal(doc.text, `${HEADLINE}\n\n${PARA1}`);
});

test('ISO-8859-6 bytes are told apart from windows-1256', () => {
  const text = `${PARA1}\n${PARA2}`;
  const d = decodeBytes(iso88596(text));
  assert.equal(d.encoding, 'iso-8859-6');
  assert.equal(d.text, text);
});

test('an HTML page declaring windows-1256 in <meta charset> is decoded with it', async () => {
  const html = `<html><head><meta charset="windows-1256"><title>${HEADLINE}</title></head><body><article><h1>${HEADLINE}</h1><p>${PARA1}</p><p>${PARA2}</p></article></body></html>`;
  const [doc] = docs(await collect([write('page1256.html', cp1256(html))]));
  assert.equal(doc.meta.encoding, 'windows-1256');
  assert.ok(doc.text.includes(PARA1));
});

test('HTML main text keeps paragraphs and headings as blank-line-separated blocks, and metadata is read', async () => {
  const html = `<!doctype html><html lang="ar"><head><title>${HEADLINE} | أخبار المدينة</title>
<meta property="og:site_name" content="أخبار المدينة"><link rel="canonical" href="https://example.org/a/1">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-03-05T09:30:00Z","publisher":{"name":"ناشر آخر"}}]}</script>
</head><body><nav><a href="/">الرئيسية</a> <a href="/p">سياسة</a></nav>
<article><h1>${HEADLINE}</h1><p>${PARA1}</p><h2>تفاصيل اللقاء</h2><p>${PARA2}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
  const [doc] = docs(await collect([write('page.html', html)]));
  assert.equal(doc.meta.format, 'html');
  assert.equal(doc.meta.title, HEADLINE);
  assert.equal(doc.meta.outlet, 'أخبار المدينة');
  assert.equal(doc.meta.published, '2024-03-05T09:30:00Z');
  assert.equal(doc.meta.url, 'https://example.org/a/1');
  assert.equal(doc.text, `${HEADLINE}\n\n${PARA1}\n\nتفاصيل اللقاء\n\n${PARA2}`);
  assert.equal(doc.warnings.length, 0);
});

test('an HTML page that declares UTF-8 but holds windows-1256 bytes is detected as windows-1256', async () => {
  const html = `<html><head><meta charset="utf-8"></head><body><article><h1>${HEADLINE}</h1><p>${PARA1}</p><p>${PARA2}</p></article></body></html>`;
  const [doc] = docs(await collect([write('misdeclared.html', cp1256(html))]));
  assert.equal(doc.meta.encoding, 'windows-1256');
  assert.ok(doc.text.includes(PARA2));
});

test('a JSON Lines "text" field holding markup goes through the HTML extractor', async () => {
  const line = JSON.stringify({ id: 'm', text: `<div><p>${PARA1}</p><p>${PARA2}</p></div>`, title: HEADLINE });
  const [doc] = docs(await collect([write('markup.jsonl', line)]));
  assert.equal(doc.text, `${HEADLINE}\n\n${PARA1}\n\n${PARA2}`);
});

test('publication time is taken from <time datetime> and site name from application-name', async () => {
  const html = `<html><head><meta name="application-name" content="موقع التجربة"></head><body><article><h1>${HEADLINE}</h1><time datetime="2023-11-02">٢ نوفمبر</time><p>${PARA1}</p><p>${PARA2}</p></article></body></html>`;
  const [doc] = docs(await collect([write('time.html', html)]));
  assert.equal(doc.meta.published, '2023-11-02');
  assert.equal(doc.meta.outlet, 'موقع التجربة');
});

test('metadata: the first element a selector finds decides, an empty one passes to the next selector', async () => {
  const html = `<html><head><meta property="article:published_time" content=" "><meta property="og:title" content="عنوان الموقع">
<meta property="article:published_time" content="2024-01-02"><meta name="DATE" content="2022-01-01"><meta name="date" content="2023-05-06"></head>
<body><article><h1>${HEADLINE}</h1><p>${PARA1}</p><p>${PARA2}</p></article><meta property="og:site_name" content="موقع في المتن"></body></html>`;
  const [doc] = docs(await collect([write('metas.html', html)]));
  assert.equal(doc.meta.published, '2023-05-06');
  assert.equal(doc.meta.outlet, 'موقع في المتن');
  assert.equal(doc.meta.title, 'عنوان الموقع');
});

test('truncated HTML keeps the extractable text with a warning; with nothing extractable it is an error', async () => {
  const html = `<html><head><title>${HEADLINE}</title></head><body><article><p>${PARA1}</p><p>${PARA2.slice(0, 40)}`;
  const items = await collect([write('cut.html', html), write('cut2.html', '<html><head><title>')]);
  const [doc] = docs(items);
  assert.ok(doc.text.includes(PARA1));
  assert.match(doc.warnings.join(' '), /truncated HTML/);
  const [err] = errors(items);
  assert.match(err.message, /cut2\.html: .*no extractable text/);
});

test('JSON Lines: one document per line, invalid lines are reported with their line number', async () => {
  const lines = [
    JSON.stringify({ id: 'a1', url: 'https://example.org/1', title: HEADLINE, date: '2024-05-01', outlet: 'وكالة تجريبية', text: PARA1 }),
    '{"id": "broken", "text": ',
    JSON.stringify({ url: 'https://example.org/3', text: `${HEADLINE}\n\n${PARA2}`, title: HEADLINE }),
    JSON.stringify({ id: 'no-text', title: HEADLINE }),
    JSON.stringify({ id: 'nulls', url: null, title: null, date: null, outlet: null, text: PARA2 }),
    '',
    JSON.stringify({ id: 'h', html: `<html><body><article><h1>${HEADLINE}</h1><p>${PARA1}</p></article></body></html>` }),
  ];
  const path = write('batch.jsonl', lines.join('\n'));
  const items = await collect([path]);
  const ds = docs(items);
  assert.deepEqual(ds.map((d) => d.id), ['a1', 'https://example.org/3', 'nulls', 'h']);
  assert.equal(ds[2].meta.published, undefined); // null fields count as absent
  assert.equal(ds[0].text, `${HEADLINE}\n\n${PARA1}`);
  assert.equal(ds[0].meta.titlePrepended, true);
  assert.equal(ds[0].meta.origin, `${path}:1`);
  assert.equal(ds[0].meta.published, '2024-05-01');
  assert.equal(ds[0].meta.outlet, 'وكالة تجريبية');
  assert.equal(ds[1].text, `${HEADLINE}\n\n${PARA2}`); // already starts with its title
  assert.equal(ds[1].meta.titlePrepended, undefined);
  assert.ok(ds[3].text.includes(PARA1));
  const errs = errors(items);
  assert.deepEqual(errs.map((e) => e.line), [2, 4]);
  assert.match(errs[0].message, /batch\.jsonl:2: invalid JSON/);
  assert.match(errs[1].message, /batch\.jsonl:4: field "text"/);
});

test('directories are read recursively in sorted order and unknown extensions are skipped', async () => {
  write('tree/b/2.txt', PARA2);
  write('tree/a/1.txt', PARA1);
  write('tree/a/notes.md', PARA1);
  write('tree/0.htm', `<html><body><p>${PARA1}</p></body></html>`);
  const items = await collect([join(dir, 'tree')]);
  assert.deepEqual(docs(items).map((d) => d.id), ['0.htm', '1.txt', '2.txt']);
  assert.equal(errors(items).length, 0);
});

test('stdin is read as JSON Lines when every line is an object, else as text with id stdin', async () => {
  const jsonl = [JSON.stringify({ id: 's1', text: PARA1 }), JSON.stringify({ id: 's2', text: PARA2 })].join('\n') + '\n';
  const a = docs(await collect(['-'], { stdin: Readable.from([Buffer.from(jsonl)]) }));
  assert.deepEqual(a.map((d) => [d.id, d.meta.origin]), [['s1', '-:1'], ['s2', '-:2']]);
  const b = docs(await collect(['-'], { stdin: Readable.from([Buffer.from(`${PARA1}\n{"x": 1}\n`)]) }));
  assert.equal(b[0].id, 'stdin');
  assert.equal(b[0].meta.format, 'txt');
});

test('bad inputs give one clear error each, naming the file, and the batch goes on', async () => {
  const empty = write('bad/empty.txt', '');
  const blank = write('bad/blank.txt', '  \n\n ');
  const binary = write('bad/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x41]));
  const english = write('bad/english.html', '<html><body><p>The foreign minister received the new ambassador today and discussed bilateral relations.</p></body></html>');
  const big = write('bad/big.txt', '');
  truncateSync(big, 64 * 1024 * 1024); // sparse: no disk used, but stat reports 64 MiB
  const good = write('bad/good.txt', PARA1);
  const missing = join(dir, 'bad/missing.txt');
  const items = await collect([empty, blank, binary, english, big, missing, good]);
  const errs = errors(items);
  assert.equal(errs.length, 6);
  assert.match(errs[0].message, /empty\.txt: empty file/);
  assert.match(errs[1].message, /blank\.txt: empty file/);
  assert.match(errs[2].message, /image\.txt: binary file/);
  assert.match(errs[3].message, /english\.html: not Arabic text/);
  assert.match(errs[4].message, /big\.txt: file too large \(67108864 bytes; the limit is 20971520\)/);
  assert.match(errs[5].message, /missing\.txt: cannot read/);
  assert.deepEqual(docs(items).map((d) => d.id), ['good.txt']);
});

test('JSON Lines files are streamed: maxBytes applies to each line, not to the file', async () => {
  const small = JSON.stringify({ id: 'small', text: PARA1 });
  const big = JSON.stringify({ id: 'big', text: `${PARA1} ${PARA2} ${PARA1} ${PARA2}` });
  const path = write('stream.jsonl', [small, big, small.replace('small', 'small2')].join('\r\n'));
  const items = await collect([path], { maxBytes: small.length * 2 });
  assert.deepEqual(docs(items).map((d) => d.id), ['small', 'small2']);
  assert.deepEqual(errors(items).map((e) => [e.line, /line too large/.test(e.message)]), [[2, true]]);
  assert.match(errors(await collect([write('empty.jsonl', '\n\n')]))[0].message, /empty\.jsonl: empty file/);
});

test('a symbolic link back into a directory being read does not loop', async () => {
  write('loop/a.txt', PARA1);
  symlinkSync(join(dir, 'loop'), join(dir, 'loop/again'));
  const items = await collect([join(dir, 'loop')]);
  assert.deepEqual(docs(items).map((d) => d.id), ['a.txt']);
});

test('maxBytes is configurable', async () => {
  const path = write('small-limit.txt', PARA1);
  const [err] = errors(await collect([path], { maxBytes: 10 }));
  assert.match(err.message, /file too large/);
});

test('a page with menus, breaking-news bar, sidebar, share links and footer yields one clean story', async () => {
  const { cleanStage } = await import('./clean.ts');
  const { storiesStage } = await import('./stories.ts');
  const path = new URL('./fixtures/page-with-furniture.html', import.meta.url).pathname;
  const [doc] = docs(await collect([path]));
  storiesStage.run(cleanStage.run(doc, {}), {});
  for (const junk of ['الأكثر قراءة', 'جميع الحقوق', 'عاجل', 'اتصل بنا', 'فيسبوك']) {
    const at = doc.text.indexOf(junk);
    assert.ok(at < 0 || doc.furniture.some((f) => f.start <= at && at < f.end), `"${junk}" left in the text outside furniture`);
  }
  assert.equal(doc.stories.length, 1);
  const s = doc.stories[0];
  assert.equal(doc.text.slice(s.headline!.start, s.headline!.end), 'وزير الخارجية يلتقي نظيره المغربي في الرباط');
  assert.deepEqual([s.dateline?.place, s.dateline?.agency], ['الرباط', 'موقع الخبر']);
  assert.ok(doc.furniture.some((f) => doc.text.slice(f.start, f.end).startsWith('بقلم')));
  assert.ok(doc.text.slice(s.start, s.end).endsWith('للأزمات في المنطقة.'));
});
