import type { createAction } from '../action';

/**
 * The small secondary button every table row uses for its actions (Edit, Delete,
 * Revoke…). While its own action runs it shows `workingText` ("Deleting…") so the
 * pressed button says what it is doing; the others are merely disabled.
 */
export default function RowActionButton(props: {
  /** Spoken name: the visible text alone ("Delete") would not say which row. */
  label: string;
  text: string;
  workingText?: string;
  working?: boolean;
  disabled?: boolean;
  id?: string;
  class?: string;
  onClick: () => void;
}) {
  return (
    <button
      id={props.id}
      type="button"
      class={`btn btn-secondary btn-sm${props.class ? ` ${props.class}` : ''}`}
      aria-label={props.label}
      onClick={() => props.onClick()}
      disabled={props.disabled}
    >
      {props.working && props.workingText ? props.workingText : props.text}
    </button>
  );
}

/** Wires a RowActionButton to a createAction for one key: runs it, says when that key is busy, waits while any is. */
export function runs<K>(action: ReturnType<typeof createAction<K>>, key: K) {
  return {
    onClick: () => void action.run(key),
    get working() {
      return action.isBusy(key);
    },
    get disabled() {
      return action.pending();
    },
  };
}
