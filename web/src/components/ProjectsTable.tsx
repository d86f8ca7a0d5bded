import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { budgetUse } from '../budget';
import { billingTypeLabel, projectStatusLabel } from '../workLabels';
import type { Project } from '../workApi';
import DataTable from './DataTable';

/** Projects: label (links to the project), client, status, billing type and budget use. */
export default function ProjectsTable(props: { projects: readonly Project[]; busy?: boolean }) {
  return (
    <DataTable
      class="projects-table"
      caption="Projects"
      columns={['Project', 'Client', 'Status', 'Billing', 'Budget used']}
      busy={!!props.busy}
    >
      <For each={props.projects}>
        {(project) => (
          <tr data-project-id={project.id} classList={{ 'is-deleted': !!project.deletedAt }}>
            <td class="project-label">
              <A href={`/projects/${project.id}`}>{project.label}</A>
              <Show when={project.deletedAt}>
                {' '}
                <span class="badge status-deleted">Deleted</span>
              </Show>
            </td>
            <td>{project.client?.name ?? '—'}</td>
            <td>
              <span class={`badge project-status project-status-${project.status}`}>{projectStatusLabel(project.status)}</span>
            </td>
            <td>{billingTypeLabel(project.billingType)}</td>
            <td class="project-budget">{budgetUse(project).text}</td>
          </tr>
        )}
      </For>
    </DataTable>
  );
}
