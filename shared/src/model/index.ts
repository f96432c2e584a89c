export * from './boardDoc.ts';
export * from './clipboard.ts';
export * from './controlDoc.ts';
export * from './layout.ts';
export * from './layout.ts';
export * from './migrations/index.ts';
export * from './palette.ts';
export * from './records/index.ts';
