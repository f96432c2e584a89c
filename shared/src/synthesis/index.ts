/** Synthesis (issue #10): themes, tags and duplicates on the board; actions and suggestions beside them. */
export * from './themes.ts';
export * from './themeOps.ts';
export * from './suggest.ts';
export * from './actions.ts';
export * from './saidDid.ts';
