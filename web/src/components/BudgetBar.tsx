import { Show } from 'solid-js';
import { budgetUse } from '../budget';
import type { Project } from '../workApi';

/** A project's budget use as a <progress> bar with its text beside it. */
export default function BudgetBar(props: { project: Project }) {
  const use = () => budgetUse(props.project);
  return (
    <div class="budget" classList={{ 'is-over': use().over }}>
      <Show when={use().max}>
        {(max) => <progress class="budget-bar" max={max()} value={Math.min(use().value ?? 0, max())} aria-label="Budget used" />}
      </Show>
      <span class="budget-text">
        {use().text}
        <Show when={use().over}> — over budget</Show>
      </span>
    </div>
  );
}
