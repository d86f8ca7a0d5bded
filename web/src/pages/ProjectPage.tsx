import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import BudgetBar from '../components/BudgetBar';
import FormError from '../components/FormError';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import ProjectFiles from '../components/ProjectFiles';
import ProjectForm from '../components/ProjectForm';
import { listMembers, type Member } from '../identityApi';
import { useSession } from '../session';
import { formatDate } from '../format';
import { deleteProject, getProject, listCatalog, restoreProject, type CatalogItem, type Project } from '../workApi';
import { billingTypeLabel, projectStatusLabel } from '../workLabels';

interface PageState {
  notice?: string;
}

interface Choices {
  members: Member[] | undefined;
  catalog: CatalogItem[];
}

/** What the form chooses from besides the client (its picker searches for itself): members, active catalog items. Members are optional. */
async function loadChoices(): Promise<Choices> {
  const [catalog, members] = await Promise.all([
    listCatalog({ active: true, limit: 200 }),
    listMembers().then(
      (page) => page.items,
      () => undefined,
    ),
  ]);
  return { catalog: catalog.items, members };
}

/** /projects/new and /projects/:id — the project form, with the label and budget bar as header. */
export default function ProjectPage() {
  const params = useParams<{ id?: string }>();
  return (
    <Show when={params.id ?? 'new'} keyed>
      {(id) => <ProjectPageFor id={id === 'new' ? undefined : id} />}
    </Show>
  );
}

function ProjectPageFor(props: { id: string | undefined }) {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation<PageState>();
  const canManage = () => session.can('projects.manage');
  const [project, setProject] = createSignal<Project>();
  const [choices, setChoices] = createSignal<Choices>();
  const [loadError, setLoadError] = createSignal<string>();
  const [notice, setNotice] = createSignal<string | undefined>(location.state?.notice);

  const load = async () => {
    setLoadError(undefined);
    try {
      const [loaded, options] = await Promise.all([props.id ? getProject(props.id) : Promise.resolve(undefined), loadChoices()]);
      setProject(loaded);
      setChoices(options);
    } catch (err) {
      setLoadError(errorMessage(err, props.id ? 'Could not load this project.' : 'Could not load the form.'));
    }
  };
  onMount(() => {
    if (session.can('projects.view')) void load();
  });

  const remove = createAction(async (current: Project) => {
    if (!window.confirm(`Delete ${current.label}? Its time entries stay, and you can restore it later.`)) return;
    await deleteProject(current.id);
    navigate('/projects');
  });

  const restore = createAction(async (current: Project) => {
    setNotice(undefined);
    setProject(await restoreProject(current.id));
    setNotice(`${current.label} was restored.`);
  });

  const ready = () => choices() && (!props.id || project());

  return (
    <Show when={session.can('projects.view') && (props.id || canManage())} fallback={<NoAccess title="Project" />}>
      <div class="page">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/projects">Projects</A>
        </nav>
        <header class="page-header project-header">
          <Show when={project()} fallback={<h1>{props.id ? 'Project' : 'New project'}</h1>}>
            {(current) => (
              <>
                <h1 class="project-title">{current().label}</h1>
                <p class="page-subtitle">
                  {current().client?.name ?? 'No client'} · {projectStatusLabel(current().status)} ·{' '}
                  {billingTypeLabel(current().billingType)}
                </p>
                <Show when={current().deletedAt}>
                  {(deletedAt) => (
                    <p class="page-subtitle">
                      <span class="badge status-deleted">Deleted</span> on {formatDate(deletedAt())}. Restore it to make changes or
                      record time on it.
                    </p>
                  )}
                </Show>
                <BudgetBar project={current()} />
              </>
            )}
          </Show>
        </header>
        <SuccessNote message={notice()} />
        <FormError message={remove.error() ?? restore.error()} />
        <section class="card">
          <Switch fallback={<Loading label="Loading project…" />}>
            <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
            <Match when={ready() && choices()}>
              {(options) => (
                // Re-made when the project is deleted or restored, so the form starts from what it now is.
                <Show when={`${project()?.id ?? 'new'}:${project()?.deletedAt ?? ''}`} keyed>
                  {(_version) => (
                    <ProjectForm
                      project={project()}
                      members={options().members}
                      catalog={options().catalog}
                      defaultMemberId={session.me().user.id}
                      canEdit={canManage() && !project()?.deletedAt}
                      onSaved={(saved) => {
                        if (!props.id) {
                          navigate(`/projects/${saved.id}`, { state: { notice: 'Project saved.' } });
                          return;
                        }
                        setProject(saved);
                        setNotice('Project saved.');
                      }}
                    />
                  )}
                </Show>
              )}
            </Match>
          </Switch>
        </section>
        <Show when={project() && `${project()!.id}:${project()!.deletedAt ?? ''}`} keyed>
          {(_version) => <ProjectFiles projectId={project()!.id} readOnly={!!project()!.deletedAt} />}
        </Show>
        <Show when={canManage() && project()}>
          {(current) => (
            <div class="button-row page-actions">
              <Show
                when={current().deletedAt}
                fallback={
                  <button type="button" class="btn btn-secondary" onClick={() => void remove.run(current())} disabled={remove.pending()}>
                    {remove.pending() ? 'Deleting…' : 'Delete project'}
                  </button>
                }
              >
                <button type="button" class="btn btn-primary" onClick={() => void restore.run(current())} disabled={restore.pending()}>
                  {restore.pending() ? 'Restoring…' : 'Restore project'}
                </button>
              </Show>
            </div>
          )}
        </Show>
      </div>
    </Show>
  );
}
