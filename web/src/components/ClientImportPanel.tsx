import { createSignal, For, Show } from 'solid-js';
import { createAction } from '../action';
import { createForm } from '../form';
import { invalidFields } from '../formErrors';
import { importClients, type ClientImportResult } from '../workApi';
import DataTable from './DataTable';
import FileField from './FileField';
import FormError from './FormError';
import FormShell from './FormShell';

/** The columns `POST /clients/import` understands (docs/work.md, "CSV"). */
const COLUMNS = [
  'name',
  'kind',
  'email',
  'phone',
  'tax_id',
  'currency',
  'payment_terms_days',
  'tags',
  'notes',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'postal_code',
  'country',
] as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Preview {
  /** Exactly the text that was checked, so the import writes what the preview showed. */
  csv: string;
  result: ClientImportResult;
}

/**
 * Import clients from a CSV file in two steps: a dry run that shows every row's
 * problems, then (only when there are none) the import, all rows or nothing.
 */
export default function ClientImportPanel(props: { id: string; onImported: () => void }) {
  const [file, setFile] = createSignal<File>();
  const [preview, setPreview] = createSignal<Preview>();
  const [notice, setNotice] = createSignal<string>();

  const check = createForm({
    fields: ['csv'] as const,
    idPrefix: `${props.id}-import`,
    submit: async () => {
      setNotice(undefined);
      setPreview(undefined);
      const chosen = file();
      if (!chosen) invalidFields({ csv: 'Choose a CSV file.' });
      let csv: string;
      try {
        csv = await chosen.text();
      } catch {
        invalidFields({ csv: 'Could not read this file. Choose it again.' });
      }
      if (!csv.trim()) invalidFields({ csv: 'This file is empty.' });
      setPreview({ csv, result: await importClients({ csv, dryRun: true }) });
    },
  });

  const commit = createAction(async (current: Preview) => {
    const done = await importClients({ csv: current.csv, dryRun: false });
    setPreview(undefined);
    setNotice(`Imported ${plural(done.imported, 'client', 'clients')}.`);
    props.onImported();
  });

  const problems = (errors: Record<string, string>) => Object.entries(errors);

  return (
    <section id={props.id} class="card import-panel" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>Import clients from CSV</h2>
      <p class="card-intro">
        The first row names the columns; only <code>name</code> is required. Columns: <code>{COLUMNS.join(', ')}</code>.
        Separate tags with <code>;</code>. Nothing is imported until every row is ready.
      </p>

      <FormShell form={check} class="file-upload" label="Preview a CSV import">
        <FileField
          id={`${props.id}-import-csv`}
          name="csv"
          label="CSV file"
          accept=".csv,text/csv"
          error={check.field('csv').error}
          disabled={check.pending() || commit.pending()}
          onChange={(chosen) => {
            setFile(chosen);
            // A new file needs a new preview.
            setPreview(undefined);
            setNotice(undefined);
            commit.clearError();
            check.set('csv', chosen?.name ?? '');
          }}
        />
        <button type="submit" class="btn btn-secondary" disabled={check.pending() || commit.pending()}>
          {check.pending() ? 'Checking…' : 'Preview import'}
        </button>
      </FormShell>

      <div class="status-slot" role="status">
        <Show when={notice()}>
          <p class="form-success">{notice()}</p>
        </Show>
      </div>
      <FormError message={commit.error()} />

      <Show when={preview()}>
        {(current) => (
          <div class="import-preview">
            <p class="import-summary" classList={{ 'has-problems': current().result.invalid > 0 }}>
              {plural(current().result.valid, 'row', 'rows')} ready, {current().result.invalid} with problems
            </p>
            <DataTable
              class="import-table"
              caption="Rows in the file"
              columns={[{ label: 'Line', class: 'num' }, 'Name', 'Check']}
            >
              <For each={current().result.rows}>
                {(row) => (
                  <tr data-line={row.line} classList={{ 'has-problems': !row.ok }}>
                    <td class="num">{row.line}</td>
                    <td class="import-name">{row.name || '—'}</td>
                    <td>
                      <Show when={!row.ok} fallback={<span class="import-ok">OK</span>}>
                        <ul class="import-problems" aria-label={`Problems on line ${row.line}`}>
                          <For each={problems(row.errors)}>
                            {([field, message]) => (
                              <li>
                                <code>{field}</code>: {message}
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </DataTable>
            <Show
              when={current().result.invalid === 0 && current().result.valid > 0}
              fallback={
                <Show when={current().result.invalid > 0}>
                  <p class="muted">Fix the rows with problems, choose the file again and preview it.</p>
                </Show>
              }
            >
              <div class="button-row">
                <button type="button" class="btn btn-primary" disabled={commit.pending()} onClick={() => void commit.run(current())}>
                  {commit.pending() ? 'Importing…' : `Import ${plural(current().result.valid, 'client', 'clients')}`}
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
