// Money arrives from the API as integer cents with a currency beside it; it is
// edited as a plain dollar string ("1234.56") that the server parses and validates.

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch {
      // An unknown code: plain number with the code in front.
      formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** 123456 → "$1,234.56" (USD by default); null/undefined → "—". */
export function formatCents(cents: number | null | undefined, currency = 'USD'): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  const formatter = formatterFor(currency);
  const text = formatter.format(cents / 100);
  return formatter.resolvedOptions().style === 'currency' ? text : `${currency} ${text}`;
}

/** 123456 → "1234.56" for an input; null/undefined → "". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
