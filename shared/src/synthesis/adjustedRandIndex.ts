/**
 * Adjusted Rand index (Hubert & Arabie, 1985) between two clusterings of
 * the same items: 1 when they agree exactly, about 0 for a random
 * clustering, negative when worse than random. Used to measure suggested
 * themes against a labelled set (docs/synthesis.md).
 *
 * `a[i]` and `b[i]` are item i's cluster labels in each clustering; any
 * strings work, only equality matters.
 */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new RangeError(`clusterings differ in length: ${a.length} and ${b.length}`);
  const n = a.length;
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  for (let item = 0; item < n; item += 1) {
    // JSON keeps "x" + "y" distinct from "xy" + "" in the contingency key.
    const cell = JSON.stringify([a[item], b[item]]);
    table.set(cell, (table.get(cell) ?? 0) + 1);
    rows.set(a[item]!, (rows.get(a[item]!) ?? 0) + 1);
    columns.set(b[item]!, (columns.get(b[item]!) ?? 0) + 1);
  }
  let index = 0;
  for (const count of table.values()) index += pairs(count);
  let rowPairs = 0;
  for (const count of rows.values()) rowPairs += pairs(count);
  let columnPairs = 0;
  for (const count of columns.values()) columnPairs += pairs(count);
  const expected = (rowPairs * columnPairs) / pairs(n);
  const maximum = (rowPairs + columnPairs) / 2;
  // Both clusterings all singletons, or both one cluster: they agree, and the formula is 0/0.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
