/**
 * Document and project numbers. A scheme is a pattern with tokens:
 * `{YYYY}` year, `{MM}` month, `{#…#}` the sequence zero-padded to the number
 * of `#`s (more digits are kept, never truncated). Sequences restart when the
 * pattern's period key (year, month or never) changes.
 */
export type NumberedKind = 'project' | 'estimate' | 'invoice' | 'credit_note';

export interface NumberingScheme {
  kind: NumberedKind;
  pattern: string;
}

export const DEFAULT_NUMBERING: readonly NumberingScheme[] = [
  { kind: 'project', pattern: 'P-{#####}' },
  { kind: 'estimate', pattern: 'EST-{YYYY}-{####}' },
  { kind: 'invoice', pattern: 'INV-{YYYY}-{####}' },
  { kind: 'credit_note', pattern: 'CN-{YYYY}{MM}-{####}' },
];

const TOKEN = /\{(YYYY|MM|#+)\}/g;

export function validatePattern(pattern: string): string | null {
  const seqs = pattern.match(/\{#+\}/g) ?? [];
  if (seqs.length !== 1) return 'The pattern needs exactly one sequence token such as {####}.';
  const stray = pattern.replace(TOKEN, '').match(/[{}]/);
  if (stray) return 'Unknown token; use {YYYY}, {MM} and one {###…}.';
  if (pattern.length > 40) return 'Keep the pattern under 40 characters.';
  return null;
}

/** The key under which a sequence counts: it restarts when this changes. */
export function periodKey(pattern: string, date: { year: number; month: number }): string {
  if (pattern.includes('{MM}')) return `${date.year}-${String(date.month).padStart(2, '0')}`;
  if (pattern.includes('{YYYY}')) return String(date.year);
  return 'all';
}

/**
 * Why a numbered document cannot move from one issue date to another: its number was taken from the
 * counter of its date's period (year, or month), so a date in another period would carry a number
 * out of that period's sequence. Null when it can.
 */
export function periodMoveProblem(pattern: string, number: string, from: string, to: string): string | null {
  const at = (day: string) => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });
  if (periodKey(pattern, at(from)) === periodKey(pattern, at(to))) return null;
  const unit = pattern.includes('{MM}') ? 'month' : 'year';
  return `${number} is numbered in the ${unit} of its issue date (${from}); keep the date in that ${unit}, or create a new document dated ${to}.`;
}

export function formatNumber(pattern: string, seq: number, date: { year: number; month: number }): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer, got ${seq}`);
  return pattern.replace(TOKEN, (_, token: string) => {
    if (token === 'YYYY') return String(date.year);
    if (token === 'MM') return String(date.month).padStart(2, '0');
    return String(seq).padStart(token.length, '0');
  });
}
