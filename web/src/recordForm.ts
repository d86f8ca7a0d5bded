import { createForm } from './form';

/**
 * createForm for a record that is either new or being edited: the same fields
 * either way, pre-filled from the record when there is one; on submit the body
 * goes to `update` or `create` accordingly and the saved record to `onSaved`.
 */
export function createRecordForm<F extends string, R extends { id: string }, B>(opts: {
  fields: readonly F[];
  idPrefix: string;
  /** Editing this record; absent for a new one. */
  record: R | undefined;
  toValues: (record: R) => Partial<Record<F, string>>;
  /** Starting values for a new record. */
  blank?: Partial<Record<F, string>>;
  toBody: (values: Record<F, string>) => B;
  create: (body: B) => Promise<R>;
  update: (id: string, body: B) => Promise<R>;
  onSaved: (saved: R) => void;
}) {
  const record = opts.record;
  return createForm({
    fields: opts.fields,
    idPrefix: opts.idPrefix,
    initial: record ? opts.toValues(record) : (opts.blank ?? {}),
    submit: async (v) => {
      const body = opts.toBody(v);
      opts.onSaved(record ? await opts.update(record.id, body) : await opts.create(body));
    },
  });
}
