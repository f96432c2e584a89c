import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function handleClick() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  // The button always reads "Copy" (its accessible name must contain its visible text); "Copied" is announced beside it.
  return (
    <>
      <button type="button" onClick={handleClick} aria-label={label}>
        {t('create.copy')}
      </button>
      <span role="status" className="copy-status">{copied ? t('create.copied') : ''}</span>
    </>
  );
}
