export * from './api.ts';
export * from './awareness.ts';
export * from './ids.ts';
export * from './links.ts';
export * from './model/index.ts';
export * from './origins.ts';
export * from './protocol.ts';
export * from './roles.ts';
