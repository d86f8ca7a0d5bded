import { createSignal, onMount, Show } from 'solid-js';
import { occurrenceDates, seriesStart } from '../../../domain/recurring';
import { errorMessage } from '../action';
import { todayIso } from '../dates';
import { createLineEditor, discountBody, discountValues, previewTotals } from '../documentLines';
import { createForm } from '../form';
import { companyCurrency } from '../invoicingApi';
import { createRecurring, FREQUENCY_OPTIONS, updateRecurring, type RecurringFrequency, type RecurringSeries, type RecurringSeriesDetail } from '../recurringApi';
import { getProject, listProjects, type Project } from '../workApi';
import CheckboxField from './CheckboxField';
import ClientPicker, { type PickedClient } from './ClientPicker';
import DayList from './DayList';
import { DiscountFields, LinesEditor, TaxInclusiveField, TotalsList } from './DocumentLines';
import FormField from './FormField';
import FormShell from './FormShell';
import { LoadError, Loading } from './PageStatus';
import SelectField from './SelectField';
import FormActions from './FormActions';
import TextAreaField from './TextAreaField';

const FIELDS = [
  'name', 'clientId', 'projectId', 'frequency', 'startDate', 'endDate', 'autoSend', 'taxInclusive',
  'lines', 'discountKind', 'discount', 'notes', 'terms',
] as const;
const PREVIEW_COUNT = 3;

/**
 * A recurring series: who, how often, from and until when, the lines every invoice copies. Given
 * `series`, it edits that one: the client and the calendar stay (a different client or calendar is
 * a new series); everything later occurrences copy can change.
 */
export default function RecurringForm(props: { series?: RecurringSeriesDetail; onSaved: (series: RecurringSeries) => void; onCancel: () => void }) {
  const editing = props.series;
  const [client, setClient] = createSignal<PickedClient>();
  const [projects, setProjects] = createSignal<Project[]>([]);
  const [loadError, setLoadError] = createSignal<string>();
  const [autoSend, setAutoSend] = createSignal(editing?.autoSend ?? false);
  const [taxInclusive, setTaxInclusive] = createSignal(editing?.template.taxInclusive ?? false);
  const editor = createLineEditor({ idPrefix: 'recurring', lines: editing?.template.lines });

  // A new series waits for nothing (the client picker loads its own); an edit shows its project, so it waits for the client's.
  const [ready, setReady] = createSignal(!editing);
  const loadProjects = async () => {
    if (!editing) return;
    setLoadError(undefined);
    try {
      const live = (await listProjects({ clientId: editing.clientId, limit: 200 })).items;
      // The series' own project stays choosable even if it has been deleted since (a new choice must be live).
      const own = editing.projectId && !live.some((p) => p.id === editing.projectId) ? await getProject(editing.projectId).catch(() => null) : null;
      setProjects(own ? [...live, { ...own, label: `${own.label} (deleted)` }] : live);
      setReady(true);
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the projects.'));
    }
  };
  // Until a client is chosen, totals show in the company's currency (the one new clients start in).
  const [companyDefault, setCompanyDefault] = createSignal<string>();
  onMount(() => {
    void loadProjects();
    if (!editing) void companyCurrency().then(setCompanyDefault, () => undefined);
  });

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'recurring',
    initial: editing
      ? {
          name: editing.name, clientId: editing.clientId, projectId: editing.projectId ?? '', frequency: editing.frequency, startDate: editing.startDate,
          endDate: editing.endDate ?? '', notes: editing.template.notes, terms: editing.template.terms, ...discountValues(editing.template.discount),
        }
      : { frequency: 'monthly', startDate: todayIso() },
    submit: async (v) => {
      editor.clearErrors();
      // What an edit may change; a new series adds its client, frequency and start.
      const series = {
        name: v.name,
        projectId: v.projectId || null,
        endDate: v.endDate || null,
        autoSend: autoSend(),
        taxInclusive: taxInclusive(),
        discount: discountBody(v.discountKind, v.discount),
        notes: v.notes,
        terms: v.terms,
        lines: editor.body(),
      };
      if (editing) return props.onSaved(await updateRecurring(editing.id, series).catch(editor.placeErrors));
      const saved = await createRecurring({
        ...series, clientId: v.clientId, frequency: v.frequency as RecurringFrequency, startDate: v.startDate,
      }).catch(editor.placeErrors);
      props.onSaved(saved);
    },
  });

  const currency = () => client()?.currency ?? companyDefault() ?? 'USD';
  const chooseClient = async (id: string) => {
    form.set('clientId', id);
    form.set('projectId', '');
    setProjects([]);
    if (!id) return;
    try {
      const page = await listProjects({ clientId: id, limit: 200 });
      if (form.values.clientId === id) setProjects(page.items);
    } catch {
      // The project is optional: without the list, the series is simply not tied to one.
    }
  };

  /** The first dates it will run, when it starts today or later (29th–31st become the 28th, as the server does). */
  const preview = () => {
    const start = form.values.startDate;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || start < todayIso()) return undefined;
    const end = form.values.endDate || null;
    if (end && end < start) return undefined;
    return occurrenceDates(form.values.frequency as RecurringFrequency, seriesStart(start), PREVIEW_COUNT, end);
  };

  const totals = () => previewTotals(editor.lines, discountBody(form.values.discountKind, form.values.discount), taxInclusive());

  return (
    <section class="card recurring-form-card">
      <Show when={!loadError()} fallback={<LoadError message={loadError()!} onRetry={() => void loadProjects()} />}>
        <Show when={ready()} fallback={<Loading label="Loading projects…" />}>
          <FormShell form={form} class="form recurring-form" label={editing ? `Edit ${editing.name}` : 'New recurring invoice'}>
            <Show when={editing}>
              <p class="small muted">Changes apply to the invoices made from now on; those already made keep what they were made with. To change the client or the calendar, end this series and start a new one.</p>
            </Show>
            <div class="form-row">
              <FormField {...form.field('name')} label="Name" maxLength={200} hint="For you, e.g. “Monthly retainer”." />
              <SelectField {...form.field('frequency')} label="Frequency" options={FREQUENCY_OPTIONS} disabled={!!editing} />
            </div>
            <div class="form-row">
              <ClientPicker
                {...form.field('clientId')}
                onInput={(id) => void chooseClient(id)}
                onClient={(picked) => setClient(picked)}
                placeholder="Choose a client"
                disabled={!!editing}
              />
              <SelectField
                {...form.field('projectId')}
                label="Project (optional)"
                options={[{ value: '', label: 'No project' }, ...projects().map((p) => ({ value: p.id, label: p.label }))]}
                disabled={!form.values.clientId}
              />
            </div>
            <div class="form-row">
              <FormField
                {...form.field('startDate')}
                type="date"
                label="Start date"
                disabled={!!editing}
                hint="The first invoice's date; the rest fall on the same day. Days 29–31 run on the 28th, so short months are not skipped."
              />
              <FormField {...form.field('endDate')} type="date" label="End date (optional)" hint="Leave empty to keep going until you end it." />
            </div>
            <Show
              when={!editing && preview()}
              fallback={
                <Show when={!editing && form.values.startDate && form.values.startDate < todayIso()}>
                  <p class="small muted recurring-preview">No invoices are made for dates that have already passed.</p>
                </Show>
              }
            >
              {(dates) => (
                <p class="small recurring-preview">
                  <Show when={dates().length > 0} fallback="No dates fall between the start and end dates.">
                    First invoices: <DayList days={dates()} />
                    {dates().length === PREVIEW_COUNT ? ', …' : ''}
                  </Show>
                </p>
              )}
            </Show>

            <CheckboxField
              id="recurring-autoSend"
              name="autoSend"
              label="Send each invoice automatically"
              hint="Emailed to the client with the PDF as soon as it is made; otherwise each waits as a draft for you to send."
              checked={autoSend()}
              onChange={setAutoSend}
              error={form.field('autoSend').error}
            />
            <Show when={autoSend() && client() && !client()!.email}>
              <p class="notice notice-warning">{client()!.name} has no email address: add one on the client page, or the invoices cannot be sent.</p>
            </Show>
            <TaxInclusiveField id="recurring-taxInclusive" checked={taxInclusive()} onChange={setTaxInclusive} error={form.field('taxInclusive').error} />

            <h2 class="section-title">Lines</h2>
            <p class="small muted">Every invoice in the series copies these lines.</p>
            <LinesEditor editor={editor} totals={previewTotals(editor.lines, null, taxInclusive())} currency={currency()} error={form.field('lines').error} />
            <DiscountFields kind={form.field('discountKind')} value={form.field('discount')} />
            <TotalsList totals={totals()} currency={currency()} taxInclusive={taxInclusive()} />

            <TextAreaField {...form.field('notes')} label="Notes" maxLength={5000} />
            <TextAreaField {...form.field('terms')} label="Terms" maxLength={5000} />

            <FormActions pending={form.pending()} working="Saving…" onCancel={() => props.onCancel()}>
              {editing ? 'Save changes' : 'Save recurring invoice'}
            </FormActions>
          </FormShell>
        </Show>
      </Show>
    </section>
  );
}
