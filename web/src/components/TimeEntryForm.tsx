import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { createActiveProjects } from '../activeProjects';
import { ApiError } from '../api';
import { formatDay, todayIso } from '../dates';
import { formatHm } from '../duration';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { getInvoicingSettings } from '../invoicingApi';
import { serviceChoice, serviceOptions, toServiceField } from '../serviceChoice';
import { useSession } from '../session';
import { createTimeEntry, updateTimeEntry, type Project, type TimeEntry, type TimeEntryInput } from '../workApi';
import CheckboxField from './CheckboxField';
import FormField from './FormField';
import FormShell from './FormShell';
import InlineForm from './InlineForm';
import { LoadError, Loading, SuccessNote } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

const FIELDS = ['projectId', 'service', 'date', 'startTime', 'hours', 'notes', 'billable', 'confirmOverlap'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

interface TimeEntryFormProps {
  /** Editing this draft (inline, in its row of the entries table); absent for "Add time". */
  entry?: TimeEntry;
  onSaved: (entry: TimeEntry) => void;
  /** Editing only: close the form without saving. */
  onCancel?: () => void;
}

/**
 * "Add time" (a manual entry), or with `entry` the same fields for changing a draft.
 * A 409 OVERLAP shows the server's message and offers "Save anyway (overlaps another
 * entry)", which resubmits with confirmOverlap. An edit sends only the fields that
 * changed, so a value the form cannot show exactly (seconds of a timer entry, a
 * service no longer on the project) stays as it is unless the person touches it.
 */
export default function TimeEntryForm(props: TimeEntryFormProps) {
  const session = useSession();
  const idPrefix = props.entry ? `entry-${props.entry.id}` : 'entry';
  // The values the edit started from (set once the projects and time zone are in), to tell what changed.
  const [baseline, setBaseline] = createSignal<Values>();
  let companyZone: Promise<string> | undefined;
  const { projects, loadError, load } = createActiveProjects((only, all) => {
    const entry = props.entry;
    if (!entry) {
      if (only) chooseProject(only.id, all);
      return;
    }
    void (companyZone ?? Promise.resolve('')).then((zone) => {
      const start = valuesOf(entry, all, zone);
      form.reset(start);
      setBaseline(start);
    });
  });
  const [overlap, setOverlap] = createSignal(false);
  const [added, setAdded] = createSignal<string>();

  const form = createForm({
    fields: FIELDS,
    idPrefix,
    initial: { date: todayIso(), billable: 'true' },
    submit: async (v) => {
      setAdded(undefined);
      if (!v.projectId) invalidFields({ projectId: 'Choose a project.' });
      if (!v.hours.trim()) invalidFields({ hours: 'Enter the hours, like 1.5 or 1:30.' });
      const confirmOverlap = overlap() && v.confirmOverlap === 'true' ? { confirmOverlap: true } : {};
      try {
        const entry = props.entry;
        if (entry) {
          const changes = changesFrom(baseline()!, v);
          // Nothing to send: the row already shows these values.
          if (Object.keys(changes).length === 0) return props.onSaved(entry);
          const saved = await renameFieldErrors(updateTimeEntry(entry.id, { ...changes, ...confirmOverlap }), toServiceField);
          setOverlap(false);
          props.onSaved(saved);
          return;
        }
        const created = await renameFieldErrors(
          createTimeEntry({
            projectId: v.projectId,
            ...serviceChoice(v.service),
            date: v.date,
            ...(v.startTime.trim() ? { startTime: v.startTime.trim() } : {}),
            hours: v.hours.trim(),
            ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
            billable: v.billable === 'true',
            ...confirmOverlap,
          }),
          toServiceField,
        );
        setOverlap(false);
        form.reset({ projectId: v.projectId, service: v.service, date: v.date, billable: v.billable });
        setAdded(`Added ${formatHm(created.durationSeconds)} on ${formatDay(created.date)}.`);
        props.onSaved(created);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'OVERLAP') setOverlap(true);
        throw err;
      }
    },
  });

  onMount(() => {
    // A start time is typed (and shown) in the company's time zone, as the API reads it; only an entry with one needs it.
    if (props.entry?.startedAt) companyZone = getInvoicingSettings().then((s) => s.timeZone, () => '');
    void load();
  });

  const chooseProject = (id: string, list = projects() ?? []) => {
    const project = list.find((p) => p.id === id);
    // Editing keeps the service when the new project offers it too; otherwise the service belongs to the old project.
    const keep = props.entry && serviceOptions(project).some((o) => o.value === form.values.service);
    form.set('projectId', id);
    if (!keep) form.set('service', '');
    if (project) form.set('billable', project.billingType === 'non_billable' ? '' : 'true');
  };

  const selected = () => projects()?.find((p) => p.id === form.values.projectId);

  /** Active projects, plus (when editing) the draft's own project should it no longer be active, so the picker can show it. */
  const projectOptions = (list: Project[]) => {
    const options = list.map((p) => ({ value: p.id, label: p.label }));
    const own = props.entry?.project;
    return own && !list.some((p) => p.id === own.id) ? [{ value: own.id, label: `${own.label} (not active)` }, ...options] : options;
  };

  /** The project's services, plus (when editing) the draft's own service if the project no longer lists it. */
  const serviceChoices = () => {
    const options = [{ value: '', label: 'No service' }, ...serviceOptions(selected())];
    const start = baseline();
    if (props.entry && start?.service && form.values.projectId === start.projectId && !options.some((o) => o.value === start.service)) {
      options.push({ value: start.service, label: props.entry.serviceName });
    }
    return options;
  };

  const fields = (list: Project[]) => (
    <>
      <div class="form-grid">
        <SelectField
          {...form.field('projectId')}
          onInput={(id) => chooseProject(id)}
          label="Project"
          placeholder="Choose a project"
          options={projectOptions(list)}
          required
        />
        <SelectField {...form.field('service')} label="Service" options={serviceChoices()} />
        <FormField {...form.field('date')} label="Date" type="date" required />
        <FormField {...form.field('startTime')} label="Start time" type="time" hint="Optional, HH:MM" />
        <FormField
          {...form.field('hours')}
          label="Hours"
          inputMode="decimal"
          autocomplete="off"
          hint="1.5, 1:30 or 90m"
          maxLength={10}
          required
        />
        <FormField {...form.field('notes')} label="Notes" autocomplete="off" maxLength={1000} />
      </div>
      <CheckboxField
        id={`${idPrefix}-billable`}
        name="billable"
        label="Billable"
        checked={form.values.billable === 'true'}
        onChange={(on) => form.set('billable', on ? 'true' : '')}
        error={form.field('billable').error}
      />
      <Show when={overlap()}>
        <CheckboxField
          id={`${idPrefix}-confirmOverlap`}
          name="confirmOverlap"
          label="Save anyway (overlaps another entry)"
          checked={form.values.confirmOverlap === 'true'}
          onChange={(on) => form.set('confirmOverlap', on ? 'true' : '')}
        />
      </Show>
    </>
  );

  return (
    <Show
      when={props.entry}
      fallback={
        <section class="card" aria-labelledby="add-time-title">
          <h2 id="add-time-title">Add time</h2>
          <Switch fallback={<Loading label="Loading projects…" />}>
            <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
            <Match when={projects()?.length === 0}>
              <p class="muted">
                No active projects to log time against
                <Show when={session.can('projects.manage')} fallback=".">
                  {' — '}
                  <A href="/projects/new">Create a project</A>
                </Show>
              </p>
            </Match>
            <Match when={projects()}>
              {(list) => (
                <FormShell form={form} class="form time-entry-form" labelledBy="add-time-title">
                  {fields(list())}
                  <div class="button-row">
                    <SubmitButton pending={form.pending()} working="Adding…">
                      Add entry
                    </SubmitButton>
                  </div>
                  <SuccessNote message={added()} />
                </FormShell>
              )}
            </Match>
          </Switch>
        </section>
      }
    >
      {(entry) => (
        <Switch fallback={<Loading label="Loading projects…" />}>
          <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
          <Match when={baseline() && projects()}>
            {(list) => (
              <InlineForm
                form={form}
                class="time-entry-edit"
                label={`Edit ${entry().project.label}, ${formatDay(entry().date)}, ${formatHm(entry().durationSeconds)}`}
                saveText="Save entry"
                // Hours and notes are what people most often come back to fix.
                focusId={`${idPrefix}-hours`}
                onCancel={() => props.onCancel?.()}
              >
                {fields(list())}
              </InlineForm>
            )}
          </Match>
        </Switch>
      )}
    </Show>
  );
}

/** The form's values for a saved entry: its service as the picker names it, its start in the company's time zone. */
function valuesOf(entry: TimeEntry, projects: Project[], zone: string): Values {
  const project = projects.find((p) => p.id === entry.project.id);
  const service = serviceOptions(project).find((o) => o.label === entry.serviceName)?.value ?? (entry.serviceName ? `name:${entry.serviceName}` : '');
  return {
    projectId: entry.project.id,
    service,
    date: entry.date,
    startTime: entry.startedAt ? clockTime(entry.startedAt, zone) : '',
    hours: formatHm(entry.durationSeconds),
    notes: entry.notes,
    billable: entry.billable ? 'true' : '',
    confirmOverlap: '',
  };
}

/** "HH:MM" of an instant in `zone` (the browser's when it is unknown or not one the browser knows). */
function clockTime(iso: string, zone: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', zone ? { ...options, timeZone: zone } : options);
  } catch {
    format = new Intl.DateTimeFormat('en-GB', options);
  }
  const parts = format.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}

/** The PATCH body: only what differs from where the edit started. */
function changesFrom(was: Values, v: Values): Partial<TimeEntryInput> {
  const changed = (f: Field) => v[f].trim() !== was[f].trim();
  // The API keeps the service on a project move unless told otherwise, so a move always says which service (none is '').
  const service = changed('service') || changed('projectId');
  return {
    ...(changed('projectId') && { projectId: v.projectId }),
    ...(service && (v.service ? serviceChoice(v.service) : { serviceName: '' })),
    ...(changed('date') && { date: v.date }),
    ...(changed('startTime') && { startTime: v.startTime.trim() }),
    ...(changed('hours') && { hours: v.hours.trim() }),
    ...(changed('notes') && { notes: v.notes.trim() }),
    ...(changed('billable') && { billable: v.billable === 'true' }),
  };
}
