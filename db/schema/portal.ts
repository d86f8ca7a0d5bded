/**
 * The client portal: token links per document, what was sent (revision
 * snapshots), and signatures. A portal visitor has no session; the policies
 * below let a request that presents a token's hash (`app.portal_token`) find
 * that one token, and everything else is read under the token's company.
 */
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { documents } from './documents';
import { companies, users } from './identity';
import { currentCompany, tenantPolicy } from './tenancy';

export const portalTokens = pgTable('portal_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  /** SHA-256 of the token; the token itself is only ever in the link. */
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  pgPolicy('portal_tokens_tenant', {
    for: 'all',
    using: sql`${t.companyId} = ${currentCompany} or ${t.tokenHash} = nullif(current_setting('app.portal_token', true), '')`,
    withCheck: sql`${t.companyId} = ${currentCompany}`,
  }),
]);

/** What the client was shown, each time a document is sent: v1, v2… */
export const documentRevisions = pgTable('document_revisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  revision: integer('revision').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  /** SHA-256 of the canonical snapshot JSON: what a signature certifies. */
  snapshotSha256: text('snapshot_sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('document_revisions_key').on(t.documentId, t.revision),
  tenantPolicy('document_revisions', t.companyId),
]);

/** An estimate's acceptance: the signature certificate. */
export const documentSignatures = pgTable('document_signatures', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  revision: integer('revision').notNull(),
  signerName: text('signer_name').notNull(),
  kind: text('kind', { enum: ['typed', 'drawn'] }).notNull(),
  /** A drawn signature as a PNG data URL. */
  image: text('image'),
  ip: text('ip'),
  userAgent: text('user_agent'),
  snapshotSha256: text('snapshot_sha256').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('document_signatures_document_key').on(t.documentId),
  check('document_signatures_image', sql`${t.image} is null or length(${t.image}) <= 200000`),
  tenantPolicy('document_signatures', t.companyId),
]);
