import { z } from 'zod';

/**
 * Rasid's typed configuration: the only module that reads the environment.
 * Everything else receives a Config (or the part it needs) as an argument.
 */
const ConfigSchema = z.object({
  /** Directory of the embedded PGlite database. */
  dataDir: z.string().min(1),
  /** When set, a PostgreSQL server is used instead of the embedded database. */
  databaseUrl: z.string().url().optional(),
  /** Focus country of the dashboard and summaries (ISO 3166-1 alpha-3). */
  focusCountry: z.string().regex(/^[A-Z]{3}$/),
  /** HTTP server bind address and port. */
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  /** Redis URL for the ingest queue, when used. */
  redisUrl: z.string().optional(),
  /** Whether reading the API needs a login (viewer role or above); default false. */
  readsRequireLogin: z.boolean().default(false),
  /** Always mark the session cookie Secure (serving behind an https proxy); it is on https requests anyway. */
  secureCookies: z.boolean().default(false),
  /** Trust X-Forwarded-For / X-Forwarded-Proto (client address for login rate limits, https detection). */
  trustProxy: z.boolean().default(false),
  /** Lifetime of a login session in hours. */
  sessionHours: z.coerce.number().positive().max(24 * 90).default(12),
});

export type Config = z.infer<typeof ConfigSchema>;

export interface ConfigOverrides {
  dataDir?: string;
  databaseUrl?: string;
  focusCountry?: string;
  host?: string;
  port?: number;
  readsRequireLogin?: boolean;
}

/** Builds the configuration from defaults, the environment and explicit overrides (in that order). */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    dataDir: overrides.dataDir ?? env.RASID_DATA ?? './rasid-data',
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    focusCountry: overrides.focusCountry ?? env.RASID_FOCUS_COUNTRY ?? 'LBY',
    host: overrides.host ?? env.RASID_HOST ?? '127.0.0.1',
    port: overrides.port ?? env.RASID_PORT ?? 8080,
    redisUrl: env.REDIS_URL || undefined,
    readsRequireLogin: overrides.readsRequireLogin ?? /^(1|true|yes)$/i.test(env.RASID_READS_REQUIRE_LOGIN ?? ''),
    secureCookies: /^(1|true|yes)$/i.test(env.RASID_SECURE_COOKIES ?? ''),
    trustProxy: /^(1|true|yes)$/i.test(env.RASID_TRUST_PROXY ?? ''),
    sessionHours: env.RASID_SESSION_HOURS || 12,
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** PostgreSQL server used by the store contract tests, when set (CI starts one). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RASID_TEST_DATABASE_URL || undefined;
}

/** Redis server used by the queue tests, when set (scripts/ci/start-redis.sh starts one). */
export function testRedisUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RASID_TEST_REDIS_URL || undefined;
}

/**
 * PostgreSQL server holding the generated benchmark database (scripts/bench/gen-events.ts,
 * bench/api.bench.ts): RASID_BENCH_DATABASE_URL, else RASID_TEST_DATABASE_URL.
 */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.RASID_BENCH_DATABASE_URL || env.RASID_TEST_DATABASE_URL || undefined;
}

/** Paths of shared test material (../shared), when present; read only by tests and eval. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RASID_SHARED ?? new URL('../../shared', import.meta.url).pathname;
}
