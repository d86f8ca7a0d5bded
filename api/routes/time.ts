/** The timer, time entries with their approval, the weekly timesheet and the company's time settings. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import { getClient, getCatalogItem } from '../../db/clients';
import { getProject } from '../../db/projects';
import {
  dayTotalSeconds, deleteTimeEntry, getEntryRow, insertTimeEntry, listTimeEntries, lockPersonTime, lockTimeEntry, overlappingEntries, timeSettings, updateTimeEntry,
  updateTimeSettings, weekTotals, type EntryRow,
} from '../../db/time-entries';
import { companyDay, companyTimeZone } from '../../db/company-settings';
import { withTenant } from '../../db/tenant';
import { dayIn, instantIn, timeIn, weekOf } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import { can } from '../../domain/permissions';
import { billableByDefault, projectLabel } from '../../domain/projects';
import { billedSeconds, effectiveRule, type RoundingRule } from '../../domain/rounding';
import { durationProblem, formatHm, parseDuration, transitionProblem } from '../../domain/time-entries';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireCompany, type CompanyAccess } from '../guards';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import {
  day, IdParam, listOf, TimeEntryBody, TimeEntryView, TimeQuery, TimerStartBody, TimerView, Timesheet, TimeSettingsBody, TimeSettingsView,
} from '../schemas/work';
import { readTimer, startTimer, timerUpdate, timerView } from '../timer';
import { companyRule, ruleFrom } from '../rounding';
import { areaApp } from '../validation';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Conflict') };
const tags = ['time'];
const r = <M extends 'get' | 'post' | 'patch' | 'delete', P extends string>(method: M, path: P) => ({ method, path, tags });

const getTimer = createRoute({ ...r('get', '/timer'), summary: 'Your timer', responses: { 200: jsonResponse('Timer', TimerView), ...errors } });
const start = createRoute({ ...r('post', '/timer/start'), summary: 'Start your timer on a project (one per person, across devices)', request: { body: jsonBody(TimerStartBody) }, responses: { 200: jsonResponse('Timer', TimerView), ...errors } });
const pause = createRoute({ ...r('post', '/timer/pause'), summary: 'Pause your timer', responses: { 200: jsonResponse('Timer', TimerView), ...errors } });
const resume = createRoute({ ...r('post', '/timer/resume'), summary: 'Resume your timer', responses: { 200: jsonResponse('Timer', TimerView), ...errors } });
const stop = createRoute({ ...r('post', '/timer/stop'), summary: 'Stop your timer; leaves a draft time entry (none when you were removed from its company before it began)', responses: { 200: jsonResponse('Stopped', z.object({ timer: TimerView, entry: TimeEntryView.nullable() })), ...errors } });
const list = createRoute({ ...r('get', '/time-entries'), summary: 'Time entries, newest day first', request: { query: TimeQuery }, responses: { 200: jsonResponse('Entries', listOf(TimeEntryView)), ...errors } });
const create = createRoute({ ...r('post', '/time-entries'), summary: 'Record time by hand (a draft)', request: { body: jsonBody(TimeEntryBody) }, responses: { 201: jsonResponse('Entry', TimeEntryView), ...errors } });
const patch = createRoute({ ...r('patch', '/time-entries/{id}'), summary: 'Change a draft entry', request: { params: IdParam, body: jsonBody(TimeEntryBody.partial()) }, responses: { 200: jsonResponse('Entry', TimeEntryView), ...errors } });
const remove = createRoute({ ...r('delete', '/time-entries/{id}'), summary: 'Delete a draft entry', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });
const submit = createRoute({ ...r('post', '/time-entries/{id}/submit'), summary: 'Submit your entry for approval', request: { params: IdParam }, responses: { 200: jsonResponse('Entry', TimeEntryView), ...errors } });
const approve = createRoute({ ...r('post', '/time-entries/{id}/approve'), summary: 'Approve a submitted entry', request: { params: IdParam }, responses: { 200: jsonResponse('Entry', TimeEntryView), ...errors } });
const reject = createRoute({ ...r('post', '/time-entries/{id}/reject'), summary: 'Send an entry back to draft', request: { params: IdParam, body: jsonBody(z.object({ reason: z.string().trim().min(1, 'Say why.').max(500) })) }, responses: { 200: jsonResponse('Entry', TimeEntryView), ...errors } });
const sheet = createRoute({ ...r('get', '/timesheet'), summary: 'A person’s week, by project and service', request: { query: z.object({ week: day.optional(), userId: z.string().uuid().optional() }) }, responses: { 200: jsonResponse('Timesheet', Timesheet), ...errors } });
const getSettings = createRoute({ ...r('get', '/company/time-settings'), summary: 'Rounding and timer limits', responses: { 200: jsonResponse('Settings', TimeSettingsView), ...errors } });
const putSettings = createRoute({ ...r('patch', '/company/time-settings'), summary: 'Change rounding and timer limits', request: { body: jsonBody(TimeSettingsBody) }, responses: { 200: jsonResponse('Settings', TimeSettingsView), ...errors } });

function entryView(row: EntryRow, companyDefault: RoundingRule) {
  const e = row.entry;
  const applied = effectiveRule(companyDefault, ruleFrom(row.clientRounding), ruleFrom(row.projectRounding));
  return {
    id: e.id, user: { id: e.userId, email: row.email }, project: { id: e.projectId, label: projectLabel(row.projectNumber, row.projectName) },
    client: e.clientId ? { id: e.clientId, name: row.clientName ?? '' } : null, serviceName: e.serviceName, notes: e.notes, date: e.workDate,
    startedAt: e.startedAt?.toISOString() ?? null, durationSeconds: e.durationSeconds, billedSeconds: billedSeconds(e.durationSeconds, applied),
    rounding: applied, billable: e.billable, status: e.status, submittedAt: e.submittedAt?.toISOString() ?? null,
    approvedAt: e.approvedAt?.toISOString() ?? null, approvedBy: e.approvedBy, rejectionReason: e.rejectionReason,
  };
}

async function viewOf(tx: Tx, companyId: string, id: string) {
  return entryView((await getEntryRow(tx, companyId, id))!, await companyRule(tx, companyId));
}

/** A live project of this company, its client and the service named by the body; 404 for anyone else's. */
async function workOn(tx: Tx, companyId: string, body: { projectId: string; catalogItemId?: string | null; serviceName?: string }) {
  const project = await getProject(tx, companyId, body.projectId);
  if (!project) throw AppError.notFound('No such project.');
  const client = project.clientId ? await getClient(tx, companyId, project.clientId, { includeDeleted: true }) : null;
  let serviceName = body.serviceName ?? '';
  if (body.catalogItemId) {
    const item = await getCatalogItem(tx, companyId, body.catalogItemId);
    if (!item) throw AppError.notFound('No such catalog item.');
    serviceName = item.name;
  }
  return { project, client, serviceName, catalogItemId: body.catalogItemId ?? null };
}

/** Load an entry for a change: 404 when it is not this company's, 403 when it is someone else's and `own` is required. */
async function entryFor(tx: Tx, access: CompanyAccess, id: string, own: boolean) {
  const e = await lockTimeEntry(tx, access.companyId, id);
  if (!e) throw AppError.notFound('No such time entry.');
  if (own && e.userId !== access.userId) throw AppError.forbidden('You can only change your own time.');
  return e;
}

/** 409 OVERLAP when the person already has time in [start, start + seconds) (another entry than `exceptId`), unless they said to keep both. */
/** New time goes on active projects only (as the timer's start has it). */
function activeOnly(project: { number: string; name: string; status: string }): void {
  if (project.status !== 'active') throw new AppError(422, 'PROJECT_NOT_ACTIVE', `${projectLabel(project.number, project.name)} is not active.`, { projectId: 'Choose an active project.' });
}

/**
 * A person's day holds 24 hours at most, whatever the entries say. Their writes take turns (a lock
 * per person), so two entries saved at once cannot both pass this and the overlap check.
 */
async function refuseOverfullDay(tx: Tx, companyId: string, userId: string, date: string, seconds: number, exceptId?: string): Promise<void> {
  await lockPersonTime(tx, companyId, userId);
  const already = await dayTotalSeconds(tx, companyId, userId, date, exceptId);
  if (already + seconds > 86_400) {
    throw new AppError(422, 'DAY_OVER_24_HOURS', `You already have ${formatHm(already)} on ${date}; with this, the day would hold more than 24 hours.`, { hours: 'More than the day holds.' });
  }
}

async function refuseOverlap(tx: Tx, access: CompanyAccess, tz: string, start: Date, seconds: number, confirmed: boolean | undefined, exceptId?: string): Promise<void> {
  if (confirmed) return;
  await lockPersonTime(tx, access.companyId, access.userId);
  const [other] = await overlappingEntries(tx, access.companyId, access.userId, start, new Date(start.getTime() + seconds * 1000), exceptId);
  if (other) {
    // In the company's time, as start times are typed.
    const at = other.startedAt!.getTime();
    throw new AppError(409, 'OVERLAP', `This overlaps your ${formatHm(other.durationSeconds)} on ${other.projectNumber} from ${timeIn(tz, at)} on ${dayIn(tz, at)}. Save anyway to keep both.`);
  }
}

function refuse(problem: string | null, status: string) {
  if (problem) throw new AppError(status === 'billed' ? 409 : 422, status === 'billed' ? 'TIME_LOCKED' : 'INVALID_TRANSITION', problem);
}

export const timeRoutes = areaApp()
  .openapi(getTimer, async (c) => {
    const { userId } = requireCompany(c, 'time.track');
    return c.json(timerView(await readTimer(c.var.deps, userId)), 200);
  })
  .openapi(start, async (c) => {
    const { companyId, userId } = requireCompany(c, 'time.track');
    const body = c.req.valid('json');
    const { project, client, serviceName, catalogItemId, hours } = await withTenant(c.var.deps.database.db, companyId, async (tx) => ({
      ...(await workOn(tx, companyId, body)), hours: (await timeSettings(tx, companyId))?.timerAutoStopHours ?? 10,
    }));
    if (project.status !== 'active') throw new AppError(422, 'PROJECT_NOT_ACTIVE', `${projectLabel(project.number, project.name)} is not active.`);
    const state = await startTimer(c.var.deps, userId, {
      companyId, projectId: project.id, projectLabel: projectLabel(project.number, project.name),
      clientId: client?.id ?? null, clientName: client?.name ?? null, catalogItemId, serviceName, notes: body.notes ?? '',
      autoStopAfterMs: hours * 3600_000,
    });
    return c.json(timerView(state), 200);
  })
  .openapi(pause, async (c) => {
    const { userId } = requireCompany(c, 'time.track');
    return c.json(timerView(await timerUpdate(c.var.deps, userId, 'pauseTimer')), 200);
  })
  .openapi(resume, async (c) => {
    const { userId } = requireCompany(c, 'time.track');
    return c.json(timerView(await timerUpdate(c.var.deps, userId, 'resumeTimer')), 200);
  })
  .openapi(stop, async (c) => {
    const { companyId, userId } = requireCompany(c, 'time.track');
    const state = await timerUpdate(c.var.deps, userId, 'stopTimer');
    // A person's timer is one across their companies: its entry is in the company it was started in, which may not be the active one.
    const entryCompany = state.start?.companyId ?? companyId;
    const entryId = state.entryId;
    const entry = entryId ? await withTenant(c.var.deps.database.db, entryCompany, (tx) => viewOf(tx, entryCompany, entryId)) : null;
    return c.json({ timer: timerView(state), entry }, 200);
  })
  .openapi(list, async (c) => {
    const access = requireCompany(c, 'time.track');
    const { cursor, limit, mine, userId, ...filter } = c.req.valid('query');
    // Without approval rights, people see their own time only.
    const who = mine === 'true' || !can(access.role, 'time.approve') ? access.userId : userId;
    const after = decodeCursor<{ date: string; id: string }>(cursor, { date: 'string', id: 'string' });
    const result = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      // Issued together: the driver pipelines them on the transaction's connection, one round trip instead of two.
      const [rows, cr] = await Promise.all([listTimeEntries(tx, access.companyId, { ...filter, userId: who, limit, after }), companyRule(tx, access.companyId)]);
      const p = page(rows, limit, (row) => ({ date: row.entry.workDate, id: row.entry.id }));
      return { items: p.items.map((row) => entryView(row, cr)), nextCursor: p.nextCursor };
    });
    return c.json(result, 200);
  })
  .openapi(create, async (c) => {
    const access = requireCompany(c, 'time.track');
    const body = c.req.valid('json');
    const seconds = parseDuration(body.hours);
    if (seconds === null) throw AppError.validation({ hours: durationProblem(body.hours)! });
    const view = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const work = await workOn(tx, access.companyId, body);
      activeOnly(work.project);
      await refuseOverfullDay(tx, access.companyId, access.userId, body.date, seconds);
      const tz = await companyTimeZone(tx, access.companyId);
      const startedAt = body.startTime ? new Date(instantIn(tz, body.date, body.startTime)) : null;
      if (startedAt) await refuseOverlap(tx, access, tz, startedAt, seconds, body.confirmOverlap);
      const row = (await insertTimeEntry(tx, access.companyId, {
        userId: access.userId, projectId: work.project.id, clientId: work.client?.id ?? null, catalogItemId: work.catalogItemId,
        serviceName: work.serviceName, notes: body.notes ?? '', workDate: body.date, startedAt, durationSeconds: seconds,
        billable: body.billable ?? billableByDefault(work.project.billingType),
      }))!;
      return viewOf(tx, access.companyId, row.id);
    });
    return c.json(view, 201);
  })
  .openapi(patch, async (c) => {
    const access = requireCompany(c, 'time.track');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const view = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const e = await entryFor(tx, access, id, true);
      refuse(transitionProblem(e.status, 'edit'), e.status);
      const seconds = body.hours === undefined ? undefined : parseDuration(body.hours);
      if (seconds === null) throw AppError.validation({ hours: durationProblem(body.hours!)! });
      // Moving to another project keeps the service unless the body names one; naming only a service changes it on this project.
      // A service named by name alone is a custom one (no catalog item).
      const work = body.projectId || body.catalogItemId !== undefined || body.serviceName !== undefined ? await workOn(tx, access.companyId, {
        projectId: body.projectId ?? e.projectId, serviceName: body.serviceName ?? e.serviceName,
        catalogItemId: body.catalogItemId !== undefined ? body.catalogItemId : body.serviceName !== undefined ? null : e.catalogItemId,
      }) : null;
      if (work && body.projectId && body.projectId !== e.projectId) activeOnly(work.project);
      // When it started: as given; moved with its day (same local time) when only the date changes; cleared by ''.
      const tz = await companyTimeZone(tx, access.companyId);
      const date = body.date ?? e.workDate;
      const startedAt = body.startTime !== undefined ? (body.startTime ? new Date(instantIn(tz, date, body.startTime)) : null)
        : body.date !== undefined && e.startedAt ? new Date(instantIn(tz, date, timeIn(tz, e.startedAt.getTime()))) : e.startedAt;
      if (body.date !== undefined || seconds !== undefined) await refuseOverfullDay(tx, access.companyId, e.userId, date, seconds ?? e.durationSeconds, id);
      if (startedAt && (body.startTime || body.date !== undefined || seconds !== undefined)) {
        await refuseOverlap(tx, access, tz, startedAt, seconds ?? e.durationSeconds, body.confirmOverlap, id);
      }
      await updateTimeEntry(tx, access.companyId, id, {
        ...(work && { projectId: work.project.id, clientId: work.client?.id ?? null, catalogItemId: work.catalogItemId, serviceName: work.serviceName }),
        ...(seconds !== undefined && { durationSeconds: seconds }),
        ...(startedAt?.getTime() !== e.startedAt?.getTime() && { startedAt }),
        ...(body.notes !== undefined && { notes: body.notes }),
        ...(body.date !== undefined && { workDate: body.date }),
        ...(body.billable !== undefined && { billable: body.billable }),
      });
      return viewOf(tx, access.companyId, id);
    });
    return c.json(view, 200);
  })
  .openapi(remove, async (c) => {
    const access = requireCompany(c, 'time.track');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const e = await entryFor(tx, access, id, true);
      refuse(transitionProblem(e.status, 'delete'), e.status);
      await deleteTimeEntry(tx, access.companyId, id);
    });
    return c.body(null, 204);
  })
  .openapi(submit, async (c) => {
    const access = requireCompany(c, 'time.track');
    const { id } = c.req.valid('param');
    const view = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const e = await entryFor(tx, access, id, true);
      refuse(transitionProblem(e.status, 'submit'), e.status);
      await updateTimeEntry(tx, access.companyId, id, { status: 'submitted', submittedAt: new Date(), rejectionReason: null });
      return viewOf(tx, access.companyId, id);
    });
    return c.json(view, 200);
  })
  .openapi(approve, async (c) => {
    const access = requireCompany(c, 'time.approve');
    const { id } = c.req.valid('param');
    const view = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const e = await entryFor(tx, access, id, false);
      refuse(transitionProblem(e.status, 'approve'), e.status);
      await updateTimeEntry(tx, access.companyId, id, { status: 'approved', approvedAt: new Date(), approvedBy: access.userId });
      await recordAudit(tx, { companyId: access.companyId, ...auditBy(c, access.userId), action: 'time.approved', objectType: 'time_entry', objectId: id, before: { status: e.status }, after: { status: 'approved' } });
      return viewOf(tx, access.companyId, id);
    });
    return c.json(view, 200);
  })
  .openapi(reject, async (c) => {
    const access = requireCompany(c, 'time.approve');
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const view = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const e = await entryFor(tx, access, id, false);
      refuse(transitionProblem(e.status, 'reject'), e.status);
      await updateTimeEntry(tx, access.companyId, id, { status: 'draft', approvedAt: null, approvedBy: null, submittedAt: null, rejectionReason: reason });
      await recordAudit(tx, { companyId: access.companyId, ...auditBy(c, access.userId), action: 'time.rejected', objectType: 'time_entry', objectId: id, before: { status: e.status }, after: { status: 'draft', reason } });
      return viewOf(tx, access.companyId, id);
    });
    return c.json(view, 200);
  })
  .openapi(sheet, async (c) => {
    const access = requireCompany(c, 'time.track');
    const q = c.req.valid('query');
    const userId = q.userId && q.userId !== access.userId ? (requireCompany(c, 'time.approve'), q.userId) : access.userId;
    const result = await withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
      const days = weekOf(q.week ?? (await companyDay(tx, access.companyId)));
      const rows = await weekTotals(tx, access.companyId, userId, days[0]!, days[6]!);
      const byKey = new Map<string, { project: { id: string; label: string }; serviceName: string; seconds: number[]; total: number }>();
      for (const row of rows) {
        const key = `${row.projectId}\u0000${row.serviceName}`;
        const line = byKey.get(key) ?? { project: { id: row.projectId, label: projectLabel(row.projectNumber, row.projectName) }, serviceName: row.serviceName, seconds: days.map(() => 0), total: 0 };
        line.seconds[days.indexOf(row.workDate)]! += row.seconds;
        line.total += row.seconds;
        byKey.set(key, line);
      }
      const lines = [...byKey.values()];
      const totals = days.map((_, i) => lines.reduce((sum, l) => sum + l.seconds[i]!, 0));
      return { weekStart: days[0]!, days, rows: lines, totals, total: totals.reduce((a, b) => a + b, 0) };
    });
    return c.json(result, 200);
  })
  .openapi(getSettings, async (c) => {
    const { companyId } = requireCompany(c, 'company.view');
    const s = (await withTenant(c.var.deps.database.db, companyId, (tx) => timeSettings(tx, companyId)))!;
    return c.json({ roundingIncrementMinutes: s.roundingIncrementMinutes, roundingMode: s.roundingMode, timerAutoStopHours: s.timerAutoStopHours }, 200);
  })
  .openapi(putSettings, async (c) => {
    const { companyId, userId } = requireCompany(c, 'company.settings');
    const patchBody = c.req.valid('json');
    const s = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const before = (await timeSettings(tx, companyId))!;
      await updateTimeSettings(tx, companyId, patchBody);
      const after = (await timeSettings(tx, companyId))!;
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'company.time_settings_changed', objectType: 'company', objectId: companyId, before, after });
      return after;
    });
    return c.json({ roundingIncrementMinutes: s.roundingIncrementMinutes, roundingMode: s.roundingMode, timerAutoStopHours: s.timerAutoStopHours }, 200);
  });
