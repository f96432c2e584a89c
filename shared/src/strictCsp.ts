import { z } from 'zod';

/**
 * Makes zod validate without compiling code at run time. zod 4 speeds up
 * object schemas with `new Function`, after probing whether `Function('')`
 * is allowed; under the server's Content-Security-Policy (no 'unsafe-eval',
 * docs/security.md) that probe is refused and reported as a violation. The
 * browser calls this before any schema is used, from a module it imports
 * first (schemas are used while `@clapboard/shared` itself loads, so this
 * lives apart from it); the server keeps the faster compiled path.
 */
export function validateWithoutEval(): void {
  z.config({ jitless: true });
}
