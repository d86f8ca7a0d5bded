import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { createForm } from '../form';
import { invalidFields } from '../formErrors';
import { ROUNDING_INCREMENT_OPTIONS, ROUNDING_MODE_OPTIONS } from '../rounding';
import { useSession } from '../session';
import { getTimeSettings, updateTimeSettings, type RoundingIncrement, type RoundingMode, type TimeSettings } from '../workApi';
import FormField from './FormField';
import FormShell from './FormShell';
import { LoadError, Loading, SuccessNote } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

/** Company settings → "Time tracking": billing rounding and the timer's auto-stop (edit needs company.settings). */
export default function TimeSettingsSection() {
  const session = useSession();
  const canEdit = () => session.can('company.settings');
  const [settings, setSettings] = createSignal<TimeSettings>();
  const [loadError, setLoadError] = createSignal<string>();
  const [saved, setSaved] = createSignal<string>();

  const form = createForm({
    fields: ['roundingIncrementMinutes', 'roundingMode', 'timerAutoStopHours'] as const,
    idPrefix: 'time-settings',
    submit: async (v) => {
      setSaved(undefined);
      const hours = v.timerAutoStopHours.trim();
      if (!/^\d+$/.test(hours)) invalidFields({ timerAutoStopHours: 'Enter whole hours, from 1 to 24.' });
      fill(
        await updateTimeSettings({
          roundingIncrementMinutes: Number(v.roundingIncrementMinutes) as RoundingIncrement,
          roundingMode: v.roundingMode as RoundingMode,
          timerAutoStopHours: Number(hours),
        }),
      );
      setSaved('Time settings saved.');
    },
  });

  const fill = (next: TimeSettings) => {
    setSettings(next);
    form.reset({
      roundingIncrementMinutes: String(next.roundingIncrementMinutes),
      roundingMode: next.roundingMode,
      timerAutoStopHours: String(next.timerAutoStopHours),
    });
  };

  const load = async () => {
    setLoadError(undefined);
    try {
      fill(await getTimeSettings());
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the time settings.'));
    }
  };
  onMount(load);

  return (
    <section class="card settings-section" aria-labelledby="time-settings-title">
      <h2 id="time-settings-title">Time tracking</h2>
      <p class="card-intro">
        Rounding changes the billed time shown beside each entry; the time people record is never changed.
        <Show when={!canEdit()}> Only owners and admins can change these settings.</Show>
      </p>
      <Switch fallback={<Loading label="Loading time settings…" />}>
        <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
        <Match when={settings()}>
          <FormShell form={form} class="form form-narrow" labelledBy="time-settings-title">
            <SelectField {...form.field('roundingIncrementMinutes')} label="Rounding" options={ROUNDING_INCREMENT_OPTIONS} disabled={!canEdit()} />
            <SelectField {...form.field('roundingMode')} label="Rounding mode" options={ROUNDING_MODE_OPTIONS} disabled={!canEdit()} />
            <FormField
              {...form.field('timerAutoStopHours')}
              label="Auto-stop timer after (hours)"
              inputMode="numeric"
              hint="1 to 24. A timer left running this long stops by itself and saves a draft."
              disabled={!canEdit()}
            />
            <Show when={canEdit()}>
              <div class="button-row">
                <SubmitButton pending={form.pending()} working="Saving…">
                  Save time settings
                </SubmitButton>
              </div>
            </Show>
            <SuccessNote message={saved()} />
          </FormShell>
        </Match>
      </Switch>
    </section>
  );
}
