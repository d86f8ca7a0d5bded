import { createSignal, For, Show } from 'solid-js';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { centsToInput, formatCents } from '../money';
import type { Member } from '../identityApi';
import {
  createProject,
  updateProject,
  type BillingType,
  type CatalogItem,
  type Project,
  type ProjectCreateInput,
  type ProjectServiceInput,
  type ProjectStatus,
} from '../workApi';
import { overrideBody, overrideToValues } from '../rounding';
import { BILLING_TYPE_OPTIONS, PROJECT_STATUS_OPTIONS } from '../workLabels';
import CheckboxField from './CheckboxField';
import ClientPicker from './ClientPicker';
import FieldError from './FieldError';
import FormField from './FormField';
import FormShell from './FormShell';
import RoundingOverrideFields from './RoundingOverrideFields';
import SelectField from './SelectField';
import SubmitButton from './SubmitButton';

const FIELDS = [
  'name',
  'clientId',
  'status',
  'billingType',
  'hourlyRate',
  'flatFee',
  'budgetHours',
  'budgetAmount',
  'memberIds',
  'services',
  'customService',
  'roundingIncrementMinutes',
  'roundingMode',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

interface ProjectFormProps {
  project?: Project;
  /** Company members (for the member checkboxes), or undefined if they could not be loaded. */
  members: readonly Member[] | undefined;
  /** Active catalog services. */
  catalog: readonly CatalogItem[];
  /** Ticked for a new project (the person creating it). */
  defaultMemberId?: string;
  canEdit: boolean;
  onSaved: (project: Project) => void;
}

function toValues(p: Project | undefined): Partial<Values> {
  if (!p) return { status: 'active', billingType: 'hourly', ...overrideToValues(undefined) };
  return {
    name: p.name,
    clientId: p.client?.id ?? '',
    status: p.status,
    billingType: p.billingType,
    hourlyRate: centsToInput(p.hourlyRateCents),
    flatFee: centsToInput(p.flatFeeCents),
    budgetHours: p.budgetMinutes ? String(Math.round((p.budgetMinutes / 60) * 100) / 100) : '',
    budgetAmount: centsToInput(p.budgetCents),
    ...overrideToValues(p),
  };
}

/** Server names → form fields: "services.0.name" → "services", "memberIds.2" → "memberIds". */
const formFieldName = (name: string) => name.split('.')[0] ?? name;

/** Name, client, status, billing, budget, members and services of a project. */
export default function ProjectForm(props: ProjectFormProps) {
  const [memberIds, setMemberIds] = createSignal<ReadonlySet<string>>(
    new Set(props.project ? props.project.members.map((m) => m.userId) : props.defaultMemberId ? [props.defaultMemberId] : []),
  );
  const [catalogIds, setCatalogIds] = createSignal<ReadonlySet<string>>(
    new Set((props.project?.services ?? []).flatMap((s) => (s.catalogItemId ? [s.catalogItemId] : []))),
  );
  const [customNames, setCustomNames] = createSignal<readonly string[]>(
    (props.project?.services ?? []).filter((s) => !s.catalogItemId).map((s) => s.name),
  );

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'project',
    initial: toValues(props.project),
    submit: async (v) => {
      const creating = !props.project;
      // A new project leaves out what was left blank; an edit clears it ('' for amounts, null otherwise).
      const blank = creating ? undefined : null;
      const hours = v.budgetHours.trim();
      if (hours && !(Number(hours) >= 0)) invalidFields({ budgetHours: 'Enter a number of hours, like 40 or 12.5.' });
      const money = (text: string) => text.trim() || (creating ? undefined : '');
      const services: ProjectServiceInput[] = [
        ...[...catalogIds()].map((catalogItemId) => ({ catalogItemId })),
        ...customNames().map((name) => ({ name })),
      ];
      // A name typed but not yet added is meant to be included.
      const typed = v.customService.trim();
      if (typed && !customNames().some((n) => n.toLowerCase() === typed.toLowerCase())) {
        setCustomNames([...customNames(), typed]);
        services.push({ name: typed });
      }
      const body: ProjectCreateInput = {
        name: v.name.trim(),
        clientId: v.clientId || blank,
        status: v.status as ProjectStatus,
        billingType: v.billingType as BillingType,
        hourlyRate: v.billingType === 'hourly' ? money(v.hourlyRate) : undefined,
        flatFee: v.billingType === 'flat_fee' ? money(v.flatFee) : undefined,
        budgetHours: hours ? Number(hours) : blank,
        budgetAmount: money(v.budgetAmount),
        memberIds: [...memberIds()],
        services,
        ...overrideBody(v),
      };
      const clean = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as ProjectCreateInput;
      const saved = await renameFieldErrors(props.project ? updateProject(props.project.id, clean) : createProject(clean), formFieldName);
      form.reset(toValues(saved));
      setMemberIds(new Set(saved.members.map((m) => m.userId)));
      setCatalogIds(new Set(saved.services.flatMap((s) => (s.catalogItemId ? [s.catalogItemId] : []))));
      setCustomNames(saved.services.filter((s) => !s.catalogItemId).map((s) => s.name));
      props.onSaved(saved);
    },
  });

  const addCustom = () => {
    const name = form.values.customService.trim();
    if (!name) return;
    if (!customNames().some((n) => n.toLowerCase() === name.toLowerCase())) setCustomNames([...customNames(), name]);
    form.set('customService', '');
    document.getElementById('project-customService')?.focus();
  };

  /** Active catalog services, plus any the project already uses that are no longer active. */
  const serviceItems = () => {
    const active = props.catalog.filter((item) => item.type === 'service');
    const extra = (props.project?.services ?? [])
      .filter((s) => s.catalogItemId && !active.some((item) => item.id === s.catalogItemId))
      .map((s) => ({ id: s.catalogItemId as string, name: s.name, rateCents: null as number | null, currency: 'USD' }));
    return [...active.map((i) => ({ id: i.id, name: i.name, rateCents: i.rateCents as number | null, currency: i.currency })), ...extra];
  };

  const disabled = () => !props.canEdit;

  return (
    <>
      <FormShell form={form} class="form project-form" label={props.project ? `Edit ${props.project.label}` : 'New project'}>
        <div class="form-grid">
          <FormField {...form.field('name')} label="Name" autocomplete="off" maxLength={200} required disabled={disabled()} />
          <ClientPicker {...form.field('clientId')} noneLabel="No client" disabled={disabled()} />
          <SelectField {...form.field('status')} label="Status" options={PROJECT_STATUS_OPTIONS} disabled={disabled()} />
          <SelectField {...form.field('billingType')} label="Billing type" options={BILLING_TYPE_OPTIONS} disabled={disabled()} />
          <Show when={form.values.billingType === 'hourly'}>
            <FormField
              {...form.field('hourlyRate')}
              label="Hourly rate"
              inputMode="decimal"
              hint="Dollars per hour, e.g. 150.00"
              disabled={disabled()}
            />
          </Show>
          <Show when={form.values.billingType === 'flat_fee'}>
            <FormField {...form.field('flatFee')} label="Flat fee" inputMode="decimal" hint="Dollars, e.g. 5000.00" disabled={disabled()} />
          </Show>
          <FormField {...form.field('budgetHours')} label="Budget (hours)" inputMode="decimal" disabled={disabled()} />
          <FormField {...form.field('budgetAmount')} label="Budget (amount)" inputMode="decimal" hint="Dollars" disabled={disabled()} />
          <RoundingOverrideFields
            increment={form.field('roundingIncrementMinutes')}
            mode={form.field('roundingMode')}
            inheritLabel="Client or company default"
            hint="How this project's time is rounded when billed; it wins over the client's and the company's rule."
            disabled={disabled()}
          />
        </div>

        <fieldset class="fieldset" aria-describedby={form.field('memberIds').error ? 'project-memberIds-error' : undefined}>
          <legend>Members</legend>
          <Show when={props.members} fallback={<p class="muted">Could not load the company's members.</p>}>
            {(members) => (
              <div class="checkbox-list">
                <For each={members()}>
                  {(member) => (
                    <CheckboxField
                      id={`project-member-${member.userId}`}
                      name="memberIds"
                      label={member.email}
                      checked={memberIds().has(member.userId)}
                      onChange={(on) => setMemberIds(toggle(memberIds(), member.userId, on))}
                      disabled={disabled()}
                    />
                  )}
                </For>
              </div>
            )}
          </Show>
          <FieldError id="project-memberIds-error" message={form.field('memberIds').error} />
        </fieldset>

        <fieldset class="fieldset" aria-describedby={form.field('services').error ? 'project-services-error' : undefined}>
          <legend>Services</legend>
          <Show when={serviceItems().length > 0} fallback={<p class="muted">No services in the catalog yet.</p>}>
            <div class="checkbox-list">
              <For each={serviceItems()}>
                {(item) => (
                  <CheckboxField
                    id={`project-service-${item.id}`}
                    name="services"
                    label={item.name}
                    hint={item.rateCents === null ? undefined : `${formatCents(item.rateCents, item.currency)} / h`}
                    checked={catalogIds().has(item.id)}
                    onChange={(on) => setCatalogIds(toggle(catalogIds(), item.id, on))}
                    disabled={disabled()}
                  />
                )}
              </For>
            </div>
          </Show>
          <Show when={customNames().length > 0}>
            <ul class="custom-services" aria-label="Custom services">
              <For each={customNames()}>
                {(name) => (
                  <li>
                    <span>{name}</span>
                    <Show when={props.canEdit}>
                      <button
                        type="button"
                        class="btn btn-link btn-sm"
                        aria-label={`Remove ${name}`}
                        onClick={() => setCustomNames(customNames().filter((n) => n !== name))}
                      >
                        Remove
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={props.canEdit}>
            <div
              class="inline-add"
              onKeyDown={(e) => {
                // Enter in the name adds it rather than submitting the whole form.
                if (e.key === 'Enter' && (e.target as HTMLElement).id === 'project-customService') {
                  e.preventDefault();
                  addCustom();
                }
              }}
            >
              <FormField {...form.field('customService')} label="Custom service name" autocomplete="off" maxLength={200} />
              <button type="button" class="btn btn-secondary" onClick={addCustom}>
                Add
              </button>
            </div>
          </Show>
          <FieldError id="project-services-error" message={form.field('services').error} />
        </fieldset>

        <Show when={props.canEdit}>
          <div class="button-row">
            <SubmitButton pending={form.pending()} working="Saving…">
              Save project
            </SubmitButton>
          </div>
        </Show>
      </FormShell>
    </>
  );
}
