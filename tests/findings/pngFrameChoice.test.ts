/**
 * Which frame the Export menu's "image of this frame" shows
 * (client/src/panels/export/exportFormats.ts), and the names files are saved under.
 */
import { describe, expect, it } from 'vitest';
import type { BoardObject } from '@clapboard/shared';
import { exportFileName, frameToExport } from '../../client/src/panels/export/exportFormats.ts';

const frame = (id: string, x: number, z = 0): BoardObject => ({ id, type: 'frame', x, y: 0, width: 500, height: 400, z, frameId: null, text: id });
const note = (id: string, frameId: string | null): BoardObject => ({ id, type: 'note', x: 0, y: 0, width: 200, height: 200, z: 5, frameId, color: 'yellow', text: '' });

describe('frameToExport', () => {
  const objects = [frame('left', 0), frame('right', 1000), frame('overRight', 1100, 1), note('inLeft', 'left'), note('loose', null)];
  const view = (cx: number) => ({ x: cx - 100, y: 100, width: 200, height: 100 });

  it('prefers a selected frame, then the frame of a selected object, then the frame in the middle of the view', () => {
    expect(frameToExport(objects, ['right'], view(250))?.id).toBe('right');
    expect(frameToExport(objects, ['loose', 'inLeft'], view(1250))?.id).toBe('left');
    expect(frameToExport(objects, ['loose'], view(250))?.id).toBe('left');
    // Where frames overlap, the one drawn on top.
    expect(frameToExport(objects, [], view(1250))?.id).toBe('overRight');
    expect(frameToExport(objects, [], view(800))).toBeNull();
  });
});

describe('exportFileName', () => {
  it('keeps letters of any script and drops what file systems refuse', () => {
    expect(exportFileName('Housing forum', 'md')).toBe('Housing-forum-findings.md');
    expect(exportFileName('حلقة نقاش: السكن', 'docx')).toBe('حلقة-نقاش-السكن-findings.docx');
    expect(exportFileName('a/b\\c*?"<>|', 'csv')).toBe('a-b-c-findings.csv');
    expect(exportFileName('  ', 'json')).toBe('board-findings.json');
    expect(exportFileName('Board', 'png', 'Who is not in the room?')).toBe('Board-Who-is-not-in-the-room.png');
  });
});
