/**
 * Money is integer minor units (cents). People type dollars; this is the one
 * place that turns what they typed into cents, exactly, or says why not.
 * No floating point touches an amount.
 */
import { numberFormat } from './formatters';

export const MAX_CENTS = 1_000_000_000_00; // $1 billion: beyond this, a typo is likelier than a price

/** "1,250.5" / "$1250.50" / "1250" → 125050. Null for anything else (more than 2 decimals, letters, negatives unless allowed). */
export function parseDollars(input: string, opts: { allowNegative?: boolean } = {}): number | null {
  const text = input.trim().replace(/^\$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text) ?? /^(-)?()\.(\d{1,2})$/.exec(text);
  if (!m) return null;
  const [, minus, whole, frac = ''] = m;
  if (minus && !opts.allowNegative) return null;
  const cents = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return null;
  return minus ? -cents : cents;
}

export function formatCents(cents: number, currency = 'USD', locale = 'en-US'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an integer amount of cents: ${cents}`);
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** Cents × a decimal quantity given as thousandths (e.g. hours × 1000), rounded half-up to the cent. */
export function multiplyCents(cents: number, thousandths: number): number {
  const product = BigInt(cents) * BigInt(thousandths);
  const q = product / 1000n;
  const r = product % 1000n;
  const rounded = r * 2n >= 1000n ? q + 1n : r * 2n <= -1000n ? q - 1n : q;
  const n = Number(rounded);
  if (!Number.isSafeInteger(n)) throw new RangeError('amount out of range');
  return n;
}

export const CURRENCIES = ['USD', 'CAD', 'EUR', 'GBP', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Whole hours and minutes from a decimal hour figure, rounded to the minute. */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/** "8.25" / "8.25%" → 825 basis points; null unless 0–100 with at most 2 decimals. */
export function parsePercentBps(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bps <= 10_000 ? bps : null;
}
