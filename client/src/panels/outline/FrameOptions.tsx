import { useTranslation } from 'react-i18next';
import type { OutlineFrame } from './useOutlineGroups.ts';

/** The choices of a "which frame" select: every frame in reading order, then "no frame" (value ""). */
export function FrameOptions({ frames }: { frames: readonly OutlineFrame[] }) {
  const { t } = useTranslation();
  return (
    <>
      {frames.map((frame) => (
        <option key={frame.id} value={frame.id}>
          {frame.title || t('outline.untitledFrame')}
        </option>
      ))}
      <option value="">{t('outline.unframed')}</option>
    </>
  );
}
