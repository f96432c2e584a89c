import { saveBlob } from '../saveBlob.ts';

/** Has the browser save `text` as a file named `name`, without a round trip to the server. */
export function downloadFile(name: string, text: string, type: string): void {
  saveBlob(new Blob([text], { type }), name);
}
