// Display names for the enums in docs/work.md.
import type { SelectOption } from './components/SelectField';
import type { BillingType, CatalogItemType, ClientKind, ProjectStatus, TimeEntryStatus } from './workApi';

const CLIENT_KINDS: Record<ClientKind, string> = { business: 'Business', person: 'Person' };
const PROJECT_STATUS: Record<ProjectStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
const BILLING: Record<BillingType, string> = { hourly: 'Hourly', flat_fee: 'Flat fee', non_billable: 'Non-billable' };
const ENTRY_STATUS: Record<TimeEntryStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  billed: 'Billed',
};
const CATALOG_TYPES: Record<CatalogItemType, string> = { service: 'Service', product: 'Product' };

const label = <K extends string>(map: Record<K, string>, value: string) => map[value as K] ?? value;

export const clientKindLabel = (v: string) => label(CLIENT_KINDS, v);
export const projectStatusLabel = (v: string) => label(PROJECT_STATUS, v);
export const billingTypeLabel = (v: string) => label(BILLING, v);
export const entryStatusLabel = (v: string) => label(ENTRY_STATUS, v);
export const catalogTypeLabel = (v: string) => label(CATALOG_TYPES, v);

const options = <K extends string>(map: Record<K, string>): SelectOption[] =>
  (Object.entries(map) as [K, string][]).map(([value, text]) => ({ value, label: text }));

export const CLIENT_KIND_OPTIONS = options(CLIENT_KINDS);
export const PROJECT_STATUS_OPTIONS = options(PROJECT_STATUS);
export const BILLING_TYPE_OPTIONS = options(BILLING);
export const ENTRY_STATUS_OPTIONS = options(ENTRY_STATUS);
export const CATALOG_TYPE_OPTIONS = options(CATALOG_TYPES);

/** Status choices for a list filter: "All" (sent as no filter) first. */
const withAll = (choices: SelectOption[]): SelectOption[] => [{ value: '', label: 'All' }, ...choices];
export const PROJECT_STATUS_FILTER = withAll(PROJECT_STATUS_OPTIONS);
export const ENTRY_STATUS_FILTER = withAll(ENTRY_STATUS_OPTIONS);

const DOCUMENT_STATUS: Record<string, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  converted: 'Converted',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  void: 'Void',
};
/** An estimate's or invoice's status, e.g. "Partially paid" (unknown ones as sent). */
export const documentStatusLabel = (status: string) => DOCUMENT_STATUS[status] ?? status;
/** The totals' tax row: where prices include the tax it is already in the subtotal, not added on top. */
export const taxLabel = (taxInclusive: boolean) => (taxInclusive ? 'Tax (included)' : 'Tax');
