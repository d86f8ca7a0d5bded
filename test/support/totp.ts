import { stepAt, totpCode } from '../../api/totp';

/** The code an authenticator app would show now (or `offset` steps away). */
export function currentCode(secret: string, offset = 0): string {
  return totpCode(secret, stepAt(Date.now()) + offset);
}
