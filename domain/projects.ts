/** How a project is named everywhere: `P-00001 · Name`. */
export function projectLabel(number: string, name: string): string {
  return `${number} · ${name}`;
}

/** Time on a non-billable project is not billable unless someone says so; elsewhere it is. */
export function billableByDefault(billingType: string): boolean {
  return billingType !== 'non_billable';
}
