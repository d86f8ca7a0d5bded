/** Payloads for clients, catalog, projects and time. Money arrives as dollar strings and is parsed in the handler. */
import { z } from 'zod';
import { CURRENCIES } from '../../domain/money';
import { isDay } from '../../domain/dates';

export const text = (max: number, label: string) => z.string().trim().max(max, `Keep ${label} under ${max} characters.`);
const dollars = z.string().trim().max(20, 'That amount is too long.');
export const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');
export const IdParam = z.object({ id: z.string().uuid('Not a valid id.') });
export const ListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A client's or project's own billing rounding; null falls back to the client's, then the company's. */
const roundingOverride = {
  roundingIncrementMinutes: z.union([z.literal(0), z.literal(6), z.literal(15), z.literal(30)], { error: 'Choose none, 6, 15 or 30 minutes.' }).nullable().optional(),
  roundingMode: z.enum(['up', 'nearest']).nullable().optional(),
};

export const Address = z.object({
  line1: text(200, 'the address').optional(), line2: text(200, 'the address').optional(), city: text(100, 'the city').optional(),
  state: text(50, 'the state').optional(), postalCode: text(20, 'the postal code').optional(),
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'Choose a country.').optional(),
});

export const ClientBody = z.object({
  kind: z.enum(['business', 'person'], { error: 'Choose business or person.' }),
  name: text(200, 'the name').min(1, 'Enter the client’s name.'),
  email: z.string().trim().email('Enter a valid email address.').max(254).optional().or(z.literal('')),
  phone: text(50, 'the phone number').optional(),
  taxId: text(50, 'the tax id').optional(),
  currency: z.enum(CURRENCIES, { error: 'Choose a currency.' }).optional(),
  paymentTermsDays: z.number({ error: 'Enter whole days.' }).int('Enter whole days.').min(0, 'Days cannot be negative.').max(365, 'At most 365 days.').optional(),
  notes: text(5000, 'the notes').optional(),
  tags: z.array(text(40, 'each tag').min(1)).max(20, 'At most 20 tags.').optional(),
  address: Address.optional(),
  ...roundingOverride,
}).meta({ id: 'ClientBody' });

export const CatalogBody = z.object({
  type: z.enum(['service', 'product'], { error: 'Choose service or product.' }),
  name: text(200, 'the name').min(1, 'Enter a name.'),
  description: text(2000, 'the description').optional(),
  rate: dollars,
  taxable: z.boolean().optional(),
  active: z.boolean().optional(),
}).meta({ id: 'CatalogBody' });

export const ProjectBody = z.object({
  name: text(200, 'the name').min(1, 'Enter the project name.'),
  clientId: z.string().uuid('Choose a client.').nullable().optional(),
  status: z.enum(['active', 'on_hold', 'completed', 'cancelled']).optional(),
  billingType: z.enum(['hourly', 'flat_fee', 'non_billable'], { error: 'Choose how the project bills.' }),
  hourlyRate: dollars.optional(),
  flatFee: dollars.optional(),
  budgetHours: z.number({ error: 'Enter hours as a number.' }).min(0, 'Hours cannot be negative.').max(100_000, 'That is too many hours.').nullable().optional(),
  budgetAmount: dollars.nullable().optional(),
  memberIds: z.array(z.string().uuid()).max(200).optional(),
  services: z.array(z.union([z.object({ catalogItemId: z.string().uuid() }), z.object({ name: text(200, 'the service name').min(1) })])).max(50).optional(),
  ...roundingOverride,
}).meta({ id: 'ProjectBody' });

export const TimerStartBody = z.object({
  projectId: z.string({ error: 'Choose a project.' }).uuid('Choose a project.'),
  catalogItemId: z.string().uuid().nullable().optional(),
  serviceName: text(200, 'the service name').optional(),
  notes: text(2000, 'the notes').optional(),
}).meta({ id: 'TimerStartBody' });

export const TimeEntryBody = z.object({
  projectId: z.string({ error: 'Choose a project.' }).uuid('Choose a project.'),
  catalogItemId: z.string().uuid().nullable().optional(),
  serviceName: text(200, 'the service name').optional(),
  date: day,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM, 24-hour.').optional().or(z.literal('')),
  hours: z.string({ error: 'Enter the time worked.' }).trim().max(20),
  notes: text(2000, 'the notes').optional(),
  billable: z.boolean().optional(),
  confirmOverlap: z.boolean().optional(),
}).meta({ id: 'TimeEntryBody' });

export const TimeQuery = ListQuery.extend({
  userId: z.string().uuid().optional(),
  projectId: z.string().uuid().optional(),
  status: z.enum(['draft', 'submitted', 'approved', 'billed']).optional(),
  from: day.optional(),
  to: day.optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const TimeSettingsBody = z.object({
  roundingIncrementMinutes: z.union([z.literal(0), z.literal(6), z.literal(15), z.literal(30)], { error: 'Choose none, 6, 15 or 30 minutes.' }).optional(),
  roundingMode: z.enum(['up', 'nearest']).optional(),
  timerAutoStopHours: z.number().int().min(1, 'At least 1 hour.').max(24, 'At most 24 hours.').optional(),
}).meta({ id: 'TimeSettingsBody' });

const Ref = z.object({ id: z.string(), name: z.string() });
const LabelRef = z.object({ id: z.string(), label: z.string() });

export const ClientView = z.object({
  id: z.string(), kind: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), taxId: z.string().nullable(),
  currency: z.string(), paymentTermsDays: z.number(), notes: z.string(), tags: z.array(z.string()), address: z.record(z.string(), z.string()),
  roundingIncrementMinutes: z.number().nullable(), roundingMode: z.string().nullable(),
  createdAt: z.string(), deletedAt: z.string().nullable(),
}).meta({ id: 'Client' });

export const ClientBalanceView = z.object({
  /** The day "overdue" is measured against, in the company's time zone. */
  asOf: z.string(),
  /** Available credit (in the client's currency), from the client's credit ledger. */
  creditCents: z.number(), currency: z.string(),
  balances: z.array(z.object({
    currency: z.string(), outstandingCents: z.number(), openInvoices: z.number(), overdueCents: z.number(), overdueInvoices: z.number(), receivedCents: z.number(),
  })),
}).meta({ id: 'ClientBalance' });

export const CatalogView = z.object({
  id: z.string(), type: z.string(), name: z.string(), description: z.string(), rateCents: z.number(), currency: z.string(), taxable: z.boolean(), active: z.boolean(),
}).meta({ id: 'CatalogItem' });

export const ProjectView = z.object({
  id: z.string(), number: z.string(), label: z.string(), name: z.string(), client: Ref.nullable(), status: z.string(), billingType: z.string(),
  hourlyRateCents: z.number().nullable(), flatFeeCents: z.number().nullable(), budgetMinutes: z.number().nullable(), budgetCents: z.number().nullable(),
  usedMinutes: z.number(),
  /** Budget used in money: the billable time (every status) at what billing it would charge, in cents. */
  usedCents: z.number(), currency: z.string(), roundingIncrementMinutes: z.number().nullable(), roundingMode: z.string().nullable(),
  members: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string() })),
  services: z.array(z.object({ id: z.string(), catalogItemId: z.string().nullable(), name: z.string() })),
  /** Set while the project is deleted (restorable); deleted projects are left out of lists unless asked for. */
  deletedAt: z.string().nullable(),
}).meta({ id: 'Project' });

export const TimeEntryView = z.object({
  id: z.string(), user: z.object({ id: z.string(), email: z.string() }), project: LabelRef, client: Ref.nullable(), serviceName: z.string(), notes: z.string(),
  date: z.string(), startedAt: z.string().nullable(), durationSeconds: z.number(), billedSeconds: z.number(),
  rounding: z.object({ incrementMinutes: z.number(), mode: z.string() }), billable: z.boolean(), status: z.string(),
  submittedAt: z.string().nullable(), approvedAt: z.string().nullable(), approvedBy: z.string().nullable(), rejectionReason: z.string().nullable(),
}).meta({ id: 'TimeEntry' });

export const TimerView = z.object({
  state: z.enum(['idle', 'running', 'paused']),
  project: LabelRef.optional(), client: Ref.nullable().optional(), serviceName: z.string().optional(), notes: z.string().optional(),
  startedAt: z.string().optional(), elapsedSeconds: z.number().optional(), nudged: z.boolean().optional(), autoStopAt: z.string().nullable().optional(),
}).meta({ id: 'Timer' });

export const TimeSettingsView = z.object({ roundingIncrementMinutes: z.number(), roundingMode: z.string(), timerAutoStopHours: z.number() }).meta({ id: 'TimeSettings' });

export const Timesheet = z.object({
  weekStart: z.string(), days: z.array(z.string()),
  rows: z.array(z.object({ project: LabelRef, serviceName: z.string(), seconds: z.array(z.number()), total: z.number() })),
  totals: z.array(z.number()), total: z.number(),
}).meta({ id: 'Timesheet' });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
