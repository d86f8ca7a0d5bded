/**
 * What a client is shown when a document is sent: a plain, canonical snapshot
 * whose SHA-256 a signature certifies. Canonical = keys sorted at every level,
 * so the same content always hashes the same.
 */
export interface DocumentSnapshot {
  kind: string;
  number: string;
  revision: number;
  client: { id: string; name: string };
  issueDate: string;
  dueDate: string;
  currency: string;
  coverText: string;
  notes: string;
  terms: string;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  lines: { description: string; quantity: string; unitPriceCents: number; netCents: number; taxable: boolean; taxRateBps: number }[];
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type SnapshotLine = DocumentSnapshot['lines'][number];

/** The snapshot of a document as it stands, as revision `revision`. */
export function documentSnapshot(
  d: Omit<DocumentSnapshot, 'revision' | 'client' | 'lines'> & { clientId: string },
  client: { name: string }, lines: readonly SnapshotLine[], revision: number,
): DocumentSnapshot {
  return {
    kind: d.kind, number: d.number, revision, client: { id: d.clientId, name: client.name }, issueDate: d.issueDate, dueDate: d.dueDate,
    currency: d.currency, coverText: d.coverText, notes: d.notes, terms: d.terms, subtotalCents: d.subtotalCents, discountCents: d.discountCents,
    taxCents: d.taxCents, totalCents: d.totalCents,
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, netCents: l.netCents, taxable: l.taxable, taxRateBps: l.taxRateBps })),
  };
}

/**
 * Whether a sent revision's prices included tax. Its snapshot does not record the switch (and the
 * document may have been switched since), so it is read from the snapshot's own totals: tax-inclusive
 * ones do not add the tax on top of subtotal less discount. (With no tax either way reads the same.)
 */
export function sentTaxInclusive(s: Pick<DocumentSnapshot, 'subtotalCents' | 'discountCents' | 'taxCents' | 'totalCents'>): boolean {
  return s.taxCents > 0 && s.totalCents === s.subtotalCents - s.discountCents;
}

/**
 * Whether a document still says what was sent: the same client, dates, wording, lines and money.
 * (The client's name may have been corrected since; the revision number is not content.)
 */
export function unchangedSince(sent: DocumentSnapshot, now: DocumentSnapshot): boolean {
  const content = (s: DocumentSnapshot) => canonicalJson({ ...s, client: s.client.id, revision: null });
  return content(sent) === content(now);
}

/** Why a draft cannot be sent yet, or null. */
export function sendProblem(d: { status: string; kind: string; totalCents: number; dueDate?: string }, lineCount: number, clientEmail: string | null, today?: string): string | null {
  // A sent (or expired) estimate is sent again as its next revision; anything else goes once.
  if (d.status !== 'draft' && !(d.kind === 'estimate' && (d.status === 'sent' || d.status === 'expired'))) return `This ${d.kind} is ${d.status.replace('_', ' ')}; it cannot be sent again.`;
  // Sent past its valid-until day, it would expire as the email went out.
  if (d.kind === 'estimate' && today && d.dueDate && d.dueDate < today) return `This estimate was valid until ${d.dueDate}; set a new valid-until date before sending it.`;
  if (lineCount === 0) return 'Add at least one line before sending.';
  if (d.kind === 'invoice' && d.totalCents <= 0) return 'An invoice needs a total above zero to send.';
  if (!clientEmail) return 'The client has no email address, and no primary contact with one, to send to.';
  return null;
}
