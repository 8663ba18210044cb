/** ISO dates as day numbers for the generator (UTC calendar arithmetic; no clock is read). */
const DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY;
}

/** The ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

/** The last day of a month. */
export function endOfMonth(year: number, month: number): string {
  return isoOf(Date.UTC(year, month, 0) / DAY);
}
