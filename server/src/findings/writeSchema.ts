/**
 * Writes docs/findings.schema.json from FindingsSchema (shared/src/findings/schema.ts):
 * `npx -y pnpm@10 findings:schema`. tests/findings/schema.test.ts fails while the committed file differs.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findingsJsonSchemaText } from '@clapboard/shared/findings';

const target = fileURLToPath(new URL('../../../docs/findings.schema.json', import.meta.url));
fs.writeFileSync(target, findingsJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
