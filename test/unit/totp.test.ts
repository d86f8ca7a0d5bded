import { describe, expect, it } from 'vitest';
import { open, seal } from '../../api/secret-box';
import { base32Decode, base32Encode, matchTotp, newRecoveryCodes, normalizeRecoveryCode, otpauthUrl, totpCode } from '../../api/totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890", 30-second steps, last 6 digits of the 8-digit values.
const SEED = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it.each([
    [59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037'],
  ])('RFC 6238 vector at t=%i', (t, code) => {
    expect(totpCode(SEED, Math.floor(t / 30))).toBe(code);
  });

  it('accepts one step either side of now, nothing further', () => {
    const now = 1111111111_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(SEED, totpCode(SEED, step), now)).toBe(step);
    expect(matchTotp(SEED, totpCode(SEED, step - 1), now)).toBe(step - 1);
    expect(matchTotp(SEED, totpCode(SEED, step + 1), now)).toBe(step + 1);
    expect(matchTotp(SEED, totpCode(SEED, step - 2), now)).toBeNull();
    expect(matchTotp(SEED, 'abcdef', now)).toBeNull();
  });

  it('base32 round-trips', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('otpauth URL names issuer and account', () => {
    expect(otpauthUrl('EZ360PM', 'ann@example.com', 'ABC')).toBe('otpauth://totp/EZ360PM%3Aann%40example.com?secret=ABC&issuer=EZ360PM&algorithm=SHA1&digits=6&period=30');
  });

  it('recovery codes are ten distinct xxxxx-xxxxx codes, compared without case or dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(' AB3CD-EF4GH ')).toBe('ab3cdef4gh');
  });
});

describe('secret box', () => {
  it('round-trips, and refuses a wrong key or tampering', () => {
    const sealed = seal('k'.repeat(32), 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open('k'.repeat(32), sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => open('x'.repeat(32), sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => open('k'.repeat(32), parts.join('.'))).toThrow();
  });
});
