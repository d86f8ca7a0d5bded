import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import CheckboxField from '../components/CheckboxField';
import CsvImportPanel from '../components/CsvImportPanel';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import ProjectsTable from '../components/ProjectsTable';
import SearchBox from '../components/SearchBox';
import SelectField from '../components/SelectField';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { importProjects, listProjects, PROJECTS_EXPORT_URL, type ProjectStatus } from '../workApi';
import { PROJECT_STATUS_FILTER } from '../workLabels';

/** /projects — filter by status, search, page through projects; managers add new ones. */
export default function Projects() {
  const session = useSession();
  const canManage = () => session.can('projects.manage');
  const list = createPagedList(listProjects, 'Could not load the projects.');
  const [q, setQ] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [showDeleted, setShowDeleted] = createSignal(false);
  const [importing, setImporting] = createSignal(false);

  const search = () =>
    list.load({ q: q() || undefined, status: (status() || undefined) as ProjectStatus | undefined, includeDeleted: showDeleted() || undefined });
  onMount(() => {
    if (session.can('projects.view')) void search();
  });

  const filtered = () => !!q() || !!status() || showDeleted();

  return (
    <Show when={session.can('projects.view')} fallback={<NoAccess title="Projects" />}>
      <div class="page page-wide">
        <ListPageHeader title="Projects" subtitle="The work you track time against and bill.">
          <div class="button-row">
            <a href={PROJECTS_EXPORT_URL} download="" class="btn btn-secondary">
              Export CSV
            </a>
            <Show when={session.can('clients.view')}>
              <A href="/catalog" class="btn btn-secondary">
                Catalog
              </A>
            </Show>
            <Show when={canManage()}>
              <button
                type="button"
                class="btn btn-secondary"
                aria-expanded={importing() ? 'true' : 'false'}
                aria-controls="projects-import"
                onClick={() => setImporting((open) => !open)}
              >
                Import CSV
              </button>
              <A href="/projects/new" class="btn btn-primary">
                New project
              </A>
            </Show>
          </div>
        </ListPageHeader>

        <Show when={canManage() && importing()}>
          <CsvImportPanel
            id="projects-import"
            title="Import projects from CSV"
            intro={
              <>
                The first row names the columns; only <code>name</code> is required. Columns:{' '}
                <code>name, client, billing_type, hourly_rate, flat_fee, budget_hours, budget_amount, status</code>. The client is
                found by its name; amounts are in dollars; a blank billing type is hourly.
              </>
            }
            noun={['project', 'projects']}
            run={importProjects}
            onImported={() => void search()}
          />
        </Show>

        <ListSection id="projects" title="Project list">
          <div class="list-toolbar">
            <SearchBox
              id="projects-search"
              label="Search projects"
              onSearch={(text) => {
                setQ(text);
                return search();
              }}
            />
            <SelectField
              id="projects-status"
              name="status"
              label="Status"
              value={status()}
              options={PROJECT_STATUS_FILTER}
              onInput={(value) => {
                setStatus(value);
                void search();
              }}
            />
            <Show when={canManage()}>
              <CheckboxField
                id="projects-show-deleted"
                name="includeDeleted"
                label="Show deleted projects"
                checked={showDeleted()}
                onChange={(checked) => {
                  setShowDeleted(checked);
                  void search();
                }}
              />
            </Show>
          </div>
          <PagedListView list={list} loadingLabel="Loading projects…" empty={
            <>
                <Show when={!filtered()} fallback={<p>No projects match these filters.</p>}>
                  <p>
                    No projects yet
                    <Show when={canManage()} fallback=".">
                      {' — '}
                      <A href="/projects/new">Create your first project</A>
                    </Show>
                  </p>
                </Show>
            </>
          }>
            {(items) => (
              <>
                  <ProjectsTable projects={items()} busy={list.loading()} />
              </>
            )}
          </PagedListView>
        </ListSection>
      </div>
    </Show>
  );
}
