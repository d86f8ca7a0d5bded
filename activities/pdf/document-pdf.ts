/**
 * The branded PDF of an estimate or invoice. The bytes are stored and only
 * regenerated for drafts, so the same input must always give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { BOLD, FONT, INK, MUTED, RULE, accent, bottom, brandColor, cell, dayDate, decoratePages, longDate, money, percent, sanitize, table, textOn } from './layout';
import type { Doc } from './layout';

export interface DocumentPdfInput {
  company: { name: string; email: string | null; addressLines: string[]; brandColor: string /* '#RRGGBB' */; logo: Uint8Array | null /* PNG or JPEG bytes */ };
  client: { name: string; email: string | null; addressLines: string[]; taxId: string | null };
  document: {
    kind: 'invoice' | 'estimate'; number: string; status: string; issueDate: string /* YYYY-MM-DD */; dueDate: string; currency: string /* ISO 4217 */;
    notes: string; terms: string; subtotalCents: number; discountCents: number; taxCents: number; totalCents: number; paidCents: number; balanceCents: number;
    /** Prices include the tax: it is part of the subtotal, not added to the total. */
    taxInclusive: boolean;
  };
  lines: { description: string; quantity: string /* decimal text like "1.5" */; unitPriceCents: number; netCents: number; taxable: boolean; taxRateBps: number }[];
  /** Client-portal link to view and pay; printed as a clickable link when present. */
  portalUrl: string | null;
}

export async function renderDocumentPdf(input: DocumentPdfInput): Promise<Uint8Array> {
  const { company, document: d } = input;
  const title = d.kind === 'invoice' ? 'INVOICE' : 'ESTIMATE';
  // pdfkit stamps "now" into /CreationDate, and the trailer /ID is an MD5 of the info
  // dictionary, so pinning the dates to the issue day pins the whole file. (Its only
  // randomness is for encryption, unused here; the standard fonts are never embedded,
  // so there are no random subset tags.) A bad issue date still must not reach for the clock.
  const fixed = dayDate(d.issueDate) ?? new Date(0);
  const doc: Doc = new PDFDocument({
    // North American customers expect Letter; everyone else A4.
    size: d.currency === 'USD' || d.currency === 'CAD' ? 'LETTER' : 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `${title} ${d.number}`, Author: company.name, Creator: company.name, Producer: 'PDFKit', CreationDate: fixed, ModDate: fixed },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const brand = brandColor(company.brandColor);
  let y = header(doc, input, brand);
  y = titleAndParties(doc, input, brand, title, y);
  y = table(doc, [
    { header: 'Description', width: 0, align: 'left' },
    { header: 'Qty', width: 55, align: 'right' },
    { header: 'Unit price', width: 95, align: 'right' },
    { header: 'Amount', width: 95, align: 'right' },
  ], input.lines.map((l) => ({
    cells: [l.description, l.quantity, money(l.unitPriceCents, d.currency), money(l.netCents, d.currency)],
    hint: l.taxable ? `Tax ${percent(l.taxRateBps)}` : undefined,
  })), y + 24, brand);
  y = totals(doc, input, brand, y + 14);
  y = paragraph(doc, 'Notes', d.notes, y);
  y = paragraph(doc, 'Terms', d.terms, y);
  if (input.portalUrl) portalLink(doc, input.portalUrl, d.kind, brand, y);

  const status = d.status.toLowerCase();
  const stamp = status === 'void' ? { text: 'VOID', color: '#B91C1C' } : status === 'paid' ? { text: 'PAID', color: '#15803D' } : null;
  decoratePages(doc, `${company.name}  |  ${title} ${d.number}`, stamp);
  doc.end();
  const bytes = await done;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Brand band across the top: logo and name on the left, contact on the right. Returns its height. */
function header(doc: Doc, { company }: DocumentPdfInput, brand: string): number {
  const { width, margins } = doc.page;
  const contact = [company.email ?? '', ...company.addressLines].filter((s) => s.trim()).slice(0, 5);
  const height = Math.max(100, 30 + contact.length * 12 + 20);
  doc.rect(0, 0, width, height).fill(brand);
  const fg = textOn(brand);
  let nameX = margins.left;
  if (company.logo) {
    try {
      doc.image(Buffer.from(company.logo), margins.left, 22, { fit: [120, 56], valign: 'center' });
      nameX += 135;
    } catch {
      // An unreadable logo should cost the company its logo, not its invoice.
    }
  }
  const half = (width - margins.left - margins.right) / 2;
  const nameRight = contact.length ? margins.left + half + 40 : width - margins.right;
  cell(doc, company.name, nameX, 30, nameRight - nameX, { font: BOLD, size: 18, color: fg });
  contact.forEach((line, i) => cell(doc, line, width - margins.right - half + 40, 30 + i * 12, half - 40, { size: 9, color: fg, align: 'right' }));
  return height;
}

function titleAndParties(doc: Doc, input: DocumentPdfInput, brand: string, title: string, top: number): number {
  const { document: d, client } = input;
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  let y = top + 28;
  cell(doc, title, left, y, 260, { font: BOLD, size: 24, color: accent(brand) });
  cell(doc, `No. ${d.number}`, left, y + 32, 260, { size: 11, color: MUTED });

  const meta: [string, string][] = [['Issue date', longDate(d.issueDate)]];
  if (d.dueDate) meta.push([d.kind === 'invoice' ? 'Due' : 'Valid until', longDate(d.dueDate)]);
  if (d.kind === 'invoice') meta.push(['Balance due', money(d.balanceCents, d.currency)]);
  meta.forEach(([label, value], i) => {
    cell(doc, label, right - 240, y + 4 + i * 16, 110, { size: 9, color: MUTED });
    cell(doc, value, right - 130, y + 4 + i * 16, 130, { font: i === 2 ? BOLD : FONT, align: 'right' });
  });

  y += Math.max(56, 8 + meta.length * 16) + 20;
  cell(doc, d.kind === 'invoice' ? 'BILL TO' : 'PREPARED FOR', left, y, 260, { font: BOLD, size: 8, color: MUTED });
  cell(doc, client.name, left, y + 13, 300, { font: BOLD, size: 11 });
  const details = [client.email ?? '', ...client.addressLines, client.taxId ? `Tax ID: ${client.taxId}` : ''].filter((s) => s.trim());
  details.forEach((line, i) => cell(doc, line, left, y + 29 + i * 13, 300, { size: 9.5 }));
  return y + 29 + details.length * 13;
}

function totals(doc: Doc, { document: d }: DocumentPdfInput, brand: string, top: number): number {
  const rows: [string, string, boolean][] = [['Subtotal', money(d.subtotalCents, d.currency), false]];
  if (d.discountCents !== 0) rows.push(['Discount', money(-d.discountCents, d.currency), false]);
  rows.push([d.taxInclusive ? 'Tax (included)' : 'Tax', money(d.taxCents, d.currency), false], ['Total', money(d.totalCents, d.currency), true]);
  if (d.paidCents !== 0) rows.push(['Paid', money(-d.paidCents, d.currency), false]);
  if (d.kind === 'invoice') rows.push(['Balance due', money(d.balanceCents, d.currency), true]);

  let y = room(doc, top, rows.length * 18 + 10);
  const right = doc.page.width - doc.page.margins.right;
  const x = right - 250;
  rows.forEach(([label, value, strong]) => {
    if (strong) doc.moveTo(x, y - 3).lineTo(right, y - 3).lineWidth(0.5).strokeColor(RULE).stroke();
    const color = label === 'Balance due' ? accent(brand) : INK;
    cell(doc, label, x + 6, y + 1, 120, { font: strong ? BOLD : FONT, color });
    cell(doc, value, x + 126, y + 1, 118, { font: strong ? BOLD : FONT, color, align: 'right' });
    y += 18;
  });
  return y + 10;
}

/** Free text that may run long: it flows onto further pages rather than being cut. */
function paragraph(doc: Doc, heading: string, text: string, top: number): number {
  if (!text.trim()) return top;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const y = room(doc, top + 8, 40);
  cell(doc, heading.toUpperCase(), left, y, width, { font: BOLD, size: 8, color: MUTED });
  doc.font(FONT).fontSize(9.5).fillColor(INK).text(sanitize(text.trim()), left, y + 13, { width, lineGap: 1.5 });
  return doc.y + 6;
}

function portalLink(doc: Doc, url: string, kind: 'invoice' | 'estimate', brand: string, top: number): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const y = room(doc, top + 10, 30);
  doc.font(BOLD).fontSize(10).fillColor(INK).text(kind === 'invoice' ? 'View and pay online: ' : 'View and accept online: ', left, y, { width, continued: true });
  doc.font(FONT).fillColor(accent(brand)).text(sanitize(url), { link: url, underline: true });
}

/** Where a block of `height` can start: here, or the top of a new page. */
function room(doc: Doc, y: number, height: number): number {
  if (y + height <= bottom(doc)) return y;
  doc.addPage();
  return doc.page.margins.top;
}
