import { ApiError } from '../api';
import { createForm } from '../form';
import { transferOwnership, type Member } from '../identityApi';
import FormField from './FormField';
import FormShell from './FormShell';
import SelectField from './SelectField';

/** Owner only: hand the company to another member (you become an admin). */
export default function TransferOwnershipForm(props: {
  candidates: readonly Member[];
  companyName: string;
  onTransferred: (member: Member) => Promise<void>;
}) {
  const form = createForm({
    fields: ['userId', 'password'] as const,
    idPrefix: 'transfer',
    submit: async (v) => {
      const member = props.candidates.find((m) => m.userId === v.userId);
      if (!member) throw new ApiError(400, 'VALIDATION', 'Choose the new owner.', { userId: 'Choose the new owner.' });
      if (!window.confirm(`Make ${member.email} the owner of ${props.companyName}? You will become an admin.`)) return;
      await transferOwnership({ userId: v.userId, password: v.password });
      form.reset();
      await props.onTransferred(member);
    },
  });

  const options = () => props.candidates.map((m) => ({ value: m.userId, label: m.name ? `${m.name} (${m.email})` : m.email }));

  return (
    <section class="card settings-section danger-zone" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer ownership</h2>
      <p class="card-intro">The new owner controls billing and can remove anyone. You stay on as an admin.</p>
      <FormShell form={form} class="form form-narrow" labelledBy="transfer-title">
        <SelectField
          {...form.field('userId')}
          label="New owner"
          placeholder={props.candidates.length ? 'Choose a member' : 'No other members yet'}
          options={options()}
          required
          disabled={props.candidates.length === 0}
        />
        <FormField
          {...form.field('password')}
          label="Your password"
          type="password"
          autocomplete="current-password"
          required
        />
        <div class="button-row">
          <button type="submit" class="btn btn-danger" disabled={form.pending() || props.candidates.length === 0}>
            {form.pending() ? 'Transferring…' : 'Transfer ownership'}
          </button>
        </div>
      </FormShell>
    </section>
  );
}
