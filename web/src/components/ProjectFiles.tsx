import { createSignal, For, onMount, Show } from 'solid-js';
import { createAction } from '../action';
import { createForm } from '../form';
import { invalidFields, renameFieldErrors } from '../formErrors';
import { formatDate, formatFileSize } from '../format';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import {
  completeFileUpload,
  deleteProjectFile,
  listProjectFiles,
  projectFileDownloadUrl,
  startFileUpload,
  uploadToStorage,
  type ProjectFile,
} from '../workApi';
import DataTable from './DataTable';
import FileField from './FileField';
import FormError from './FormError';
import FormShell from './FormShell';
import PagedListView from './PagedListView';
import RowActionButton, { runs } from './RowActionButton';
import SubmitButton from './SubmitButton';

/**
 * A project's private files: everyone who sees the project may upload and
 * download; managers delete. An upload is three steps — the API hands out a
 * presigned form, the browser posts the file straight to storage, the API checks it arrived.
 * A deleted project's files are `readOnly`: downloads only, until it is restored.
 */
export default function ProjectFiles(props: { projectId: string; readOnly?: boolean }) {
  const session = useSession();
  const canManage = () => session.can('projects.manage') && !props.readOnly;
  // One page: the API lists every ready file of a project.
  const list = createPagedList(
    async (_query: object) => ({ items: (await listProjectFiles(props.projectId)).items, nextCursor: null }),
    'Could not load the files.',
  );
  onMount(() => void list.load({}));

  const [chosen, setChosen] = createSignal<File>();
  const [notice, setNotice] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  const upload = createForm({
    fields: ['file'] as const,
    idPrefix: 'project-file',
    submit: async () => {
      setNotice(undefined);
      const file = chosen();
      if (!file) invalidFields({ file: 'Choose a file to upload.' });
      // The server names the declared size, type or name; all of them are about the chosen file.
      const started = await renameFieldErrors(
        startFileUpload(props.projectId, {
          filename: file.name,
          contentType: file.type || 'application/octet-stream',
          size: file.size,
        }),
        () => 'file',
      );
      await uploadToStorage(started.upload, file);
      const done = await completeFileUpload(props.projectId, started.file.id);
      setChosen(undefined);
      if (input) input.value = '';
      setNotice(`${done.filename} uploaded.`);
      await list.reload();
    },
  });

  const remove = createAction(async (file: ProjectFile) => {
    if (!window.confirm(`Delete ${file.filename}?`)) return;
    setNotice(undefined);
    await deleteProjectFile(props.projectId, file.id);
    list.remove((f) => f.id === file.id);
    setNotice(`${file.filename} deleted.`);
  });

  return (
    <section class="card project-files" aria-labelledby="project-files-title">
      <h2 id="project-files-title">Files</h2>

      <Show when={!props.readOnly}>
        <FormShell form={upload} class="file-upload" label="Upload to this project">
          <FileField
            ref={(el) => (input = el)}
            id="project-file-file"
            name="file"
            label="Upload a file"
            hint="PDF, images, text, CSV, ZIP or Office documents."
            error={upload.field('file').error}
            disabled={upload.pending()}
            onChange={(file) => {
              setChosen(file);
              setNotice(undefined);
              upload.set('file', file?.name ?? '');
            }}
          />
          <SubmitButton pending={upload.pending()} working="Uploading…">
            Upload
          </SubmitButton>
        </FormShell>
      </Show>
      <div class="status-slot" role="status">
        <Show when={upload.pending()} fallback={<Show when={notice()}><p class="form-success">{notice()}</p></Show>}>
          <p class="muted file-progress">
            <span class="spinner" aria-hidden="true" /> Uploading…
          </p>
        </Show>
      </div>
      <FormError message={remove.error()} />

      <PagedListView list={list} loadingLabel="Loading files…" empty={<p>{props.readOnly ? 'No files.' : 'No files yet — upload the first one above.'}</p>}>
        {(items) => (
          <DataTable
            class="files-table"
            caption="Project files"
            columns={['File', { label: 'Size', class: 'num' }, 'Uploaded']}
            actions
            busy={list.loading()}
          >
            <For each={items()}>
              {(file) => (
                <tr data-file-id={file.id}>
                  <td class="file-name">{file.filename}</td>
                  <td class="num file-size">{formatFileSize(file.sizeBytes)}</td>
                  <td class="nowrap">
                    <time datetime={file.createdAt}>{formatDate(file.createdAt)}</time>
                  </td>
                  <td class="cell-actions">
                    <div class="row-actions">
                      <a
                        class="btn btn-secondary btn-sm"
                        href={projectFileDownloadUrl(props.projectId, file.id)}
                        download={file.filename}
                        aria-label={`Download ${file.filename}`}
                      >
                        Download
                      </a>
                      <Show when={canManage()}>
                        <RowActionButton
                          label={`Delete ${file.filename}`}
                          text="Delete"
                          workingText="Deleting…"
                          {...runs(remove, file)}
                        />
                      </Show>
                    </div>
                  </td>
                </tr>
              )}
            </For>
          </DataTable>
        )}
      </PagedListView>
    </section>
  );
}
