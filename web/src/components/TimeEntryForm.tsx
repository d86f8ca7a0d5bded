import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { createActiveProjects } from '../activeProjects';
import { ApiError } from '../api';
import { formatDay, todayIso } from '../dates';
import { formatHm } from '../duration';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { serviceChoice, serviceOptions, toServiceField } from '../serviceChoice';
import { useSession } from '../session';
import { createTimeEntry, type TimeEntry } from '../workApi';
import CheckboxField from './CheckboxField';
import FormField from './FormField';
import FormShell from './FormShell';
import { LoadError, Loading, SuccessNote } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

const FIELDS = ['projectId', 'service', 'date', 'startTime', 'hours', 'notes', 'billable', 'confirmOverlap'] as const;

/**
 * "Add time": a manual entry. A 409 OVERLAP shows the server's message and offers
 * "Save anyway (overlaps another entry)", which resubmits with confirmOverlap.
 */
export default function TimeEntryForm(props: { onAdded: (entry: TimeEntry) => void }) {
  const session = useSession();
  const { projects, loadError, load } = createActiveProjects((only, all) => {
    if (only) chooseProject(only.id, all);
  });
  const [overlap, setOverlap] = createSignal(false);
  const [added, setAdded] = createSignal<string>();

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'entry',
    initial: { date: todayIso(), billable: 'true' },
    submit: async (v) => {
      setAdded(undefined);
      if (!v.projectId) invalidFields({ projectId: 'Choose a project.' });
      if (!v.hours.trim()) invalidFields({ hours: 'Enter the hours, like 1.5 or 1:30.' });
      try {
        const entry = await renameFieldErrors(
          createTimeEntry({
            projectId: v.projectId,
            ...serviceChoice(v.service),
            date: v.date,
            ...(v.startTime.trim() ? { startTime: v.startTime.trim() } : {}),
            hours: v.hours.trim(),
            ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
            billable: v.billable === 'true',
            ...(overlap() && v.confirmOverlap === 'true' ? { confirmOverlap: true } : {}),
          }),
          toServiceField,
        );
        setOverlap(false);
        form.reset({ projectId: v.projectId, service: v.service, date: v.date, billable: v.billable });
        setAdded(`Added ${formatHm(entry.durationSeconds)} on ${formatDay(entry.date)}.`);
        props.onAdded(entry);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'OVERLAP') setOverlap(true);
        throw err;
      }
    },
  });

  onMount(load);

  const chooseProject = (id: string, list = projects() ?? []) => {
    form.set('projectId', id);
    form.set('service', '');
    const project = list.find((p) => p.id === id);
    if (project) form.set('billable', project.billingType === 'non_billable' ? '' : 'true');
  };

  const selected = () => projects()?.find((p) => p.id === form.values.projectId);

  return (
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
            <>
              <FormShell form={form} class="form time-entry-form" labelledBy="add-time-title">
                <div class="form-grid">
                  <SelectField
                    {...form.field('projectId')}
                    onInput={(id) => chooseProject(id)}
                    label="Project"
                    placeholder="Choose a project"
                    options={list().map((p) => ({ value: p.id, label: p.label }))}
                    required
                  />
                  <SelectField
                    {...form.field('service')}
                    label="Service"
                    options={[{ value: '', label: 'No service' }, ...serviceOptions(selected())]}
                  />
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
                  id="entry-billable"
                  name="billable"
                  label="Billable"
                  checked={form.values.billable === 'true'}
                  onChange={(on) => form.set('billable', on ? 'true' : '')}
                  error={form.field('billable').error}
                />
                <Show when={overlap()}>
                  <CheckboxField
                    id="entry-confirmOverlap"
                    name="confirmOverlap"
                    label="Save anyway (overlaps another entry)"
                    checked={form.values.confirmOverlap === 'true'}
                    onChange={(on) => form.set('confirmOverlap', on ? 'true' : '')}
                  />
                </Show>
                <div class="button-row">
                  <SubmitButton pending={form.pending()} working="Adding…">
                    Add entry
                  </SubmitButton>
                </div>
                <SuccessNote message={added()} />
              </FormShell>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
