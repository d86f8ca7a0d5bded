import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { closePeriod, createPeriod, listPeriods, reopenPeriod, type Period } from '../accountingApi';
import { createAction } from '../action';
import AccountingFrame, { loadFailed } from '../components/AccountingFrame';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import { LoadError, Loading } from '../components/PageStatus';
import { formatDay } from '../dates';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { useSession } from '../session';

/** /accounting/periods — open and closed accounting periods; admins close them, and reopen them with a reason. */
export default function AccountingPeriods() {
  const session = useSession();
  const canManage = () => session.can('accounting.manage');
  const [periods, setPeriods] = createSignal<Period[]>();
  const [loadError, setLoadError] = createSignal<string>();
  const [planProblem, setPlanProblem] = createSignal<string>();
  const [reasons, setReasons] = createSignal<Record<string, string>>({});

  const load = async () => {
    setLoadError(undefined);
    try {
      setPeriods((await listPeriods()).items);
    } catch (err) {
      loadFailed(err, setPlanProblem, setLoadError, 'Could not load the periods.');
    }
  };
  onMount(() => {
    if (session.can('accounting.view')) void load();
  });

  const add = createForm({
    fields: ['startDate', 'endDate'] as const,
    idPrefix: 'period',
    submit: async (v) => {
      await createPeriod(v.startDate, v.endDate);
      add.reset();
      await load();
    },
  });

  const change = createAction(async (p: Period) => {
    const reason = (reasons()[p.id] ?? '').trim();
    await (p.status === 'open' ? closePeriod(p.id, reason) : reopenPeriod(p.id, reason));
    setReasons((r) => ({ ...r, [p.id]: '' }));
    await load();
  });

  return (
    <AccountingFrame title="Accounting periods" subtitle="Once a period is closed, nothing can be posted, edited or back-dated into it. Every close and reopen is in the audit log." planProblem={planProblem()}>
      <Show when={canManage()}>
        <section class="card" aria-labelledby="add-period-title">
          <h2 id="add-period-title">Add a period</h2>
          <FormShell form={add} class="inline-form" labelledBy="add-period-title">
            <FormField {...add.field('startDate')} label="Starts" type="date" />
            <FormField {...add.field('endDate')} label="Ends" type="date" />
            <SubmitButton pending={add.pending()} working="Adding…">Add period</SubmitButton>
          </FormShell>
        </section>
      </Show>
      <section class="card" aria-label="Periods">
        <Show when={change.error()}><p class="inline-error" role="alert">{change.error()}</p></Show>
        <Switch fallback={<Loading />}>
          <Match when={loadError()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
          <Match when={periods()}>
            {(list) => (
              <DataTable class="report-table" caption="Accounting periods" columns={['Starts', 'Ends', 'Status']} actions={canManage()}>
                <For each={list()} fallback={<tr><td colspan={4} class="muted">No periods yet: every date is open.</td></tr>}>
                  {(p) => (
                    <tr>
                      <td>{formatDay(p.startDate)}</td>
                      <td>{formatDay(p.endDate)}</td>
                      <td><span class="badge" classList={{ 'status-complete': p.status === 'open' }}>{p.status === 'open' ? 'Open' : 'Closed'}</span></td>
                      <Show when={canManage()}>
                        <td>
                          <div class="inline-form">
                            <input
                              class="inline-input"
                              aria-label={p.status === 'open' ? 'Reason for closing (optional)' : 'Reason for reopening (required)'}
                              placeholder={p.status === 'open' ? 'Reason (optional)' : 'Why reopen? (required)'}
                              value={reasons()[p.id] ?? ''}
                              onInput={(e) => setReasons((r) => ({ ...r, [p.id]: e.currentTarget.value }))}
                            />
                            <button type="button" class="btn btn-secondary btn-sm" disabled={change.pending() || (p.status === 'closed' && !(reasons()[p.id] ?? '').trim())} onClick={() => void change.run(p)}>
                              {p.status === 'open' ? 'Close period' : 'Reopen'}
                            </button>
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
