import { describe, expect, it } from 'vitest';
import { normalizeEmail, passwordProblem } from '../../domain/password';

describe('password policy', () => {
  it('accepts a long, varied passphrase', () => {
    expect(passwordProblem('correct horse battery', 'ann@example.com')).toBeNull();
  });
  it.each([
    ['short1!', /at least 10/],
    ['password123', /too common/],
    ['aaaaaaaaaaaaaa', /too common|varied/],
    ['abababababab', /varied/],
    ['x'.repeat(257), /at most 256/],
  ])('refuses %j', (pw, reason) => {
    expect(passwordProblem(pw)).toMatch(reason);
  });
  it('refuses a password containing the email name', () => {
    expect(passwordProblem('annabelle-secret-2026', 'annabelle@example.com')).toMatch(/email/);
    // Short local parts are too common a substring to forbid.
    expect(passwordProblem('a long enough passphrase', 'al@example.com')).toBeNull();
  });
  it('normalises emails', () => {
    expect(normalizeEmail('  Ann@Example.COM ')).toBe('ann@example.com');
  });
});
