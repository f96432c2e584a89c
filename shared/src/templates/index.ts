/**
 * Templates (issue #8): the file format, the shipped templates, building
 * one into a board, saving a board's frames as one, and the board's step
 * list that facilitators walk through.
 */
export * from './api.ts';
export * from './buildTemplate.ts';
export * from './frameLayout.ts';
export * from './registry.ts';
export * from './schema.ts';
export * from './stepList.ts';
export * from './templateFile.ts';
export * from './templateFromBoard.ts';
export * from './templatePlacement.ts';
