/**
 * Password hashing with scrypt (node:crypto): `scrypt$N$r$p$salt$hash`, salt and hash in base64.
 * The parameters travel with the hash, so stronger ones can be introduced without breaking old
 * accounts. Generated passwords are random (≥ 20 characters from an unambiguous alphabet).
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB per hash, about 0.1 s. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };
const KEY_LEN = 32;
const SALT_LEN = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((ok, fail) => scrypt(password.normalize('NFC'), salt, KEY_LEN, options, (err, key) => (err ? fail(err) : ok(key))));
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  if (!password) throw new Error('password: empty');
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // refuse absurd parameters (a tampered row must not make login allocate gigabytes)
  if (params.N < 2 || params.N > 1 << 20 || (params.N & (params.N - 1)) !== 0 || params.r > 32 || params.p > 16) return false;
  const expected = Buffer.from(m[5], 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, Buffer.from(m[4], 'base64'), params).catch(() => null);
  return key !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that matches no password, verified for unknown names so that timing does not tell them apart. */
export const DUMMY_HASH = `scrypt$${DEFAULT_SCRYPT.N}$${DEFAULT_SCRYPT.r}$${DEFAULT_SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA==$${Buffer.alloc(KEY_LEN).toString('base64')}`;

/** No 0/O, 1/l/I: read aloud and typed by people. */
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of `length` (≥ 20) characters: about 5.8 bits each, 139 bits for 24. */
export function generatePassword(length = 24): string {
  if (length < 20) throw new Error('generatePassword: at least 20 characters');
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
