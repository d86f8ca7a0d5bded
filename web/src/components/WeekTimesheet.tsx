import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { addDays } from '../../../domain/dates';
import { formatDay, formatWeekday, todayIso } from '../dates';
import { formatHm } from '../duration';
import { entriesVersion } from '../timeEvents';
import { getTimesheet, type Timesheet } from '../workApi';
import EmptyState from './EmptyState';
import { LoadError, Loading } from './PageStatus';

/** The weekly grid from GET /timesheet: a row per project + service, seven days and totals, in H:MM. */
export default function WeekTimesheet() {
  const [week, setWeek] = createSignal(todayIso());
  const [sheet, setSheet] = createSignal<Timesheet>();
  const [loadError, setLoadError] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  let generation = 0;

  const load = async () => {
    const mine = ++generation;
    setLoading(true);
    setLoadError(undefined);
    try {
      const next = await getTimesheet({ week: week() });
      if (mine === generation) setSheet(next);
    } catch (err) {
      if (mine === generation) setLoadError(errorMessage(err, 'Could not load the timesheet.'));
    } finally {
      if (mine === generation) setLoading(false);
    }
  };
  createEffect(on([week, entriesVersion], () => void load()));

  const shift = (days: number) => setWeek(addDays(sheet()?.weekStart ?? week(), days));
  const title = () => {
    const s = sheet();
    return s ? `Week of ${formatDay(s.weekStart)}` : 'Week';
  };

  return (
    <section class="card" aria-labelledby="week-title" aria-busy={loading() ? 'true' : 'false'}>
      <div class="card-header">
        <h2 id="week-title" class="week-title">
          {title()}
        </h2>
        <div class="button-row">
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => shift(-7)} disabled={loading()}>
            Previous week
          </button>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => setWeek(todayIso())} disabled={loading()}>
            This week
          </button>
          <button type="button" class="btn btn-secondary btn-sm" onClick={() => shift(7)} disabled={loading()}>
            Next week
          </button>
        </div>
      </div>
      <Switch fallback={<Loading label="Loading the timesheet…" />}>
        <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
        <Match when={sheet()}>
          {(current) => (
            <Show
              when={current().rows.length > 0}
              fallback={
                <EmptyState>
                  <p>No time this week — start the timer from the top bar, or add time on the Entries tab.</p>
                </EmptyState>
              }
            >
              <div class="table-wrap">
                <table class="table timesheet-table">
                  <caption class="sr-only">{title()}, hours per project and day</caption>
                  <thead>
                    <tr>
                      <th scope="col">Project</th>
                      <th scope="col">Service</th>
                      <For each={current().days}>
                        {(day) => (
                          <th scope="col" class="num" classList={{ 'is-today': day === todayIso() }}>
                            {formatWeekday(day)}
                          </th>
                        )}
                      </For>
                      <th scope="col" class="num">
                        Total
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={current().rows}>
                      {(row) => (
                        <tr data-project-id={row.project.id}>
                          <th scope="row" class="timesheet-project">
                            {row.project.label}
                          </th>
                          <td>{row.serviceName || '—'}</td>
                          <For each={row.seconds}>{(seconds) => <td class="num">{seconds ? formatHm(seconds) : ''}</td>}</For>
                          <td class="num timesheet-row-total">{formatHm(row.total)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={2}>
                        Total
                      </th>
                      <For each={current().totals}>{(seconds) => <td class="num">{formatHm(seconds)}</td>}</For>
                      <td class="num timesheet-total">{formatHm(current().total)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
