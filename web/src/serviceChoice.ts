// A project's services in a <select>: catalog services by item id, custom ones by
// name (the API takes `catalogItemId` or `serviceName`).
import type { SelectOption } from './components/SelectField';
import type { Project, ServiceChoice } from './workApi';

/** Options for a project's services; values are "item:<catalogItemId>" or "name:<serviceName>". */
export function serviceOptions(project: Pick<Project, 'services'> | undefined): SelectOption[] {
  return (project?.services ?? []).map((s) => ({
    value: s.catalogItemId ? `item:${s.catalogItemId}` : `name:${s.name}`,
    label: s.name,
  }));
}

/** The request fields for a chosen option ('' → no service). */
export function serviceChoice(value: string): ServiceChoice {
  if (value.startsWith('item:')) return { catalogItemId: value.slice(5) };
  if (value.startsWith('name:')) return { serviceName: value.slice(5) };
  return {};
}

/** Server field names → the form's "service" field, for renameFieldErrors. */
export function toServiceField(name: string): string {
  return name === 'catalogItemId' || name === 'serviceName' ? 'service' : name;
}
