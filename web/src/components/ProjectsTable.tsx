import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { budgetUse } from '../budget';
import { billingTypeLabel, projectStatusLabel } from '../workLabels';
import type { Project } from '../workApi';

/** Projects: label (links to the project), client, status, billing type and budget use. */
export default function ProjectsTable(props: { projects: readonly Project[]; busy?: boolean }) {
  return (
    <div class="table-wrap" aria-busy={props.busy ? 'true' : 'false'}>
      <table class="table projects-table">
        <caption class="sr-only">Projects</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Billing</th>
            <th scope="col">Budget used</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.projects}>
            {(project) => (
              <tr data-project-id={project.id}>
                <td class="project-label">
                  <A href={`/projects/${project.id}`}>{project.label}</A>
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
        </tbody>
      </table>
    </div>
  );
}
