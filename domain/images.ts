/** Which image a file is, by its first bytes rather than by what the upload claims. Pure. */
export type ImageType = 'image/png' | 'image/jpeg';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export function imageType(bytes: Uint8Array): ImageType | null {
  const starts = (sig: number[]) => bytes.length > sig.length && sig.every((b, i) => bytes[i] === b);
  if (starts(PNG)) return 'image/png';
  if (starts(JPEG)) return 'image/jpeg';
  return null;
}

/** The largest logo accepted: printed a few centimetres wide, it never needs more. */
export const LOGO_MAX_BYTES = 512 * 1024;
