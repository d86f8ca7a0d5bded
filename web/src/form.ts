import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { focusFirstInvalid, toFormErrors } from './formErrors';

/**
 * State for one form: values, pending flag, per-field and general errors.
 * `submit` runs the request; its ApiError becomes field messages (focus moves to
 * the first bad field) or a general message. `field(name)` gives FormField its props.
 */
export function createForm<F extends string>(opts: {
  fields: readonly F[];
  idPrefix: string;
  submit: (values: Record<F, string>) => Promise<void>;
}) {
  const [values, setValues] = createStore(Object.fromEntries(opts.fields.map((f) => [f, ''])) as Record<F, string>);
  const [pending, setPending] = createSignal(false);
  const [errors, setErrors] = createSignal<Partial<Record<F, string>>>({});
  const [general, setGeneral] = createSignal<string>();

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setErrors({});
    setGeneral(undefined);
    try {
      await opts.submit({ ...values });
    } catch (err) {
      const split = toFormErrors(err, opts.fields);
      setErrors(() => split.fields);
      setGeneral(split.general);
      focusFirstInvalid(opts.fields, split.fields, opts.idPrefix);
    } finally {
      setPending(false);
    }
  };

  const field = (name: F) => ({
    id: `${opts.idPrefix}-${name}`,
    name,
    get value() { return values[name]; },
    get error() { return errors()[name]; },
    onInput: (v: string) => {
      setValues(name as never, v as never);
      if (errors()[name]) setErrors((prev) => ({ ...prev, [name]: undefined }));
    },
  });

  return { values, pending, general, onSubmit, field };
}
