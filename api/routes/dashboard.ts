/** The dashboard's money snapshot: what the company is owed, what is overdue and by whom, and what came in lately. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { companyBalances, oldestOverdue } from '../../db/client-balance';
import { companyDay } from '../../db/company-settings';
import { withTenant } from '../../db/tenant';
import { addDays } from '../../domain/dates';
import { requireCompany } from '../guards';
import { errorResponse, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

/** "Lately": the last 30 days, today included. */
const RECEIVED_DAYS = 30;
const OLDEST = 5;

const MoneyView = z.object({
  asOf: z.string(), receivedSince: z.string(),
  totals: z.array(z.object({ currency: z.string(), outstandingCents: z.number(), openInvoices: z.number(), overdueCents: z.number(), overdueInvoices: z.number(), receivedCents: z.number() })),
  oldestOverdue: z.array(z.object({ id: z.string(), number: z.string(), clientId: z.string(), clientName: z.string(), dueDate: z.string(), balanceCents: z.number(), currency: z.string() })),
}).meta({ id: 'DashboardMoney' });

const money = createRoute({
  method: 'get', path: '/dashboard/money', tags: ['dashboard'], summary: `Owed, overdue (the ${OLDEST} oldest), and received in the last ${RECEIVED_DAYS} days, per currency`,
  responses: { 200: jsonResponse('Money', MoneyView), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed') },
});

export const dashboardRoutes = areaApp()
  .openapi(money, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const out = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const asOf = await companyDay(tx, companyId);
      const receivedSince = addDays(asOf, 1 - RECEIVED_DAYS);
      return { asOf, receivedSince, totals: await companyBalances(tx, companyId, asOf, receivedSince), oldestOverdue: await oldestOverdue(tx, companyId, asOf, OLDEST) };
    });
    return c.json(out, 200);
  });
