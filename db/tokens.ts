import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe: session cookies, email links, invitation links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are high-entropy, so a plain SHA-256 is enough to store them without storing them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A token the server can make again from a secret and a purpose (e.g. the
 * intent key of the email that carries it): a retried activity mails the very
 * same link it stored, and nobody without the secret can compute it.
 */
export function derivedToken(secret: string, purpose: string): string {
  return createHmac('sha256', `ez360pm:token:${secret}`).update(purpose).digest('base64url');
}
