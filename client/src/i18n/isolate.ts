/**
 * Wraps text people typed (a name, a note) in Unicode first-strong isolate
 * marks before it goes into a translated sentence. Without them an Arabic
 * name inside an English sentence, or an English name inside an Arabic one,
 * drags the neighbouring punctuation and words into the wrong order.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
