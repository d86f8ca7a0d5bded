/**
 * Drawing helpers for the document PDF: text that the standard fonts can
 * encode, money and date display, brand colours, and a paginated table.
 */
import { dateFormat, numberFormat } from '../../domain/formatters';
import type PDFDocument from 'pdfkit';
import { formatCents } from '../../domain/money';

export type Doc = typeof PDFDocument;

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const INK = '#1F2937';
export const MUTED = '#6B7280';
export const RULE = '#E5E7EB';

// The code points pdfkit's standard-font encoder maps into WinAnsi's 0x80–0x9F block.
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

/**
 * The 14 standard fonts only know WinAnsi, and pdfkit writes anything else as
 * UTF-16 code units into a one-byte hex string, which garbles the rest of the
 * line. So every string bound for the page goes through here first.
 */
export function sanitize(text: string): string {
  let out = '';
  // NFC first so a letter typed as base + combining accent becomes the Latin-1 letter it is.
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += ch;
    else if (ch === '\t' || cp === 0x2028 || cp === 0x2029) out += ' ';
    else if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRAS.has(cp)) out += ch;
    else if (cp >= 0xfe00 && cp <= 0xfe0f) continue; // emoji presentation selectors: the '?' before stands for the whole glyph
    else out += '?';
  }
  return out;
}

export function isEncodable(text: string): boolean {
  return sanitize(text) === text.normalize('NFC');
}

/** Money for display: the shared formatter, or the ISO code where its symbol would not survive the font. */
export function money(cents: number, currency: string): string {
  const text = formatCents(cents, currency);
  if (isEncodable(text)) return text;
  return numberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'code' }).format(cents / 100);
}

/** 825 → "8.25%", 1000 → "10%": basis points stay integers until they are text. */
export function percent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(Math.abs(bps % 100)).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

/** "2025-01-05" → "Jan 5, 2025". Read as UTC so the server's time zone cannot move the day. */
export function longDate(day: string): string {
  const d = dayDate(day);
  if (!d) return day;
  return dateFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

export function dayDate(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function brandColor(hex: string): string {
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex : INK;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or ink, whichever reads on the brand colour: companies pick pale brands too. */
export function textOn(hex: string): string {
  return luminance(hex) > 0.45 ? INK : '#FFFFFF';
}

/** The brand colour where it is dark enough to be text on white, ink where it is not. */
export function accent(hex: string): string {
  return luminance(hex) > 0.45 ? INK : hex;
}

/** One line of text clipped to a box, so nothing fixed-position can start a page of its own. */
export function cell(doc: Doc, text: string, x: number, y: number, width: number, opts: { font?: string; size?: number; color?: string; align?: 'left' | 'right' | 'center' } = {}): void {
  const size = opts.size ?? 10;
  doc.font(opts.font ?? FONT).fontSize(size).fillColor(opts.color ?? INK);
  doc.text(sanitize(text), x, y, { width, height: size * 1.5, align: opts.align ?? 'left', lineBreak: false, ellipsis: true });
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

export interface Column {
  header: string;
  width: number; // 0: takes what the others leave
  align: 'left' | 'right';
}

export interface Row {
  cells: string[];
  /** Small grey line under the first cell (e.g. the tax rate). */
  hint?: string;
}

const PAD = 6;

/**
 * Draws rows from `y`, starting a page whenever the next row would cross the
 * bottom margin and repeating the header there, so a long invoice reads the
 * same on every page. Returns where the table ended.
 */
export function table(doc: Doc, columns: Column[], rows: Row[], y: number, headerFill: string): number {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const fixed = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => c.width || full - fixed);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const headerHeight = 22;

  const header = (top: number): number => {
    doc.rect(left, top, full, headerHeight).fill(headerFill);
    columns.forEach((c, i) => cell(doc, c.header.toUpperCase(), xs[i]! + PAD, top + 7, widths[i]! - 2 * PAD, { font: BOLD, size: 8, color: textOn(headerFill), align: c.align }));
    return top + headerHeight;
  };

  let headed = false;
  for (const row of rows) {
    const descWidth = widths[0]! - 2 * PAD;
    // A description longer than a whole page is cut with an ellipsis rather than pushed off the page.
    const maxText = bottom(doc) - doc.page.margins.top - headerHeight - 2 * PAD - 12;
    const desc = sanitize(row.cells[0] ?? '');
    doc.font(FONT).fontSize(10);
    const textHeight = Math.min(doc.heightOfString(desc || ' ', { width: descWidth }), maxText);
    const height = textHeight + (row.hint ? 12 : 0) + 2 * PAD;
    // The header only goes down with a row under it, so no page ends on a bare header.
    if (y + height + (headed ? 0 : headerHeight) > bottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      headed = false;
    }
    if (!headed) y = header(y);
    headed = true;
    doc.font(FONT).fontSize(10).fillColor(INK).text(desc, xs[0]! + PAD, y + PAD, { width: descWidth, height: textHeight + 1, ellipsis: true });
    if (row.hint) cell(doc, row.hint, xs[0]! + PAD, y + PAD + textHeight + 1, descWidth, { size: 8, color: MUTED });
    for (let i = 1; i < columns.length; i++) {
      cell(doc, row.cells[i] ?? '', xs[i]! + PAD, y + PAD, widths[i]! - 2 * PAD, { align: columns[i]!.align });
    }
    y += height;
    doc.moveTo(left, y).lineTo(left + full, y).lineWidth(0.5).strokeColor(RULE).stroke();
  }
  if (!headed) {
    if (y + headerHeight > bottom(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    y = header(y);
  }
  return y;
}

/** Footer and status stamp on every page, drawn last so "Page n of N" knows N. */
export function decoratePages(doc: Doc, footer: string, stamp: { text: string; color: string } | null): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { width, height, margins } = doc.page;
    cell(doc, `${footer}  |  Page ${i - start + 1} of ${count}`, margins.left, height - margins.bottom + 20, width - margins.left - margins.right, { size: 8, color: MUTED, align: 'center' });
    if (!stamp) continue;
    const size = 120;
    doc.font(BOLD).fontSize(size);
    const w = doc.widthOfString(stamp.text);
    doc.save();
    doc.rotate(-30, { origin: [width / 2, height / 2] });
    doc.fillOpacity(0.12).fillColor(stamp.color);
    doc.text(stamp.text, width / 2 - w / 2, height / 2 - size * 0.35, { lineBreak: false });
    doc.restore();
  }
}
