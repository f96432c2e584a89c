import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@clapboard/shared';
import type { BoardConnection } from '../../connection/BoardConnection.ts';
import { useBoardTitle } from '../useBoardTitle.ts';
import { AddTemplate } from './AddTemplate.tsx';
import { ExportTemplate } from './ExportTemplate.tsx';
import { ImportTemplate } from './ImportTemplate.tsx';

/** Facilitators: add a shipped template or a template file to the board, or save the board's frames as one. */
export function TemplatesPanel({ connection, role }: { connection: BoardConnection; role: Role }) {
  const { t } = useTranslation();
  const id = useId();
  const title = useBoardTitle(connection.controlDoc, connection.session.title);
  if (role !== 'facilitator') return null;
  return (
    <section className="round-controls panel templates-panel" aria-labelledby={`${id}-heading`} data-testid="templates-panel">
      <h2 id={`${id}-heading`}>{t('templates.heading')}</h2>
      <p className="round-note">{t('templates.intro')}</p>
      <AddTemplate api={connection.templates} />
      <ImportTemplate api={connection.templates} />
      <ExportTemplate controlDoc={connection.controlDoc} boardTitle={title} />
    </section>
  );
}
