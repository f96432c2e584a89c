import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './waitFor.ts';

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export interface ConnectOptions {
  doc?: Y.Doc;
  connect?: boolean;
  /**
   * Authenticate with these subprotocols (`syncSubprotocols(token, writerKey)`)
   * instead of `?token=` in the URL.
   */
  protocols?: string[];
}

/** The stock y-websocket client, exactly as an integrator would use it. */
export function connectClient(syncUrl: string, room: string, token: string, options: ConnectOptions = {}): Client {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    ...(options.protocols ? { protocols: options.protocols } : { params: { token } }),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    // Keep reconnect attempts short and bounded in tests.
    maxBackoffTime: 200,
    // Providers in one process (or tabs in one browser) would otherwise swap
    // updates over BroadcastChannel, around the server and its role checks.
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function connectSynced(syncUrl: string, room: string, token: string): Promise<Client> {
  const client = connectClient(syncUrl, room, token);
  await waitFor(() => client.provider.synced);
  return client;
}

/** The first application close code (4000 and up) the server sends this client. */
export function firstServerClose(client: Client): Promise<number> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => {
      if (event && event.code >= 4000) resolve(event.code);
    });
  });
}
