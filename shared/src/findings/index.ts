export * from './buildFindings.ts';
export * from './labels/index.ts';
export * from './quotes.ts';
export * from './renderCsv.ts';
export * from './renderJson.ts';
export * from './renderMarkdown.ts';
export * from './schema.ts';
