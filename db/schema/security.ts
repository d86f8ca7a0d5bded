/** Per-user security material and platform-wide abuse records (no company_id: they are not tenant data). */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/** 2FA recovery codes: stored hashed, each usable once. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('recovery_codes_user_idx').on(t.userId)]);

/** Single-use, expiring tokens sent by email (verification, password reset). Only hashes are stored. */
export const emailTokens = pgTable('email_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  purpose: text('purpose', { enum: ['verify_email', 'password_reset'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('email_tokens_user_idx').on(t.userId, t.purpose)]);

/** Shared fixed-window counters, so every API process enforces the same limits. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
}, (t) => [index('rate_limits_window_idx').on(t.windowStart)]);

/** Lockouts, throttles and other security signals, for the ops console. Append-only. */
export const securityEvents = pgTable('security_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind', {
    enum: ['login_failed', 'lockout', 'throttled', 'login', 'password_reset', 'totp_failed', 'password_changed', 'totp_enabled', 'totp_disabled', 'recovery_codes_replaced', 'session_revoked'],
  }).notNull(),
  userId: uuid('user_id'),
  subject: text('subject'),
  ip: text('ip'),
  requestId: text('request_id'),
  detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('security_events_created_idx').on(t.createdAt), index('security_events_kind_idx').on(t.kind, t.createdAt)]);
