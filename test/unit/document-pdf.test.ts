import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocumentPdf, type DocumentPdfInput } from '../../activities/pdf/document-pdf';
import { percent, sanitize } from '../../activities/pdf/layout';
import { paintedPages, paintedText, png, textOrigins } from '../support/pdf';

const LETTER = { width: 612, height: 792 };

function pageCount(pdf: Uint8Array): number {
  const raw = Buffer.from(pdf).toString('latin1');
  const pages = raw.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  expect(raw).toContain(`/Count ${pages}`); // the page tree agrees with the page objects
  return pages;
}

function invoice(over: { lines?: number; document?: Partial<DocumentPdfInput['document']>; client?: Partial<DocumentPdfInput['client']>; company?: Partial<DocumentPdfInput['company']>; portalUrl?: string | null } = {}): DocumentPdfInput {
  const n = over.lines ?? 3;
  return {
    company: { name: 'Acme Studio LLC', email: 'billing@acme.test', addressLines: ['12 Main St', 'Springfield, IL 62701'], brandColor: '#0E7490', logo: null, ...over.company },
    client: { name: 'Globex Corporation', email: 'ap@globex.test', addressLines: ['500 Market St'], taxId: 'US-99-1234567', ...over.client },
    document: {
      kind: 'invoice', number: 'INV-0042', status: 'sent', issueDate: '2025-03-14', dueDate: '2025-04-13', currency: 'USD',
      notes: 'Thank you for your business.', terms: 'Net 30.',
      subtotalCents: 123456, discountCents: 0, taxCents: 10185, totalCents: 133641, paidCents: 0, balanceCents: 133641, taxInclusive: false,
      ...over.document,
    },
    lines: Array.from({ length: n }, (_, i) => ({ description: `Consulting, item ${i + 1}`, quantity: '1.5', unitPriceCents: 12345, netCents: 18518, taxable: i % 2 === 0, taxRateBps: 825 })),
    portalUrl: over.portalUrl === undefined ? 'https://portal.example.test/p/abc123' : over.portalUrl,
  };
}

afterEach(() => vi.useRealTimers());

describe('document PDF', () => {
  it('is a PDF', async () => {
    const pdf = await renderDocumentPdf(invoice());
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(pdf.subarray(-6)).toString('latin1')).toMatch(/%%EOF\n?$/);
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    const input = invoice({ company: { logo: png(40, 20) } });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const first = await renderDocumentPdf(input);
    vi.setSystemTime(new Date('2031-06-30T03:21:00Z'));
    const second = await renderDocumentPdf(structuredClone(input));
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    // The dates pdfkit would have taken from the clock come from the issue day instead.
    expect(Buffer.from(first).toString('latin1')).toContain('(D:20250314000000Z)');
    expect(Buffer.from(first).toString('latin1')).not.toMatch(/\(D:203[01]/);
  });

  it('shows the number, the client, dates, lines and money', async () => {
    const text = paintedText(await renderDocumentPdf(invoice({ document: { discountCents: 1000, paidCents: 33641, balanceCents: 100000 } })));
    for (const expected of ['INVOICE', 'No. INV-0042', 'BILL TO', 'Globex Corporation', 'Tax ID: US-99-1234567', 'Mar 14, 2025', 'Due', 'Apr 13, 2025',
      'Consulting, item 3', 'Tax 8.25%', '$123.45', '$185.18', 'Subtotal', '$1,234.56', 'Discount', '-$10.00', 'Total', '$1,336.41', 'Paid', '-$336.41', 'Balance due', '$1,000.00',
      'Thank you for your business.', 'Net 30.', 'View and pay online: ', 'https://portal.example.test/p/abc123']) {
      expect(text.split('\n')).toContain(expected);
    }
  });

  it('says the tax is included when prices include it, so the totals read right', async () => {
    const included = paintedText(await renderDocumentPdf(invoice({ document: { subtotalCents: 110000, taxCents: 10000, totalCents: 110000, balanceCents: 110000, taxInclusive: true } }))).split('\n');
    expect(included).toContain('Tax (included)');
    expect(paintedText(await renderDocumentPdf(invoice())).split('\n')).not.toContain('Tax (included)');
  });

  it('leaves out zero discount and payments, and links the portal', async () => {
    const pdf = await renderDocumentPdf(invoice());
    const lines = paintedText(pdf).split('\n');
    expect(lines).not.toContain('Discount');
    expect(lines).not.toContain('Paid');
    expect(Buffer.from(pdf).toString('latin1')).toContain('/URI (https://portal.example.test/p/abc123)');
  });

  it('words an estimate as an estimate', async () => {
    const lines = paintedText(await renderDocumentPdf(invoice({ document: { kind: 'estimate', number: 'EST-0007' } }))).split('\n');
    expect(lines).toEqual(expect.arrayContaining(['ESTIMATE', 'No. EST-0007', 'PREPARED FOR', 'Valid until', 'View and accept online: ']));
    expect(lines).not.toContain('Balance due');
    expect(lines).not.toContain('INVOICE');
  });

  it('formats other currencies with their own symbol', async () => {
    const text = paintedText(await renderDocumentPdf(invoice({ document: { currency: 'EUR' } })));
    expect(text.split('\n')).toContain('€1,336.41');
  });

  it('flows a long table onto more pages, repeating its header', async () => {
    const pdf = await renderDocumentPdf(invoice({ lines: 120 }));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const painted = paintedPages(pdf);
    expect(painted).toHaveLength(pages);
    const withRows = painted.filter((p) => p.some((l) => l.startsWith('Consulting, item ')));
    expect(withRows.length).toBeGreaterThan(1);
    for (const page of withRows) expect(page).toContain('DESCRIPTION');
    expect(painted.flat().filter((l) => l.startsWith('Consulting, item '))).toHaveLength(120);
    painted.forEach((page, i) => expect(page.some((l) => l.endsWith(`Page ${i + 1} of ${pages}`))).toBe(true));
    for (const { x, y } of textOrigins(pdf)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(LETTER.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(LETTER.height);
    }
  });

  it('cuts a description longer than a page instead of running off it', async () => {
    const input = invoice({ lines: 1 });
    input.lines[0]!.description = 'word '.repeat(5000);
    const pdf = await renderDocumentPdf(input);
    expect(pageCount(pdf)).toBeLessThanOrEqual(3);
    expect(paintedText(pdf)).toContain('…');
    for (const { y } of textOrigins(pdf)) expect(y).toBeGreaterThan(0);
  });

  it('stamps void and paid documents, and not others', async () => {
    const voided = await renderDocumentPdf(invoice({ lines: 40, document: { status: 'void' } }));
    expect(paintedText(voided).split('\n').filter((l) => l === 'VOID')).toHaveLength(pageCount(voided));
    expect(paintedText(await renderDocumentPdf(invoice({ document: { status: 'paid' } }))).split('\n')).toContain('PAID');
    const sent = paintedText(await renderDocumentPdf(invoice({ document: { status: 'sent' } }))).split('\n');
    expect(sent).not.toContain('PAID');
    expect(sent).not.toContain('VOID');
  });

  it('survives emoji and CJK, printing ? for what the font cannot show', async () => {
    const input = invoice({ client: { name: 'Zoë 🚀 東京 Café' }, document: { notes: 'Thanks 🎉👍🏽', number: 'INV-😀' } });
    input.lines[0]!.description = 'Design ✨ work';
    const text = paintedText(await renderDocumentPdf(input)).split('\n');
    expect(text).toEqual(expect.arrayContaining(['Zoë ? ?? Café', 'Design ? work', 'No. INV-?']));
  });

  it('embeds a logo, and renders without one that cannot be read', async () => {
    const withLogo = Buffer.from(await renderDocumentPdf(invoice({ company: { logo: png(40, 20) } }))).toString('latin1');
    expect(withLogo).toContain('/Subtype /Image');
    const broken = await renderDocumentPdf(invoice({ company: { logo: new Uint8Array([1, 2, 3, 4]) } }));
    expect(paintedText(broken)).toContain('Acme Studio LLC');
  });
});

describe('PDF text helpers', () => {
  it('keeps WinAnsi, including its typographic extras, and replaces the rest', () => {
    expect(sanitize('Café “quoted” – €5 • ok™')).toBe('Café “quoted” – €5 • ok™');
    expect(sanitize('e\u0301')).toBe('é'); // combining accent composes into Latin-1
    expect(sanitize('a🚀b❤️c東京')).toBe('a?b?c??');
    expect(sanitize('tab\there\r\nnext\u0007')).toBe('tab here\nnext?');
  });

  it('prints tax rates from basis points', () => {
    expect(percent(825)).toBe('8.25%');
    expect(percent(1000)).toBe('10%');
    expect(percent(750)).toBe('7.5%');
    expect(percent(5)).toBe('0.05%');
  });
});
