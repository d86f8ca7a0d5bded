/**
 * Password policy. Length beats composition rules (NIST 800-63B): at least 10
 * characters, not a well-known password, not the account's own email.
 * Returns a user-facing reason, or null when the password is acceptable.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'password1234', '1234567890',
  '12345678910', '0123456789', 'qwertyuiop', 'qwerty1234', 'qwerty12345', 'iloveyou123',
  'letmein123', 'welcome123', 'admin12345', 'abc1234567', 'abcdefghij', '1q2w3e4r5t',
  'passw0rd123', 'changeme123', '1111111111', 'aaaaaaaaaa', 'football123', 'baseball123',
]);

export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'This password is too common; choose another.';
  if (new Set(lower).size < 4) return 'Use more varied characters.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email in your password.';
  return null;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
