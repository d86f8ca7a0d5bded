import { createSignal } from 'solid-js';
import { roleLabel } from '../format';
import { createForm } from '../form';
import { ASSIGNABLE_ROLES, createInvitation, type AssignableRole, type Invitation } from '../identityApi';
import FormField from './FormField';
import FormShell from './FormShell';
import { SuccessNote } from './PageStatus';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

const roleOptions = ASSIGNABLE_ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

/** Invite someone by email. A full plan answers 422 SEAT_LIMIT, shown as the form's error. */
export default function InviteForm(props: { onInvited: (invitation: Invitation) => void }) {
  const [sent, setSent] = createSignal<string>();
  const form = createForm({
    fields: ['email', 'role'] as const,
    idPrefix: 'invite',
    initial: { role: 'staff' },
    submit: async (v) => {
      setSent(undefined);
      const email = v.email.trim();
      const invitation = await createInvitation({ email, role: v.role as AssignableRole });
      form.reset({ role: v.role });
      setSent(`Invitation sent to ${email}.`);
      props.onInvited(invitation);
    },
  });

  return (
    <section class="card settings-section" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a teammate</h2>
      <p class="card-intro">They get an email with a link to join. Each member uses one seat.</p>
      <FormShell form={form} class="form invite-form" labelledBy="invite-title">
        <div class="form-row">
          <FormField {...form.field('email')} label="Email" type="email" autocomplete="off" required />
          <SelectField {...form.field('role')} label="Role" options={roleOptions} required />
        </div>
        <div class="button-row">
          <SubmitButton pending={form.pending()} working="Sending…">
            Send invitation
          </SubmitButton>
        </div>
        <SuccessNote message={sent()} />
      </FormShell>
    </section>
  );
}
