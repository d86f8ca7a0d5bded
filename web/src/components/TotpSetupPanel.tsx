import { onMount } from 'solid-js';
import { createForm } from '../form';
import { enableTotp, type TotpSetup } from '../identityApi';
import FormField from './FormField';
import FormShell from './FormShell';
import SubmitButton from './SubmitButton';

/** Step 2 of enrolment: scan the QR (or type the secret), then confirm with a code. */
export default function TotpSetupPanel(props: {
  setup: TotpSetup;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  const form = createForm({
    fields: ['password', 'code'] as const,
    idPrefix: 'totp',
    submit: async (v) => {
      const result = await enableTotp(v.password, v.code.replace(/\s+/g, ''));
      props.onEnabled(result.recoveryCodes);
    },
  });

  return (
    <div class="totp-setup">
      <h3 ref={heading} tabIndex={-1}>
        Scan this QR code
      </h3>
      <ol class="steps-list">
        <li>Open an authenticator app (such as 1Password, Google Authenticator or Authy) and add an account.</li>
        <li>Scan the QR code, or enter the key below by hand.</li>
        <li>Type the 6-digit code the app shows, and your password to confirm it is you.</li>
      </ol>
      <div class="totp-setup-grid">
        {/* qrSvg is an <svg> produced by our own server. */}
        <div class="totp-qr" role="img" aria-label="QR code for your authenticator app" innerHTML={props.setup.qrSvg} />
        <div class="totp-manual">
          <p class="field-label" id="totp-secret-label">
            Key for manual entry
          </p>
          <code class="totp-secret" aria-labelledby="totp-secret-label">
            {props.setup.secret}
          </code>
          <p class="small">
            <a href={props.setup.otpauthUrl}>Open in an authenticator app on this device</a>
          </p>
        </div>
      </div>
      <FormShell form={form} class="form form-narrow">
        <FormField
          {...form.field('code')}
          label="Authentication code"
          hint="The 6-digit code from your authenticator app"
          autocomplete="one-time-code"
          inputMode="numeric"
          maxLength={10}
          required
        />
        <FormField
          {...form.field('password')}
          label="Your password"
          type="password"
          autocomplete="current-password"
          hint="Other devices signed in to your account are signed out."
          required
        />
        <div class="button-row">
          <SubmitButton pending={form.pending()} working="Enabling…">
            Enable two-factor
          </SubmitButton>
          <button type="button" class="btn btn-secondary" onClick={() => props.onCancel()} disabled={form.pending()}>
            Cancel
          </button>
        </div>
      </FormShell>
    </div>
  );
}
