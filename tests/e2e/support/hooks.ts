/**
 * `window.__clapboard`, the test hooks the board page exposes, is typed once
 * by the client (client/src/testing/testHook.ts, which also declares it on
 * `Window`); these are the names the tests use for its parts.
 */
export type { ClapboardTestHook } from '../../../client/src/testing/testHook.ts';
export type { ConnectionStatus } from '../../../client/src/connection/connectionTracker.ts';
/** x, y: the board point at the canvas's top-left corner; zoom: screen pixels per board unit. */
export type { ViewState as Viewport } from '@clapboard/shared';
