/**
 * Decoding bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM), windows-1256 and
 * ISO-8859-6. Order: BOM, then a charset declared in HTML (<meta charset> or http-equiv
 * content-type), then detection: valid UTF-8 is UTF-8; otherwise the single-byte Arabic code
 * page under which more bytes decode to Arabic letters (and fewer to nothing) wins. UTF-8 with
 * a few invalid sequences (at most 2, or 0.5% of its non-ASCII characters) stays UTF-8.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** How the encoding was chosen. */
  source: 'bom' | 'declared' | 'detected';
  /** Invalid byte sequences replaced by U+FFFD (UTF-8 with a few bad bytes, e.g. cut mid-character). */
  replaced?: number;
}

const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1256': 'windows-1256',
  cp1256: 'windows-1256',
  'x-cp1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6',
  'iso8859-6': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'arabic': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** Maps a charset label to a supported encoding, or undefined. */
export function encodingFromLabel(label: string): Encoding | undefined {
  return LABELS[label.trim().toLowerCase()];
}

function bom(bytes: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The charset an HTML page declares in its first 4 KiB, if any. */
export function declaredCharset(bytes: Uint8Array): Encoding | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? encodingFromLabel(m[1]) : undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Arabic letters minus undecodable characters and Latin-1 letters: higher is more plausible. */
export function arabicScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a) score++;
    else if (c === 0xfffd || (c >= 0xc0 && c <= 0xff)) score -= 2;
  }
  return score;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

/** Decodes bytes; `html` enables the <meta charset> lookup. */
export function decodeBytes(bytes: Uint8Array, html = false): Decoded {
  const b = bom(bytes);
  if (b) return { text: decodeAs(bytes.subarray(b.length), b.encoding), encoding: b.encoding, source: 'bom' };
  if (html) {
    const declared = declaredCharset(bytes);
    // a declaration that contradicts the bytes loses: a page declaring a single-byte charset but
    // valid UTF-8 with non-ASCII bytes was re-saved as UTF-8; one declaring UTF-8 with invalid bytes is detected
    const contradicted = declared === 'utf-8' ? !isValidUtf8(bytes) : hasHighBytes(bytes) && isValidUtf8(bytes);
    if (declared && !contradicted) {
      return { text: decodeAs(bytes, declared), encoding: declared, source: 'declared' };
    }
  }
  if (isValidUtf8(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', source: 'detected' };
  // UTF-8 with a few bad sequences (a file cut in the middle of a character, a stray byte) is
  // still UTF-8: single-byte Arabic text is almost never close to valid UTF-8
  const utf8 = decodeAs(bytes, 'utf-8');
  let replaced = 0;
  let multi = 0;
  for (let i = 0; i < utf8.length; i++) {
    const c = utf8.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c >= 0x80) multi++;
  }
  if (replaced <= Math.max(2, multi * 0.005)) return { text: utf8, encoding: 'utf-8', source: 'detected', replaced };
  const cp = decodeAs(bytes, 'windows-1256');
  const iso = decodeAs(bytes, 'iso-8859-6');
  return arabicScore(iso) > arabicScore(cp)
    ? { text: iso, encoding: 'iso-8859-6', source: 'detected' }
    : { text: cp, encoding: 'windows-1256', source: 'detected' };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}
