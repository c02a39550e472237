/**
 * Serves the built dashboard (web/dist) : files with their MIME type, `index.html` for client
 * routes (paths without an extension), never anything outside the root.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { HttpError } from './errors.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Resolves a URL path to a file under `root`, or null when it would leave the root (encoded
 * `..`, backslashes, NUL bytes) or cannot be decoded.
 */
export function safePath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const base = resolve(root);
  const full = resolve(base, ...segments);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

async function fileAt(path: string): Promise<{ path: string; size: number; mtime: Date } | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return { path, size: s.size, mtime: s.mtime };
    if (s.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    /* absent */
  }
  return null;
}

/** Answers a GET/HEAD for a static file; throws HttpError 404/400 (the server renders it). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError('bad_request', `method ${req.method} not allowed`, undefined, 405, { Allow: 'GET, HEAD' });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = safePath(root, url.pathname);
  if (!path) throw new HttpError('bad_request', 'invalid path');
  let file = await fileAt(path);
  // client-side routes (/events/12) get the app; missing assets (/x.js) stay 404
  if (!file && !extname(path)) file = await fileAt(join(resolve(root), 'index.html'));
  if (!file) throw new HttpError('not_found', `not found: ${url.pathname}`);
  const immutable = /\/assets\//.test(file.path.slice(resolve(root).length));
  res.writeHead(200, {
    'Content-Type': mimeType(file.path),
    'Content-Length': String(file.size),
    'Last-Modified': file.mtime.toUTCString(),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((ok, fail) => {
    const s = createReadStream(file!.path);
    s.on('error', fail);
    res.on('close', ok);
    s.pipe(res);
  });
}
