/**
 * A calendar day (`YYYY-MM-DD`) in the reader's language: "30 June 2025".
 * Read as UTC midnight and shown in UTC, so the day never shifts with the
 * reader's time zone; a day that does not parse is shown as stored.
 */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}
