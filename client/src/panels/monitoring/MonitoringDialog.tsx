import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CONTACT_LENGTH, MONITORING_QUESTIONS, MONITORING_QUESTION_IDS, type MonitoringAnswers } from '@clapboard/shared';
import type { BoardApiResult } from '../../connection/boardApiRequest.ts';
import type { PrivacyApi } from '../../connection/privacyApi.ts';
import { MONITORING_ANSWER_KEY, MONITORING_QUESTION_KEY } from '../../i18n/keys/dataKeys.ts';

type Sent = 'idle' | 'sending' | 'sent' | 'failed';

/**
 * Two separate forms, each sent on its own with nothing else in it (no
 * receipt, no note, no name), so the server cannot tie one to the other or
 * to anything said on the board (docs/anonymity.md). A question left blank
 * counts as "prefer not to say".
 */
export function MonitoringDialog({ privacy, onClose }: { privacy: PrivacyApi; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [answers, setAnswers] = useState<MonitoringAnswers>({});
  const [contact, setContact] = useState('');
  const [monitoringSent, setMonitoringSent] = useState<Sent>('idle');
  const [contactSent, setContactSent] = useState<Sent>('idle');

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const send = async (request: () => Promise<BoardApiResult<null>>, setSent: (sent: Sent) => void) => {
    setSent('sending');
    setSent((await request()).ok ? 'sent' : 'failed');
  };
  const handleMonitoring = (event: FormEvent) => {
    event.preventDefault();
    void send(() => privacy.submitMonitoring(answers), setMonitoringSent);
  };
  const handleContact = (event: FormEvent) => {
    event.preventDefault();
    if (contact.trim() === '') return;
    void send(() => privacy.leaveContact(contact.trim()), setContactSent);
  };

  return (
    <dialog ref={dialog} className="monitoring-dialog" aria-labelledby="monitoring-dialog-title" data-testid="monitoring-dialog" onClose={onClose}>
      <h2 id="monitoring-dialog-title">{t('monitoring.title')}</h2>
      <p>{t('monitoring.optional')}</p>

      <section aria-labelledby="monitoring-reach-title" className="monitoring-section">
        <h3 id="monitoring-reach-title">{t('monitoring.reach.title')}</h3>
        <p className="monitoring-help">{t('monitoring.reach.explain')}</p>
        {monitoringSent === 'sent' ? (
          <p role="status" data-testid="monitoring-sent">{t('monitoring.reach.thanks')}</p>
        ) : (
          <form onSubmit={handleMonitoring} data-testid="monitoring-form">
            {MONITORING_QUESTION_IDS.map((question) => (
              <div className="monitoring-field" key={question}>
                <label htmlFor={`monitoring-${question}`}>{t(MONITORING_QUESTION_KEY[question])}</label>
                <select
                  id={`monitoring-${question}`}
                  data-testid={`monitoring-${question}`}
                  value={answers[question] ?? ''}
                  onChange={(event) => setAnswers((current) => ({ ...current, [question]: event.target.value || undefined }))}
                >
                  <option value="">{t('monitoring.skip')}</option>
                  {MONITORING_QUESTIONS[question].map((answer) => (
                    <option key={answer} value={answer}>{t((MONITORING_ANSWER_KEY[question] as Record<string, string>)[answer]!)}</option>
                  ))}
                </select>
              </div>
            ))}
            {monitoringSent === 'failed' && <p role="alert">{t('monitoring.failed')}</p>}
            <button type="submit" className="primary" disabled={monitoringSent === 'sending'} data-testid="monitoring-submit">{t('monitoring.reach.send')}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="monitoring-contact-title" className="monitoring-section">
        <h3 id="monitoring-contact-title">{t('monitoring.contact.title')}</h3>
        <p className="monitoring-help">{t('monitoring.contact.explain')}</p>
        {contactSent === 'sent' ? (
          <p role="status" data-testid="contact-sent">{t('monitoring.contact.thanks')}</p>
        ) : (
          <form onSubmit={handleContact} data-testid="contact-form">
            <div className="monitoring-field">
              <label htmlFor="monitoring-contact">{t('monitoring.contact.label')}</label>
              <input
                id="monitoring-contact"
                data-testid="contact-input"
                type="text"
                autoComplete="email"
                maxLength={MAX_CONTACT_LENGTH}
                value={contact}
                onChange={(event) => setContact(event.target.value)}
              />
            </div>
            {contactSent === 'failed' && <p role="alert">{t('monitoring.failed')}</p>}
            <button type="submit" className="primary" disabled={contactSent === 'sending' || contact.trim() === ''} data-testid="contact-submit">{t('monitoring.contact.send')}</button>
          </form>
        )}
      </section>

      <div className="monitoring-actions">
        <button type="button" onClick={() => dialog.current?.close()} data-testid="monitoring-close">{t('monitoring.close')}</button>
      </div>
    </dialog>
  );
}
