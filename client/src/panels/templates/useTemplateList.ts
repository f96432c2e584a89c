import { useEffect, useState } from 'react';
import type { TemplateSummary } from '@clapboard/shared';
import { fetchTemplateList } from '../../connection/templatesApi.ts';

/** `GET /api/templates`, once per mount: `loading`, the list, or `unavailable` (offline, or the server said no). */
export function useTemplateList(): TemplateSummary[] | 'loading' | 'unavailable' {
  const [list, setList] = useState<TemplateSummary[] | 'loading' | 'unavailable'>('loading');
  useEffect(() => {
    let live = true;
    void fetchTemplateList().then((result) => {
      if (live) setList(result ?? 'unavailable');
    });
    return () => {
      live = false;
    };
  }, []);
  return list;
}
