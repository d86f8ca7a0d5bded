import { createForm } from '../form';
import FormField from './FormField';
import FormShell from './FormShell';
import SubmitButton from './SubmitButton';

/**
 * A sensitive action the user confirms with their password (regenerate codes,
 * turn off 2FA): heading, explanation, password field and one button. The field
 * is cleared as soon as the action succeeds, before `onDone` sees its result.
 */
export default function PasswordConfirmedForm<R>(props: {
  idPrefix: string;
  title: string;
  intro: string;
  buttonClass: string;
  text: string;
  working: string;
  action: (password: string) => Promise<R>;
  /** Awaited when it returns a promise, so the button stays busy until it settles. */
  onDone: (result: R) => unknown;
}) {
  const form = createForm({
    fields: ['password'] as const,
    idPrefix: props.idPrefix,
    submit: async (v) => {
      const result = await props.action(v.password);
      form.reset();
      await props.onDone(result);
    },
  });
  const titleId = `${props.idPrefix}-title`;

  return (
    <div class="subsection">
      <h3 id={titleId}>{props.title}</h3>
      <p class="muted small">{props.intro}</p>
      <FormShell form={form} class="form form-narrow" labelledBy={titleId}>
        <FormField {...form.field('password')} label="Password" type="password" autocomplete="current-password" required />
        <div class="button-row">
          <SubmitButton pending={form.pending()} working={props.working} class={props.buttonClass}>
            {props.text}
          </SubmitButton>
        </div>
      </FormShell>
    </div>
  );
}
