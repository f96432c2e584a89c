import fp from 'fastify-plugin';
import type { SecuritySettings } from '../config.ts';
import { limitConnectionsPerAddress } from './connectionLimits.ts';
import { registerRateLimits } from './rateLimits.ts';
import { registerSecurityHeaders } from './securityHeaders.ts';

export interface SecurityPluginOptions {
  settings: SecuritySettings;
  publicUrl: string | undefined;
  maxConnectionsPerAddress: number;
}

/** Headers, HTTP rate limits and websocket connections per address (docs/security.md). Registered before every route. */
export const securityPlugin = fp<SecurityPluginOptions>(
  async (app, options) => {
    await registerSecurityHeaders(app, options.publicUrl);
    await registerRateLimits(app, options.settings.rates);
    limitConnectionsPerAddress(app, options.maxConnectionsPerAddress);
  },
  { name: 'clapboard-security' },
);
