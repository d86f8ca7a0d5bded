/**
 * Time from CSV, as draft entries: the person by member email (blank: you),
 * the project by number or name, the service by name (the project's, else the
 * catalog's). Other people's time needs time.approve, as their entries do.
 * The rules of a typed-in entry hold: an active project, and a person's day
 * at most 24 hours with what is recorded already and the file's other rows.
 */
import { listCatalog } from '../../db/clients';
import { listMembers } from '../../db/members';
import { allProjectServices, listProjects } from '../../db/projects';
import { dayTotalsByPerson, insertTimeEntry, type TimeEntryInput } from '../../db/time-entries';
import { matchByName, parseYesNo } from '../../domain/csv-import';
import { isDay } from '../../domain/dates';
import { can } from '../../domain/permissions';
import { billableByDefault } from '../../domain/projects';
import { durationProblem, formatHm, parseDuration } from '../../domain/time-entries';
import type { ImportSpec } from '../csv-import';
import type { CompanyAccess } from '../guards';

export const TIME_COLUMNS = ['date', 'person', 'project', 'service', 'hours', 'notes', 'billable'] as const;

type Project = { id: string; number: string; name: string; clientId: string | null; billingType: string; status: string };
type Service = { catalogItemId: string | null; name: string };
interface Ctx {
  access: CompanyAccess;
  members: { userId: string; email: string }[];
  projects: Project[];
  servicesOf: Map<string, Service[]>;
  catalog: { id: string; name: string }[];
  /** Seconds per `userId|date`: recorded already, then each accepted row of this file added as it is checked. */
  dayTotals: Map<string, number>;
}

/** By number ("P-00001"), by the label the export writes ("P-00001 · Site"), then by exact name. */
function findProject(projects: Project[], cell: string): { project: Project } | { problem: string } {
  const byNumber = (n: string) => projects.find((p) => p.number.toLowerCase() === n.trim().toLowerCase());
  const numbered = byNumber(cell) ?? byNumber(cell.split(' · ')[0]!);
  if (numbered) return { project: numbered };
  const found = matchByName(projects, cell, (p) => p.name);
  if ('item' in found) return { project: found.item };
  return {
    problem: found.problem === 'none'
      ? `No project “${cell}”. Use its number, like P-00001, or its exact name.`
      : `Several projects are named “${cell}”; use the project number instead.`,
  };
}

/** The project's own service of that name, else a catalog service; an empty cell is no service. */
function findService(ctx: Ctx, project: Project, cell: string): Service | null {
  if (!cell) return { catalogItemId: null, name: '' };
  const own = matchByName(ctx.servicesOf.get(project.id) ?? [], cell, (s) => s.name);
  if ('item' in own) return own.item;
  const item = matchByName(ctx.catalog, cell, (i) => i.name);
  return 'item' in item ? { catalogItemId: item.item.id, name: item.item.name } : null;
}

export const timeImport: ImportSpec<Ctx, TimeEntryInput> = {
  columns: TIME_COLUMNS,
  required: ['date', 'project', 'hours'],
  audit: { action: 'time.imported', objectType: 'time_entry' },
  // A blank person is whoever imports: two people may import one file, each their own time.
  sameFileIs: 'person',
  async load(tx, access) {
    const { companyId } = access;
    const services = await allProjectServices(tx, companyId);
    const servicesOf = new Map<string, Service[]>();
    for (const s of services) servicesOf.set(s.projectId, [...(servicesOf.get(s.projectId) ?? []), s]);
    return {
      access,
      members: await listMembers(tx, companyId),
      projects: await listProjects(tx, companyId, { limit: 1_000_000 }),
      servicesOf,
      catalog: (await listCatalog(tx, companyId, { limit: 1_000_000 })).filter((i) => i.type === 'service'),
      dayTotals: await dayTotalsByPerson(tx, companyId),
    };
  },
  check(r, ctx) {
    const errors: Record<string, string> = {};
    const date = r.date ?? '';
    if (!isDay(date)) errors.date = 'Use a real date, YYYY-MM-DD.';

    let userId = ctx.access.userId;
    if (r.person) {
      const member = ctx.members.find((m) => m.email.toLowerCase() === r.person!.toLowerCase());
      if (!member) errors.person = `No member of the company has the email ${r.person}.`;
      else if (member.userId !== ctx.access.userId && !can(ctx.access.role, 'time.approve')) errors.person = 'You can import only your own time; a manager can import other people’s.';
      else userId = member.userId;
    }

    const found = r.project ? findProject(ctx.projects, r.project) : { problem: 'Name the project, by number (P-00001) or name.' };
    const project = 'project' in found ? found.project : null;
    if (!project) errors.project = (found as { problem: string }).problem;
    else if (project.status !== 'active') errors.project = `${project.number} · ${project.name} is not active; time goes on active projects.`;
    const service = project ? findService(ctx, project, r.service ?? '') : null;
    if (project && !service) errors.service = `No service “${r.service}” on ${project.number} or in the catalog.`;

    const hoursProblem = durationProblem(r.hours ?? '');
    if (hoursProblem) errors.hours = hoursProblem;
    if ((r.notes ?? '').length > 2000) errors.notes = 'Keep the notes under 2000 characters.';
    const billable = parseYesNo(r.billable ?? '');
    if (billable === null) errors.billable = 'Use yes or no.';

    const label = [date, project?.number ?? r.project, r.hours].filter(Boolean).join(' · ');
    if (Object.keys(errors).length || !project || !service) return { label, errors };
    const seconds = parseDuration(r.hours!)!;
    const day = `${userId}|${date}`;
    const already = ctx.dayTotals.get(day) ?? 0;
    if (already + seconds > 86_400) return { label, errors: { hours: `${date} already holds ${formatHm(already)} for this person; with this row it would hold more than 24 hours.` } };
    ctx.dayTotals.set(day, already + seconds);
    return {
      label,
      value: {
        userId, projectId: project.id, clientId: project.clientId, catalogItemId: service.catalogItemId, serviceName: service.name,
        notes: r.notes ?? '', workDate: date, startedAt: null, durationSeconds: seconds,
        billable: billable ?? billableByDefault(project.billingType), status: 'draft',
      },
    };
  },
  async write(tx, rows, _ctx, { companyId }) {
    for (const row of rows) await insertTimeEntry(tx, companyId, row);
  },
};
