/**
 * Every environment variable the processes read, validated in one place.
 * Pure: the entry point passes `process.env` in, so tests can pass anything.
 * A bad value throws a SettingsError naming the variable; `bin/` prints it and
 * exits before anything starts. Documented in docs/env.md.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(1).max(65535);
const urlOf = (protocol: RegExp, what: string) => z.url({ protocol, error: `expected a ${what} URL` });
const httpUrl = urlOf(/^https?$/, 'http(s)');
const postgresUrl = urlOf(/^postgres(ql)?$/, 'postgres://');
/**
 * The app's own address: an origin (scheme, host, port), because browsers send exactly that as
 * `Origin` and the CSRF check compares it; a path or a trailing slash would refuse every write.
 */
const origin = httpUrl
  .refine((u) => { const x = new URL(u); return x.pathname === '/' && !x.search && !x.hash && !u.endsWith('/'); }, 'an origin such as https://pm.example.com (no path, no trailing slash)');

const schema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  APP_URL: origin.optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: postgresUrl.optional(),
  MIGRATION_DATABASE_URL: postgresUrl.optional(),
  APP_DB_PASSWORD: z.string().min(12).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: port.default(54329),
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port').default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('ez360pm'),
  TEMPORAL_UI_URL: httpUrl.optional(),
  SMTP_URL: urlOf(/^smtps?$/, 'smtp(s)://').default('smtp://localhost:1025'),
  MAIL_FROM: z.string().min(3).default('EZ360PM <no-reply@ez360pm.localhost>'),
  MAIL_UI_URL: httpUrl.optional(),
  COOKIE_SECURE: bool.optional(),
  APP_SECRET_KEY: z.string().min(32, 'use at least 32 characters').optional(),
  EMAIL_VERIFICATION_REQUIRED: bool.optional(),
  COMPANY_REQUIRE_TOTP_DEFAULT: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(720),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(336),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  CSP_REPORT_ONLY: bool.default(false),
  // How many proxies of ours stand in front and append to X-Forwarded-For ('true' is one, 'false' none).
  TRUST_PROXY: z.string().regex(/^(true|false|\d)$/, 'a number of proxies (0–9), or true/false').default('0')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  S3_ENDPOINT: httpUrl.optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  // Sizes are stored as 32-bit integers: under 2 GiB.
  FILE_MAX_MB: z.coerce.number().int().min(1).max(2047).default(25),
  PRESIGN_EXPIRE_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SLOW_REQUEST_MS: z.coerce.number().int().min(1).default(1000),
  APP_VERSION: z.string().optional(),
  GIT_COMMIT: z.string().default('unknown'),
  BUILD_DATE: z.string().default('unknown'),
});

type Raw = z.infer<typeof schema>;
type Derived = 'COOKIE_SECURE' | 'APP_URL' | 'TEMPORAL_UI_URL' | 'APP_SECRET_KEY' | 'EMAIL_VERIFICATION_REQUIRED' | 'COMPANY_REQUIRE_TOTP_DEFAULT';
export interface Settings extends Omit<Raw, Derived> {
  APP_URL: string;
  TEMPORAL_UI_URL: string | null;
  COOKIE_SECURE: boolean;
  APP_SECRET_KEY: string;
  EMAIL_VERIFICATION_REQUIRED: boolean;
  COMPANY_REQUIRE_TOTP_DEFAULT: boolean;
}

// Development and test only; production refuses to start without its own key.
const DEV_SECRET_KEY = 'ez360pm-development-secret-key-not-for-production';

export class SettingsError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid environment variable ${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

export function parseSettings(env: Record<string, string | undefined>): Settings {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0]);
    throw new SettingsError(variable, `${issue.message} (got ${JSON.stringify(cleaned[variable] ?? null)})`);
  }
  const raw = result.data;
  const production = raw.APP_ENV === 'production';
  if (production && !raw.DATABASE_URL) throw new SettingsError('DATABASE_URL', 'required in production');
  if (production && !raw.APP_URL) throw new SettingsError('APP_URL', 'required in production');
  if (production && !raw.APP_SECRET_KEY) throw new SettingsError('APP_SECRET_KEY', 'required in production');
  return {
    ...raw,
    APP_URL: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
    TEMPORAL_UI_URL: raw.TEMPORAL_UI_URL ?? (production ? null : 'http://localhost:8233'),
    COOKIE_SECURE: raw.COOKIE_SECURE ?? production,
    APP_SECRET_KEY: raw.APP_SECRET_KEY ?? DEV_SECRET_KEY,
    EMAIL_VERIFICATION_REQUIRED: raw.EMAIL_VERIFICATION_REQUIRED ?? raw.APP_ENV !== 'development',
    COMPANY_REQUIRE_TOTP_DEFAULT: raw.COMPANY_REQUIRE_TOTP_DEFAULT ?? production,
  };
}
