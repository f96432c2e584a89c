import { useTranslation } from 'react-i18next';
import { BoardRoutePage } from './BoardRoutePage.tsx';
import { CreateBoardPage } from './CreateBoardPage.tsx';
import { RoomDisplayPage } from './RoomDisplayPage.tsx';
import { SaidDidPage, saidDidBoardId } from './SaidDidPage.tsx';
import { LanguageBar } from '../panels/LanguagePicker.tsx';

/** A few routes only, so a router library would be more code than it saves. */
export function App() {
  const { t } = useTranslation();
  const path = window.location.pathname;
  // Pages with a header of their own (the board, the room display) carry the language picker there.
  if (/^\/b\/[^/]+\/display\/?$/.test(path)) return <RoomDisplayPage />;
  if (path.startsWith('/b/') && !saidDidBoardId(path)) return <BoardRoutePage />;
  return (
    <>
      <LanguageBar />
      {path === '/' || path === '/index.html' ? (
        <CreateBoardPage />
      ) : saidDidBoardId(path) ? (
        <SaidDidPage />
      ) : (
        <main className="page">
          <h1>{t('notFound.title')}</h1>
          <a href="/">{t('notFound.home')}</a>
        </main>
      )}
    </>
  );
}
