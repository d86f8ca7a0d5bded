import { AppError } from '../domain/errors';
import { parseDollars } from '../domain/money';

/** A dollar string from a form into cents, or a 400 naming the field. Empty means "not given". */
export function centsField(field: string, value: string | null | undefined): number | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const cents = parseDollars(value);
  if (cents === null) throw AppError.validation({ [field]: 'Enter an amount in dollars, like 125 or 1,250.00.' });
  return cents;
}
