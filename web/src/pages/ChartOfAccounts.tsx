import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { ACCOUNT_TYPE_LABELS, ACCOUNT_TYPES, createAccount, deleteAccount, listAccounts, updateAccount, type Account, type AccountType } from '../accountingApi';
import { createAction } from '../action';
import AccountingFrame, { loadFailed } from '../components/AccountingFrame';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import { LoadError, Loading } from '../components/PageStatus';
import SelectField from '../components/SelectField';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { useSession } from '../session';

/** /accounting/accounts — the chart of accounts: add, rename, deactivate; delete only what was never used. */
export default function ChartOfAccounts() {
  const session = useSession();
  const canManage = () => session.can('accounting.manage');
  const [accounts, setAccounts] = createSignal<Account[]>();
  const [loadError, setLoadError] = createSignal<string>();
  const [planProblem, setPlanProblem] = createSignal<string>();
  const [editing, setEditing] = createSignal<string>();
  const [editName, setEditName] = createSignal('');
  const [editCode, setEditCode] = createSignal('');

  const load = async () => {
    setLoadError(undefined);
    try {
      setAccounts((await listAccounts()).items);
    } catch (err) {
      loadFailed(err, setPlanProblem, setLoadError, 'Could not load the chart of accounts.');
    }
  };
  onMount(() => {
    if (session.can('accounting.view')) void load();
  });

  const add = createForm({
    fields: ['code', 'name', 'type'] as const,
    idPrefix: 'account',
    initial: { type: 'expense' },
    submit: async (v) => {
      await createAccount({ code: v.code.trim(), name: v.name.trim(), type: v.type as AccountType });
      add.reset();
      await load();
    },
  });

  const act = createAction(async (job: { id: string; run: () => Promise<unknown> }) => {
    await job.run();
    setEditing(undefined);
    await load();
  });
  const startEdit = (a: Account) => {
    setEditing(a.id);
    setEditName(a.name);
    setEditCode(a.code);
  };

  return (
    <AccountingFrame title="Chart of accounts" subtitle="Where every posting lands. Accounts with lines are kept forever; deactivate them instead." planProblem={planProblem()}>
      <Show when={canManage()}>
        <section class="card" aria-labelledby="add-account-title">
          <h2 id="add-account-title">Add an account</h2>
          <FormShell form={add} class="inline-form" labelledBy="add-account-title">
            <FormField {...add.field('code')} label="Code" hint="Digits, like 6100" inputMode="numeric" />
            <FormField {...add.field('name')} label="Name" />
            <SelectField {...add.field('type')} label="Type" options={ACCOUNT_TYPES.map((t) => ({ value: t, label: ACCOUNT_TYPE_LABELS[t] }))} />
            <SubmitButton pending={add.pending()} working="Adding…">Add account</SubmitButton>
          </FormShell>
        </section>
      </Show>

      <section class="card" aria-label="Accounts">
        <Show when={act.error()}><p class="inline-error" role="alert">{act.error()}</p></Show>
        <Switch fallback={<Loading />}>
          <Match when={loadError()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
          <Match when={accounts()}>
            {(list) => (
              <DataTable class="report-table" caption="Chart of accounts" columns={['Code', 'Name', 'Type', 'Used by', 'Status']} actions={canManage()}>
                <For each={list()}>
                  {(a) => (
                    <tr classList={{ muted: !a.active }}>
                      <Show when={editing() === a.id} fallback={<><td>{a.code}</td><td>{a.name}</td></>}>
                        <td><input class="inline-input" aria-label="Code" value={editCode()} onInput={(e) => setEditCode(e.currentTarget.value)} size={8} /></td>
                        <td><input class="inline-input" aria-label="Name" value={editName()} onInput={(e) => setEditName(e.currentTarget.value)} /></td>
                      </Show>
                      <td>{ACCOUNT_TYPE_LABELS[a.type]}</td>
                      <td>{a.systemRole ? `Automatic postings (${a.systemRole.replace(/_/g, ' ')})` : a.hasLines ? 'Journal lines' : '—'}</td>
                      <td>{a.active ? 'Active' : 'Inactive'}</td>
                      <Show when={canManage()}>
                        <td>
                          <div class="row-actions">
                            <Show when={editing() === a.id} fallback={
                              <>
                                <button type="button" class="btn btn-link" onClick={() => startEdit(a)}>Rename</button>
                                <Show when={!a.systemRole}>
                                  <button type="button" class="btn btn-link" disabled={act.pending()} onClick={() => void act.run({ id: a.id, run: () => updateAccount(a.id, { active: !a.active }) })}>
                                    {a.active ? 'Deactivate' : 'Reactivate'}
                                  </button>
                                </Show>
                                <Show when={!a.systemRole && !a.hasLines}>
                                  <button type="button" class="btn btn-link" disabled={act.pending()} onClick={() => void act.run({ id: a.id, run: () => deleteAccount(a.id) })}>Delete</button>
                                </Show>
                              </>
                            }>
                              <button type="button" class="btn btn-link" disabled={act.pending()} onClick={() => void act.run({ id: a.id, run: () => updateAccount(a.id, { name: editName().trim(), code: editCode().trim() }) })}>Save</button>
                              <button type="button" class="btn btn-link" onClick={() => setEditing(undefined)}>Cancel</button>
                            </Show>
                          </div>
                        </td>
                      </Show>
                    </tr>
                  )}
                </For>
              </DataTable>
            )}
          </Match>
        </Switch>
      </section>
    </AccountingFrame>
  );
}
