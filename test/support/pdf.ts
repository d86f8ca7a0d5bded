/** Reading what a stored PDF paints (pdfkit's output, standard fonts), and a real tiny PNG to upload or embed. */
import { crc32, deflateSync, inflateSync } from 'node:zlib';

// WinAnsi's 0x80–0x9F block (Node 20's TextDecoder reads it as Latin-1 control codes).
const WIN_ANSI_80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Each page's content stream, inflated from the very bytes production stores (pdfkit writes one per page). */
function contentStreams(pdf: Uint8Array): string[] {
  const buf = Buffer.from(pdf);
  const raw = buf.toString('latin1');
  const out: string[] = [];
  const streams = /<<((?:(?!<<|>>)[^])*)>>\s*stream\r?\n/g; // pdfkit's stream dictionaries never nest
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const dict = m[1]!;
    if (dict.includes('/Subtype /Image') || !dict.includes('/FlateDecode')) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const start = m.index + m[0].length;
    out.push(inflateSync(buf.subarray(start, start + length)).toString('latin1'));
  }
  return out;
}

/**
 * The text each page paints: the TJ operators' hex glyph codes decoded as
 * WinAnsi, the standard fonts' encoding. One TJ is one line of text.
 */
export function paintedPages(pdf: Uint8Array): string[][] {
  return contentStreams(pdf).map((content) => [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) => {
    const bytes = Buffer.from([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join(''), 'hex');
    return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_80[b - 0x80] : String.fromCharCode(b))).join('');
  }));
}

/** Where every run of text starts, in PDF units from the page's bottom-left. */
export function textOrigins(pdf: Uint8Array): { x: number; y: number }[] {
  return contentStreams(pdf).flatMap((content) => [...content.matchAll(/1 0 0 1 ([-\d.]+) ([-\d.]+) Tm/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) })));
}

export function paintedText(pdf: Uint8Array): string {
  return paintedPages(pdf).map((p) => p.join('\n')).join('\n');
}

/** A real (tiny, solid-colour) PNG, so the logo path embeds an actual image. */
export function png(w: number, h: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows = Buffer.alloc((w * 3 + 1) * h, 0x40);
  for (let y = 0; y < h; y++) rows[y * (w * 3 + 1)] = 0; // filter byte: none
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

