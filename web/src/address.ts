/** A postal address as form fields (components/AddressFields.tsx) and back, for clients and the company. */
export const ADDRESS_KEYS = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const;
export type AddressKey = (typeof ADDRESS_KEYS)[number];

/** The stored address as one form value per field ('' for what is not set). */
export function addressValues(a: Partial<Record<string, string>> | null | undefined): Record<AddressKey, string> {
  return Object.fromEntries(ADDRESS_KEYS.map((k) => [k, a?.[k] ?? ''])) as Record<AddressKey, string>;
}

/** The request body's address: the filled-in fields, trimmed (an empty object clears it). */
export function addressBody(v: Record<AddressKey, string>): Record<string, string> {
  return Object.fromEntries(ADDRESS_KEYS.map((k) => [k, v[k].trim()]).filter(([, value]) => value));
}

/** Server field names → form fields: "address.city" → "city", "tags.1" → "tags". */
export const formFieldName = (name: string) => (name.startsWith('address.') ? name.slice('address.'.length) : name.split('.')[0] ?? name);
