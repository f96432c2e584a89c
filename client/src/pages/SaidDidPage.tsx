import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, SaidDidResponse, SaidDidTheme } from '@clapboard/shared';
import { fetchSession, storedBoardToken } from '../connection/session.ts';
import { AnswerReceipts } from '../model/AnswerReceipts.ts';
import { ActionSummary } from '../panels/actions/ActionSummary.tsx';
import { PublishSaidDid } from '../panels/actions/PublishSaidDid.tsx';
import { SaidDidApi } from '../panels/actions/saidDidApi.ts';

const PUBLIC_TOKEN_PREFIX = 'clapboard.saidDid.';

/** The board id of `/b/:id/said-did`, or null. */
export function saidDidBoardId(pathname: string): string | null {
  const match = /^\/b\/([^/]+)\/said-did\/?$/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/**
 * The token the page reads with. A published link brings one in the
 * fragment: kept for this tab apart from board tokens (it opens nothing
 * else) and taken out of the address bar, like a board link's. Without one,
 * this tab's board token, so a participant comes here from their board.
 */
function readToken(boardId: string): { token: string | null; boardToken: boolean } {
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  const key = PUBLIC_TOKEN_PREFIX + boardId;
  if (fragment) {
    sessionStorage.setItem(key, fragment);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return { token: fragment, boardToken: false };
  }
  const board = storedBoardToken(boardId);
  if (board) return { token: board, boardToken: true };
  return { token: sessionStorage.getItem(key), boardToken: false };
}

type Load = { state: 'loading' } | { state: 'ready'; body: SaidDidResponse } | { state: 'refused' } | { state: 'failed' };

/**
 * "You said, we did": a board's themes, a few of the words behind each, and
 * what was done about them, read-only, for participants, observers and
 * anyone with a published link. Answers this device sent (their receipts
 * are kept on it) are looked up one request each to say which theme they
 * fed into; the page keeps nothing of the answer.
 */
export function SaidDidPage() {
  const { t } = useTranslation();
  const boardId = saidDidBoardId(window.location.pathname) ?? '';
  const [{ token, boardToken }] = useState(() => readToken(boardId));
  const api = useMemo(() => new SaidDidApi(boardId, token), [boardId, token]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [role, setRole] = useState<Role | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = async () => {
    setLoad({ state: 'loading' });
    const result = await api.read();
    if (result.ok) setLoad({ state: 'ready', body: result.value });
    else setLoad({ state: result.error.status === 401 ? 'refused' : 'failed' });
  };
  useEffect(() => {
    void reload();
    if (boardToken && token) fetchSession(boardId, token).then((session) => setRole(session.role), () => setRole(null));
    // Once per page: the api and token do not change.
  }, []);

  useEffect(() => {
    // This device's own receipts; each is sent once, in a request body, and kept nowhere new.
    const receipts = [...new AnswerReceipts(boardId).byRound.get().values()];
    let cancelled = false;
    void Promise.all(receipts.map((stored) => api.themesOfReceipt(stored.receipt))).then((results) => {
      if (cancelled) return;
      const ids = new Set<string>();
      for (const result of results) if (result.ok) for (const id of result.value.themeIds) ids.add(id);
      setMine(ids);
    });
    return () => {
      cancelled = true;
    };
  }, [api, boardId]);

  const title = load.state === 'ready' ? load.body.title : '';
  useEffect(() => {
    document.title = title ? t('saidDid.documentTitle', { title }) : t('saidDid.heading');
  }, [title, t]);
  useEffect(() => {
    if (load.state === 'ready') heading.current?.focus();
  }, [load.state]);

  return (
    <main className="page said-did-page" data-testid="said-did-page">
      <h1 ref={heading} tabIndex={-1}>{t('saidDid.heading')}</h1>
      {title && (
        <p className="said-did-board" dir="auto" data-testid="said-did-title">
          {title}
        </p>
      )}
      <p>{t('saidDid.intro')}</p>
      {boardToken && (
        <p>
          <a href={`/b/${encodeURIComponent(boardId)}`} data-testid="said-did-back">
            {t('saidDid.back')}
          </a>
        </p>
      )}
      {load.state === 'loading' && <p role="status">{t('saidDid.loading')}</p>}
      {load.state === 'refused' && <p role="alert">{t('saidDid.refused')}</p>}
      {load.state === 'failed' && (
        <p role="alert">
          {t('saidDid.failed')}{' '}
          <button type="button" onClick={() => void reload()}>
            {t('saidDid.retry')}
          </button>
        </p>
      )}
      {load.state === 'ready' && (
        <>
          <YourAnswers themes={load.body.themes} mine={mine} />
          {load.body.themes.length === 0 ? <p data-testid="said-did-empty">{t('saidDid.empty')}</p> : load.body.themes.map((theme) => <ThemeSection key={theme.id} theme={theme} yours={mine.has(theme.id)} />)}
          <ReceiptLookup api={api} themes={load.body.themes} />
        </>
      )}
      {role === 'facilitator' && <PublishSaidDid api={api} />}
    </main>
  );
}

function YourAnswers({ themes, mine }: { themes: readonly SaidDidTheme[]; mine: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const names = themes.filter((theme) => mine.has(theme.id)).map((theme) => theme.name || t('themes.untitled'));
  return (
    <div role="status" data-testid="said-did-yours">
      {names.length > 0 && <p className="said-did-yours" dir="auto">{t('saidDid.yourAnswerFedInto', { themes: names.join(', ') })}</p>}
    </div>
  );
}

function ThemeSection({ theme, yours }: { theme: SaidDidTheme; yours: boolean }) {
  const { t } = useTranslation();
  const headingId = `said-did-theme-${theme.id}`;
  return (
    <section className="said-did-theme" aria-labelledby={headingId} data-testid="said-did-theme" data-theme-id={theme.id} data-yours={yours}>
      <h2 id={headingId} dir="auto">
        {theme.name || t('themes.untitled')}
      </h2>
      <p className="said-did-count">{t('saidDid.memberCount', { count: theme.memberCount })}</p>
      {yours && <p className="badge">{t('saidDid.yoursBadge')}</p>}
      {theme.description && <p dir="auto">{theme.description}</p>}
      {theme.quotes.length > 0 && (
        <>
          <h3>{t('saidDid.youSaid')}</h3>
          <ul className="said-did-quotes">
            {theme.quotes.map((quote, index) => (
              <li key={index} dir="auto" data-testid="said-did-quote">
                <q>{quote}</q>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('saidDid.whatWasDone')}</h3>
      {theme.actions.length === 0 ? (
        <p>{t('saidDid.noActions')}</p>
      ) : (
        <ul className="said-did-actions">
          {theme.actions.map((action, index) => (
            <ActionSummary key={index} action={action} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A receipt written down or copied from another device, looked up once; nothing here stores it. */
function ReceiptLookup({ api, themes }: { api: SaidDidApi; themes: readonly SaidDidTheme[] }) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!receipt.trim()) return;
    const result = await api.themesOfReceipt(receipt.trim());
    if (!result.ok) return setAnswer(result.error.status === 404 ? t('saidDid.lookup.unknown') : t('saidDid.lookup.failed'));
    const names = themes.filter((theme) => result.value.themeIds.includes(theme.id)).map((theme) => theme.name || t('themes.untitled'));
    setAnswer(names.length > 0 ? t('saidDid.yourAnswerFedInto', { themes: names.join(', ') }) : t('saidDid.lookup.noTheme'));
  };
  return (
    <form className="said-did-lookup" data-testid="said-did-lookup" onSubmit={(event) => void handleSubmit(event)} aria-labelledby="said-did-lookup-heading">
      <h2 id="said-did-lookup-heading">{t('saidDid.lookup.heading')}</h2>
      <label htmlFor="said-did-receipt">{t('saidDid.lookup.label')}</label>
      <input id="said-did-receipt" data-testid="said-did-receipt" autoComplete="off" spellCheck={false} value={receipt} onChange={(event) => setReceipt(event.target.value)} />
      <button type="submit" data-testid="said-did-lookup-button">
        {t('saidDid.lookup.button')}
      </button>
      <div role="status" data-testid="said-did-lookup-result">
        {answer && <p dir="auto">{answer}</p>}
      </div>
    </form>
  );
}
