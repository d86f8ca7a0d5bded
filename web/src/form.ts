import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { focusFirstInvalid, toFormErrors } from './formErrors';

/**
 * State for one form: values, pending flag, per-field and general errors.
 * `submit` runs the request; its ApiError becomes field messages (focus moves to
 * the first bad field) or a general message. `field(name)` gives FormField its props.
 * `initial` pre-fills values; `reset()` returns to them (or to given values).
 */
export function createForm<F extends string>(opts: {
  fields: readonly F[];
  idPrefix: string;
  initial?: Partial<Record<F, string>>;
  submit: (values: Record<F, string>) => Promise<void>;
}) {
  const startValues = (overrides?: Partial<Record<F, string>>) =>
    Object.fromEntries(opts.fields.map((f) => [f, overrides?.[f] ?? opts.initial?.[f] ?? ''])) as Record<F, string>;

  const [values, setValues] = createStore(startValues());
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

  const set = (name: F, v: string) => {
    setValues(name as never, v as never);
    if (errors()[name]) setErrors((prev) => ({ ...prev, [name]: undefined }));
  };

  const field = (name: F) => ({
    id: `${opts.idPrefix}-${name}`,
    name,
    get value() { return values[name]; },
    get error() { return errors()[name]; },
    onInput: (v: string) => set(name, v),
  });

  /** Back to the initial values (or `overrides`), clearing errors. */
  const reset = (overrides?: Partial<Record<F, string>>) => {
    setValues(startValues(overrides));
    setErrors({});
    setGeneral(undefined);
  };

  return { values, pending, general, onSubmit, field, set, reset };
}
