/** Clients from CSV: each record becomes the body POST /clients takes, so import and the form validate alike. */
import type { z } from 'zod';
import { createClient } from '../../db/clients';
import { timeSettings } from '../../db/time-entries';
import { byColumn } from '../../domain/csv-import';
import type { ImportSpec } from '../csv-import';
import { ClientBody } from '../schemas/work';
import { fieldErrors } from '../validation';

export const CLIENT_COLUMNS = ['name', 'kind', 'email', 'phone', 'tax_id', 'currency', 'payment_terms_days', 'tags', 'notes', 'address_line1', 'address_line2', 'city', 'state', 'postal_code', 'country'] as const;

const COLUMN_OF: Record<string, string> = {
  taxId: 'tax_id', paymentTermsDays: 'payment_terms_days', 'address.line1': 'address_line1', 'address.line2': 'address_line2',
  'address.city': 'city', 'address.state': 'state', 'address.postalCode': 'postal_code', 'address.country': 'country',
};

function clientFromRecord(r: Record<string, string>) {
  const opt = (v: string | undefined) => (v ? v : undefined);
  const address = Object.fromEntries(Object.entries({
    line1: r.address_line1, line2: r.address_line2, city: r.city, state: r.state, postalCode: r.postal_code, country: r.country?.toUpperCase(),
  }).filter(([, v]) => v));
  return {
    kind: (r.kind || 'business').toLowerCase(), name: r.name ?? '', email: opt(r.email), phone: opt(r.phone), taxId: opt(r.tax_id),
    currency: opt(r.currency?.toUpperCase()), notes: opt(r.notes),
    paymentTermsDays: r.payment_terms_days ? Number(r.payment_terms_days) : undefined,
    tags: r.tags ? r.tags.split(/[;|]/).map((t) => t.trim()).filter(Boolean) : undefined,
    ...(Object.keys(address).length && { address }),
  };
}

export const clientImport: ImportSpec<{ currency: string; termsDays: number }, z.infer<typeof ClientBody>> = {
  columns: CLIENT_COLUMNS,
  required: ['name'],
  audit: { action: 'client.imported', objectType: 'client' },
  async load(tx, { companyId }) {
    const s = await timeSettings(tx, companyId);
    return { currency: s?.currency ?? 'USD', termsDays: s?.invoiceDueDays ?? 30 };
  },
  check(r) {
    const result = ClientBody.safeParse(clientFromRecord(r));
    return result.success ? { label: r.name ?? '', value: result.data } : { label: r.name ?? '', errors: byColumn(fieldErrors(result.error), COLUMN_OF) };
  },
  async write(tx, rows, defaults, { companyId }) {
    for (const b of rows) {
      await createClient(tx, companyId, {
        ...b, email: b.email || null, tags: [...new Set((b.tags ?? []).map((t) => t.toLowerCase()))], address: (b.address ?? {}) as Record<string, string>,
        currency: b.currency ?? defaults.currency, paymentTermsDays: b.paymentTermsDays ?? defaults.termsDays,
      });
    }
  },
};
