/**
 * Formats a count with its noun, pluralised the English way.
 */
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : noun + 's'}`;
}
