/**
 * Board geometry with no view attached: boxes, connector lines, where a new
 * object may go, and the camera maths of fitting content to a screen. Pure
 * functions, so the client's tools and the server's templates and exports
 * place and measure things the same way.
 */
export * from './connector.ts';
export * from './placement.ts';
export * from './rect.ts';
export * from './viewport.ts';
