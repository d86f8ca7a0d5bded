/** How a project is named everywhere: `P-00001 · Name`. */
export function projectLabel(number: string, name: string): string {
  return `${number} · ${name}`;
}
