import { FindingsSchema, type Findings } from './schema.ts';

/**
 * The canonical JSON export: keys in the schema's order (zod's parse writes
 * them in its shape's order, whatever order they were built in), 2-space
 * indent, a trailing newline. Parsing also checks the findings against the
 * published schema before anything leaves the server.
 */
export function findingsToJson(findings: Findings): string {
  return `${JSON.stringify(FindingsSchema.parse(findings), null, 2)}\n`;
}
