import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (pages, API answers, errors, 404s,
 * static files), listed in docs/security.md.
 *
 * The Content-Security-Policy allows scripts, styles, fonts and workers
 * only from this origin: the built client has no inline script (Vite emits
 * one module script file) and no inline style sheet. React's `style` props
 * and Konva set styles through the CSSOM, which style-src does not govern,
 * so no 'unsafe-inline' is needed for styles either. Images may also be
 * `data:` and `blob:` URLs: QR codes drawn locally and exported files.
 * `connect-src 'self'` covers the websocket on the same host and port (CSP
 * Level 3); PUBLIC_URL's websocket origin is named too, for browsers that
 * do not. Nothing may frame a page (`frame-ancestors 'none'`): not even the
 * room display is offered for embedding, since a framing page could
 * overlay the board and its links carry tokens.
 *
 * Referrer-Policy is `no-referrer` (links carry their token in the
 * fragment, which browsers never send, but the page's URL still names the
 * board). HSTS only when PUBLIC_URL is https: on a plain-http LAN address it
 * would make browsers refuse the server for a year.
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string | undefined): Promise<void> {
  const https = publicUrl?.startsWith('https://') ?? false;
  const websocketOrigin = publicUrl ? new URL(publicUrl).origin.replace(/^http/, 'ws') : null;
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        'connect-src': websocketOrigin ? ["'self'", websocketOrigin] : ["'self'"],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}
