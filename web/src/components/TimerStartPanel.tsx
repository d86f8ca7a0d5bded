import { A } from '@solidjs/router';
import { Match, onMount, Show, Switch } from 'solid-js';
import { createActiveProjects } from '../activeProjects';
import { ApiError } from '../api';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { serviceChoice, serviceOptions, toServiceField } from '../serviceChoice';
import { useSession } from '../session';
import { startTimer, type Timer } from '../workApi';
import FormField from './FormField';
import FormShell from './FormShell';
import { LoadError, Loading } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

interface TimerStartPanelProps {
  id: string;
  onStarted: (timer: Timer) => void;
  /** 409 (a timer already runs, perhaps from another tab): the top bar shows it and refreshes. */
  onConflict: (message: string) => void;
  onCancel: () => void;
}

/** The disclosure panel under "Start timer": project, optional service, notes. */
export default function TimerStartPanel(props: TimerStartPanelProps) {
  const session = useSession();
  const { projects, loadError, load } = createActiveProjects((only) => {
    if (only) form.set('projectId', only.id);
  });

  const form = createForm({
    fields: ['projectId', 'service', 'notes'] as const,
    idPrefix: 'timer',
    submit: async (v) => {
      if (!v.projectId) invalidFields({ projectId: 'Choose a project.' });
      try {
        const timer = await renameFieldErrors(
          startTimer({
            projectId: v.projectId,
            ...serviceChoice(v.service),
            ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
          }),
          toServiceField,
        );
        props.onStarted(timer);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          props.onConflict(err.message);
          return;
        }
        throw err;
      }
    },
  });

  onMount(() => {
    void load().then(() => document.getElementById('timer-projectId')?.focus());
  });

  const selected = () => projects()?.find((p) => p.id === form.values.projectId);
  const services = () => serviceOptions(selected());

  return (
    <div
      id={props.id}
      class="timer-panel"
      role="group"
      aria-label="Start a timer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <Switch fallback={<Loading label="Loading projects…" />}>
        <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
        <Match when={projects()?.length === 0}>
          <p class="muted">
            No active projects yet.{' '}
            <Show when={session.can('projects.manage')} fallback="Ask a manager to add you to one.">
              <A href="/projects/new" onClick={() => props.onCancel()}>
                Create a project
              </A>
            </Show>
          </p>
        </Match>
        <Match when={projects()}>
          {(list) => (
            <>
              <FormShell form={form} class="form timer-form">
                <SelectField
                  {...form.field('projectId')}
                  onInput={(value) => {
                    form.set('projectId', value);
                    form.set('service', '');
                  }}
                  label="Project"
                  placeholder="Choose a project"
                  options={list().map((p) => ({ value: p.id, label: p.label }))}
                  required
                />
                <Show when={services().length > 0}>
                  <SelectField
                    {...form.field('service')}
                    label="Service"
                    options={[{ value: '', label: 'No service' }, ...services()]}
                  />
                </Show>
                <FormField {...form.field('notes')} label="Notes" maxLength={500} autocomplete="off" />
                <div class="button-row">
                  <SubmitButton pending={form.pending()} working="Starting…" class="btn btn-primary btn-sm">
                    Start
                  </SubmitButton>
                  <button type="button" class="btn btn-secondary btn-sm" onClick={() => props.onCancel()}>
                    Cancel
                  </button>
                </div>
              </FormShell>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
