import { daysLeft } from './tokenFacts';

/**
 * Decides whether a PAT expiry warning is due. Pure so the once-a-day rule is
 * unit tested: a warning fires when the days left reach a threshold, at most
 * once per calendar day (local), and the most urgent threshold wins.
 */
export interface WarningRecord {
  /** Local date (YYYY-MM-DD) of the last warning shown. */
  readonly lastWarnedDay?: string;
}

export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function expiryWarningDue(
  expiresAt: number | undefined,
  thresholds: readonly number[],
  record: WarningRecord,
  now: Date,
): { days: number } | undefined {
  const days = daysLeft({ expiresAt }, now.getTime());
  if (days === undefined || days < 0) {
    return undefined;
  }
  const reached = thresholds.filter((t) => Number.isFinite(t) && t >= 0 && days <= t);
  if (reached.length === 0 || record.lastWarnedDay === localDay(now)) {
    return undefined;
  }
  return { days };
}
