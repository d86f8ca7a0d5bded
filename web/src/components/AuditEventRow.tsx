import { Show } from 'solid-js';
import { formatTimestamp } from '../format';
import type { AuditEvent } from '../identityApi';

const pretty = (value: unknown) => (value === undefined || value === null ? '—' : JSON.stringify(value, null, 2));

/** One audit event; the before/after snapshots fold away in a <details>. */
export default function AuditEventRow(props: { event: AuditEvent }) {
  const hasChanges = () =>
    (props.event.before !== null && props.event.before !== undefined) ||
    (props.event.after !== null && props.event.after !== undefined);

  return (
    <tr class="audit-event" data-action={props.event.action}>
      <td class="nowrap">
        <time datetime={props.event.createdAt}>{formatTimestamp(props.event.createdAt)}</time>
      </td>
      <td class="audit-actor">{props.event.actor ? (props.event.actor.email ?? 'Deleted user') : 'System'}</td>
      <td class="audit-action">
        <code>{props.event.action}</code>
      </td>
      <td class="audit-object">
        <Show when={props.event.objectType} fallback="—">
          <span class="audit-object-type">{props.event.objectType}</span>
          <Show when={props.event.objectId}>
            <br />
            <code class="audit-object-id small">{props.event.objectId}</code>
          </Show>
        </Show>
      </td>
      <td class="audit-request">
        <Show when={props.event.requestId} fallback="—">
          <code class="small">{props.event.requestId}</code>
        </Show>
      </td>
      <td class="audit-changes">
        <Show when={hasChanges()} fallback={<span class="muted">—</span>}>
          <details>
            <summary>Before / after</summary>
            <div class="audit-diff">
              <div>
                <p class="diff-label">Before</p>
                <pre class="audit-before">{pretty(props.event.before)}</pre>
              </div>
              <div>
                <p class="diff-label">After</p>
                <pre class="audit-after">{pretty(props.event.after)}</pre>
              </div>
            </div>
          </details>
        </Show>
      </td>
    </tr>
  );
}
