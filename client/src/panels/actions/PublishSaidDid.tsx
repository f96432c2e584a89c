import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../CopyButton.tsx';
import type { SaidDidApi } from './saidDidApi.ts';

/**
 * For facilitators on the page: publish a read-only link anyone can open
 * (it reads this page and nothing else). Shown once, to copy; it is listed,
 * replaced and revoked with the board's other links.
 */
export function PublishSaidDid({ api }: { api: SaidDidApi }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const handlePublish = async () => {
    setBusy(true);
    const result = await api.publish();
    setBusy(false);
    setFailed(!result.ok);
    if (result.ok) setUrl(result.value.url);
  };
  return (
    <section className="said-did-publish" aria-labelledby="said-did-publish-heading" data-testid="said-did-publish">
      <h2 id="said-did-publish-heading">{t('saidDid.publish.heading')}</h2>
      <p>{t('saidDid.publish.intro')}</p>
      <button type="button" data-testid="said-did-publish-button" disabled={busy} onClick={() => void handlePublish()}>
        {t('saidDid.publish.button')}
      </button>
      <div role="status">
        {url && (
          <p>
            {t('saidDid.publish.created')} <span dir="ltr" className="link-value" data-testid="said-did-public-url">{url}</span> <CopyButton text={url} label={t('saidDid.publish.copy')} />
          </p>
        )}
        {failed && <p>{t('saidDid.publish.failed')}</p>}
      </div>
    </section>
  );
}
