import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTracker } from '../connection/connectionTracker.ts';
import { useObservable } from '../editor/EditorContext.ts';
import { MAX_DISPLAY_NAME_LENGTH } from '@clapboard/shared';
import { sanitizeName, saveDisplayName } from '../presence/identity.ts';
import type { Presence } from '../presence/Presence.ts';
import { isolate } from '../i18n/isolate.ts';
import { ROLE_NAME_KEY } from '../i18n/keys/roleKeys.ts';

/** Neither live nor knowingly ended: the people who were here are most likely still there. */
const LOST = new Set(['reconnecting', 'offline']);

/**
 * Who is here, follow someone's view, rename yourself, and (facilitators) bring everyone to you.
 * While the connection is lost, awareness forgets everyone else; the list keeps the
 * last people seen, greyed, and says that this person's notes are safe.
 */
export function PresencePanel({ presence, initialName, isFacilitator, tracker }: { presence: Presence; initialName: string; isFacilitator: boolean; tracker?: ConnectionTracker }) {
  const { t } = useTranslation();
  const livePeers = useObservable(presence.peers);
  const status = useSyncExternalStore(
    (listener) => tracker?.subscribe(listener) ?? (() => {}),
    () => tracker?.current.status ?? 'live',
  );
  const lost = LOST.has(status);
  const lastSeen = useRef(livePeers);
  if (!lost) lastSeen.current = livePeers;
  const peers = lost ? lastSeen.current : livePeers;
  const following = useObservable(presence.following);
  const summonedBy = useObservable(presence.summonedBy);
  const [name, setName] = useState(initialName);
  /** How many others were brought here by this facilitator's last "Bring everyone to me" (null before any). */
  const [sentTo, setSentTo] = useState<number | null>(null);
  const self = peers.find((peer) => peer.isSelf);
  // Whoever follows this person sees what they see: a leader should know their screen is being watched.
  const followers = self ? peers.filter((peer) => !peer.isSelf && peer.following === self.clientId).length : 0;

  const commitName = (value: string) => {
    const clean = sanitizeName(value);
    if (!clean) return;
    saveDisplayName(clean);
    presence.setName(clean);
  };

  return (
    <section className="presence panel" aria-labelledby="presence-heading">
      <h2 id="presence-heading">{t('presence.heading', { count: peers.length })}</h2>
      <label className="name-field">
        <span>{t('presence.yourName')}</span>
        <input
          dir="auto"
          data-testid="display-name-input"
          aria-describedby="presence-traceable"
          value={name}
          maxLength={MAX_DISPLAY_NAME_LENGTH}
          onChange={(event) => {
            setName(event.target.value);
            commitName(event.target.value);
          }}
          onBlur={() => setName((current) => sanitizeName(current) || initialName)}
        />
      </label>
      {/* Said plainly, so nobody mistakes an ordinary note for an anonymous one (docs/protocol.md, "Awareness"). */}
      <p id="presence-traceable" className="presence-note" data-testid="traceable-notice">
        {t('presence.traceable')}
      </p>
      {lost && (
        <p className="presence-lost" data-testid="presence-lost">
          {t('presence.stale')}
        </p>
      )}
      <ul data-testid="presence-list" className={lost ? 'presence-list stale' : 'presence-list'} data-stale={lost}>
        {peers.map((peer) => (
          <li key={peer.clientId} data-testid="presence-item" data-client-id={peer.clientId}>
            <span className="presence-swatch" style={{ backgroundColor: peer.color }} aria-hidden="true" />
            {peer.isSelf ? (
              <span className="presence-name">{t('presence.you', { name: isolate(peer.name) })}</span>
            ) : (
              <button
                type="button"
                className="presence-name"
                aria-pressed={following === peer.clientId}
                disabled={lost}
                onClick={() => presence.follow(following === peer.clientId ? null : peer.clientId)}
                title={following === peer.clientId ? t('presence.stopFollowing') : t('presence.follow', { name: isolate(peer.name) })}
              >
                <bdi>{peer.name}</bdi>
                {following === peer.clientId && <span className="badge">{t('presence.following')}</span>}
              </button>
            )}
            {peer.role && peer.role !== 'participant' && <span className="badge">{t(ROLE_NAME_KEY[peer.role])}</span>}
            {peer.editing && !peer.isSelf && <span className="badge">{t('presence.typing')}</span>}
            {self && !peer.isSelf && peer.following === self.clientId && (
              <span className="badge" data-testid="presence-follows-you">
                {t('presence.followsYou')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {followers > 0 && (
        <p className="presence-note" data-testid="presence-followers">
          {t('presence.followedBy', { count: followers })}
        </p>
      )}
      {isFacilitator && (
        <button
          type="button"
          data-testid="summon-everyone"
          onClick={() => {
            presence.summonEveryone();
            setSentTo(peers.filter((peer) => !peer.isSelf).length);
          }}
        >
          {t('presence.summon')}
        </button>
      )}
      <p role="status" className="summon-notice" data-testid="summon-notice">
        {summonedBy ? t('presence.summoned', { name: isolate(summonedBy) }) : sentTo !== null ? t('presence.summonSent', { count: sentTo }) : ''}
      </p>
    </section>
  );
}
