// Moved to the shared drawing code; kept here so the Konva nodes' imports stay put.
export { startAlignedText, textDirection } from '@clapboard/shared/render';
