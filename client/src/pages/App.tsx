import { useTranslation } from 'react-i18next';
import { BoardRoutePage } from './BoardRoutePage.tsx';
import { CreateBoardPage } from './CreateBoardPage.tsx';
import { RoomDisplayPage } from './RoomDisplayPage.tsx';
import { SaidDidPage, saidDidBoardId } from './SaidDidPage.tsx';

/** A few routes only, so a router library would be more code than it saves. */
export function App() {
  const { t } = useTranslation();
  const path = window.location.pathname;
  if (path === '/' || path === '/index.html') return <CreateBoardPage />;
  if (/^\/b\/[^/]+\/display\/?$/.test(path)) return <RoomDisplayPage />;
  if (saidDidBoardId(path)) return <SaidDidPage />;
  if (path.startsWith('/b/')) return <BoardRoutePage />;
  return (
    <main className="page">
      <h1>{t('notFound.title')}</h1>
      <a href="/">{t('notFound.home')}</a>
    </main>
  );
}
