import { validateWithoutEval } from '@clapboard/shared/strictCsp';

// Imported first by main.tsx: zod must not probe for eval under the page's CSP (docs/security.md).
validateWithoutEval();
