/** Median of the finite-or-infinite numbers given (NaN ignored); NaN if none. */
export function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function fmt(value: number, unit = ''): string {
  if (Number.isNaN(value)) return '—';
  if (value === Infinity) return `∞${unit}`;
  const text = Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
  return `${text}${unit}`;
}

export const pct = (share: number) => (Number.isNaN(share) ? '—' : `${(share * 100).toFixed(0)} %`);

/** Clapboard / reference, as `1.23×`. */
export function ratio(clapboard: number, reference: number): string {
  if (!Number.isFinite(clapboard) || !Number.isFinite(reference) || reference === 0) return '—';
  return `${(clapboard / reference).toFixed(2)}×`;
}
