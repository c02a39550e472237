import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { basename, extname, join } from 'node:path';
import { type Doc, type DocMeta, type InputFormat, newDoc } from '../nlp/doc.ts';
import { decodeBytes } from './encoding.ts';
import { extractHtml, isoDateTime } from './html.ts';
import { type JsonlArticle, looksLikeJsonl, parseJsonlLine } from './jsonl.ts';
import { MIN_ARABIC_RATIO, letterCounts } from './text.ts';

/**
 * Readers: files (.txt, .html/.htm, .jsonl), directories (recursive, sorted; files with other
 * extensions inside directories are skipped) and `-` (stdin: JSON Lines when every non-blank
 * line is a JSON object, else text). Bad input yields an `error` item naming the file (and line)
 * and reading goes on with the next input.
 */

export type InputItem = { kind: 'doc'; doc: Doc } | { kind: 'error'; origin: string; line?: number; message: string };

export interface ReadOptions {
  /** Largest file read, in bytes (default 20 MiB); checked before reading. JSON Lines files are streamed and the limit applies to each line. */
  maxBytes?: number;
  /** Stream read for the path `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Minimum share of Arabic letters among letters (default MIN_ARABIC_RATIO). */
  minArabicRatio?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The input format of a path by its extension, or undefined. */
export function formatOf(path: string): InputFormat | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

class InputError extends Error {}

/** Message of a reading error: ours as is; anything else (a parser failing on odd input) labelled. */
function errorText(e: unknown): string {
  if (e instanceof InputError) return e.message;
  return `could not be read (${e instanceof Error ? e.message : String(e)})`;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function checkBinary(bytes: Uint8Array): void {
  if (hasUtf16Bom(bytes)) return;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) throw new InputError('binary file (contains NUL bytes)');
}

function checkText(text: string, minRatio: number): void {
  if (text.trim() === '') throw new InputError('empty file (no text)');
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) control++;
  }
  if (control > Math.max(4, text.length * 0.02)) throw new InputError('binary file (control or undecodable characters)');
  const { arabic, letters } = letterCounts(text);
  const ratio = letters === 0 ? 0 : arabic / letters;
  if (ratio < minRatio) throw new InputError(`not Arabic text (Arabic letters are ${Math.round(ratio * 100)}% of letters)`);
}

function sniffFormat(text: string): InputFormat {
  return /^\s*</.test(text) ? 'html' : 'txt';
}

interface Built {
  id: string;
  text: string;
  meta: DocMeta;
  raw?: Uint8Array;
  warnings: string[];
}

function buildFromHtml(html: string, base: Omit<DocMeta, 'format'>, minRatio: number): Omit<Built, 'id'> {
  const x = extractHtml(html, base.title);
  if (!x.text.trim()) throw new InputError(x.warnings.length ? `no extractable text (${x.warnings.join('; ')})` : 'no extractable text in the HTML page');
  checkText(x.text, minRatio);
  const meta: DocMeta = { ...base, format: 'html', lang: 'ar' };
  if (x.url) meta.url ??= x.url;
  if (x.title) meta.title ??= x.title;
  if (x.outlet) meta.outlet ??= x.outlet;
  if (x.published) meta.published ??= x.published;
  if (x.titlePrepended) meta.titlePrepended = true;
  return { text: x.text, meta, warnings: x.warnings };
}

/** Builds the document of one JSON Lines article. */
function buildFromArticle(a: JsonlArticle, origin: string, minRatio: number): Built {
  const id = a.id != null ? String(a.id) : a.url!;
  const base: Omit<DocMeta, 'format'> = { origin, encoding: 'utf-8' };
  if (a.url) base.url = a.url;
  if (a.outlet) base.outlet = a.outlet;
  const warnings: string[] = [];
  if (a.date) {
    const iso = isoDateTime(a.date);
    if (iso) base.published = iso;
    else warnings.push(`unrecognized date "${a.date}"`);
  }
  const title = a.title?.replace(/\s+/g, ' ').trim() || undefined;
  if (title) base.title = title;
  // an `html` field, or a `text` field that holds markup, goes through the HTML extractor
  const markup = a.text && /^\s*</.test(a.text) && /<(p|div|br|h[1-6]|article|span)[\s>\/]/i.test(a.text) ? a.text : undefined;
  if ((!(a.text ?? '').trim() && a.html) || markup) {
    const built = buildFromHtml((markup ?? a.html)!, base, minRatio);
    return { id, ...built, meta: { ...built.meta, format: 'jsonl' }, warnings: [...warnings, ...built.warnings] };
  }
  let text = a.text!;
  const meta: DocMeta = { ...base, format: 'jsonl', lang: 'ar' };
  if (title && !text.trimStart().startsWith(title)) {
    text = `${title}\n\n${text}`;
    meta.titlePrepended = true;
  }
  checkText(text, minRatio);
  return { id, text, meta, warnings };
}

function toDoc(b: Built): Doc {
  const doc = newDoc(b.id, b.text, b.meta, b.raw);
  doc.warnings.push(...b.warnings);
  return doc;
}

/** One JSON Lines line (1-based `lineNo`) to a document or an error; blank lines give nothing. */
function jsonlItem(raw: string, origin: string, lineNo: number, minRatio: number): InputItem | undefined {
  const line = raw.trim();
  if (!line) return undefined;
  const where = `${origin}:${lineNo}`;
  const parsed = parseJsonlLine(line);
  if ('error' in parsed) return { kind: 'error', origin, line: lineNo, message: `${where}: ${parsed.error}` };
  try {
    const built = buildFromArticle(parsed.article, where, minRatio);
    built.raw = Buffer.from(line, 'utf8');
    return { kind: 'doc', doc: toDoc(built) };
  } catch (e) {
    return { kind: 'error', origin, line: lineNo, message: `${where}: ${errorText(e)}` };
  }
}

function* readJsonl(text: string, origin: string, minRatio: number): Generator<InputItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const item = jsonlItem(lines[i], origin, i + 1, minRatio);
    if (item) yield item;
  }
}

/**
 * A JSON Lines file is streamed line by line (crawl dumps are often larger than maxBytes, which
 * then applies to each line). JSON is UTF-8; a BOM is dropped.
 */
async function* streamJsonlFile(path: string, opts: Required<Omit<ReadOptions, 'stdin'>>): AsyncGenerator<InputItem> {
  try {
    yield* streamJsonlLines(path, opts);
  } catch (e) {
    yield { kind: 'error', origin: path, message: `${path}: ${errorText(e)}` };
  }
}

async function* streamJsonlLines(path: string, opts: Required<Omit<ReadOptions, 'stdin'>>): AsyncGenerator<InputItem> {
  const head = await readLimited(path, 8192);
  if (head.includes(0)) {
    yield { kind: 'error', origin: path, message: `${path}: binary file (contains NUL bytes)` };
    return;
  }
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let any = false;
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\ufeff/, '') : raw;
      if (line.trim()) any = true;
      if (Buffer.byteLength(line, 'utf8') > opts.maxBytes) {
        yield { kind: 'error', origin: path, line: lineNo, message: `${path}:${lineNo}: line too large (more than ${opts.maxBytes} bytes)` };
        continue;
      }
      const item = jsonlItem(line, path, lineNo, opts.minArabicRatio);
      if (item) yield item;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (!any) yield { kind: 'error', origin: path, message: `${path}: empty file` };
}

/** Reads one document source given its bytes (already size-checked). */
function* readBytes(bytes: Uint8Array, origin: string, id: string, format: InputFormat | undefined, minRatio: number): Generator<InputItem> {
  try {
    if (bytes.length === 0) throw new InputError('empty file');
    checkBinary(bytes);
    const isHtml = format === 'html';
    const decoded = decodeBytes(bytes, isHtml || format === undefined);
    const fmt = format ?? (origin === '-' && looksLikeJsonl(decoded.text) ? 'jsonl' : sniffFormat(decoded.text));
    if (fmt === 'jsonl') {
      checkText(decoded.text.replace(/[{}\[\]":,]/g, ' '), 0);
      yield* readJsonl(decoded.text, origin, minRatio);
      return;
    }
    const base = { origin, encoding: decoded.encoding };
    const notes = decoded.replaced ? [`${decoded.replaced} invalid UTF-8 sequence(s) replaced by U+FFFD`] : [];
    if (fmt === 'html') {
      const built = buildFromHtml(decoded.text, base, minRatio);
      yield { kind: 'doc', doc: toDoc({ id, raw: bytes, ...built, warnings: [...notes, ...built.warnings] }) };
      return;
    }
    checkText(decoded.text, minRatio);
    yield { kind: 'doc', doc: toDoc({ id, text: decoded.text, raw: bytes, meta: { ...base, format: 'txt', lang: 'ar' }, warnings: notes }) };
  } catch (e) {
    yield { kind: 'error', origin, message: `${origin}: ${errorText(e)}` };
  }
}

async function readLimited(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await handle.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await handle.close();
  }
}

async function* readPath(path: string, opts: Required<Omit<ReadOptions, 'stdin'>>, explicit: boolean, seenDirs: Set<string>): AsyncGenerator<InputItem> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    yield { kind: 'error', origin: path, message: `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
    return;
  }
  if (info.isDirectory()) {
    const dirKey = `${info.dev}:${info.ino}`;
    if (seenDirs.has(dirKey)) return; // a symbolic link back into a directory already read
    seenDirs.add(dirKey);
    let names: string[];
    try {
      names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    } catch (e) {
      yield { kind: 'error', origin: path, message: `${path}: cannot list directory (${(e as Error).message})` };
      return;
    }
    for (const name of names) yield* readPath(join(path, name), opts, false, seenDirs);
    return;
  }
  const format = formatOf(path);
  if (!explicit && format === undefined) return; // unknown file types inside directories are skipped
  if (!info.isFile()) {
    yield { kind: 'error', origin: path, message: `${path}: not a regular file` };
    return;
  }
  if (format === 'jsonl') {
    yield* streamJsonlFile(path, opts);
    return;
  }
  if (info.size > opts.maxBytes) {
    yield { kind: 'error', origin: path, message: `${path}: file too large (${info.size} bytes; the limit is ${opts.maxBytes})` };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(path, info.size);
  } catch (e) {
    yield { kind: 'error', origin: path, message: `${path}: cannot read (${(e as Error).message})` };
    return;
  }
  yield* readBytes(bytes, path, basename(path), format, opts.minArabicRatio);
}

async function readStdin(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array | string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    total += b.length;
    if (total > maxBytes) return `input too large (more than ${maxBytes} bytes)`;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads the inputs in order, yielding documents and errors (never throws for bad input). */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputItem> {
  const o = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, minArabicRatio: opts.minArabicRatio ?? MIN_ARABIC_RATIO };
  for (const path of paths) {
    if (path === '-') {
      if (!opts.stdin) {
        yield { kind: 'error', origin: '-', message: '-: no standard input stream given' };
        continue;
      }
      let bytes: Uint8Array | string;
      try {
        bytes = await readStdin(opts.stdin, o.maxBytes);
      } catch (e) {
        bytes = errorText(e);
      }
      if (typeof bytes === 'string') yield { kind: 'error', origin: '-', message: `-: ${bytes}` };
      else yield* readBytes(bytes, '-', 'stdin', undefined, o.minArabicRatio);
      continue;
    }
    yield* readPath(path, o, true, new Set());
  }
}
