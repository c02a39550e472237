/** Random secrets (session ids, CSRF tokens, API tokens) and the digests the store keeps of them. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** API tokens carry a prefix so that they are recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'rasid_';

export function newApiToken(): string {
  return TOKEN_PREFIX + randomSecret(32);
}

/** SHA-256 hex of a secret: what the store keeps (a high-entropy secret needs no salt or slow hash). */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
