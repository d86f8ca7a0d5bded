import { createSignal, For, Show, type JSX } from 'solid-js';
import { createAction } from '../action';
import { createForm } from '../form';
import { invalidFields } from '../formErrors';
import { countOf } from '../format';
import type { CsvImportInput, CsvImportResult } from '../workApi';
import DataTable from './DataTable';
import FileField from './FileField';
import FormError from './FormError';
import FormShell from './FormShell';

interface Preview {
  /** Exactly the text that was checked, so the import writes what the preview showed. */
  csv: string;
  result: CsvImportResult;
}

interface CsvImportPanelProps {
  id: string;
  /** "Import clients from CSV" */
  title: string;
  /** What the file holds: its columns and anything particular to them. */
  intro: JSX.Element;
  /** Singular and plural, for "Import 2 clients". */
  noun: readonly [string, string];
  /** The import endpoint: `dryRun: true` previews, `false` imports all rows or none. */
  run: (json: CsvImportInput) => Promise<CsvImportResult>;
  onImported: () => void;
}

/**
 * Import a CSV file in two steps (clients, projects, time alike): a dry run that
 * shows every row's problems, then (only when there are none) the import, all
 * rows or nothing.
 */
export default function CsvImportPanel(props: CsvImportPanelProps) {
  const count = (n: number) => countOf(n, props.noun[0], props.noun[1]);
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
      setPreview({ csv, result: await props.run({ csv, dryRun: true }) });
    },
  });

  const commit = createAction(async (current: Preview) => {
    const done = await props.run({ csv: current.csv, dryRun: false });
    setPreview(undefined);
    setNotice(`Imported ${count(done.imported)}.`);
    props.onImported();
  });

  const problems = (errors: Record<string, string>) => Object.entries(errors);

  return (
    <section id={props.id} class="card import-panel" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="card-intro">{props.intro} Nothing is imported until every row is ready.</p>

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
              {countOf(current().result.valid, 'row', 'rows')} ready, {current().result.invalid} with problems
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
                  {commit.pending() ? 'Importing…' : `Import ${count(current().result.valid)}`}
                </button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
