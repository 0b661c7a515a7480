/**
 * Dates for tree items: relative in descriptions ("5 minutes ago"), absolute
 * in tooltips. Formatted by `Intl` in VS Code's display language, so no
 * translated strings are needed here.
 */
export class TimeDisplay {
  // Created on first use: building Intl formatters costs ~12 ms, which activation should not pay.
  private relativeFormatter: Intl.RelativeTimeFormat | undefined;
  private absoluteFormatter: Intl.DateTimeFormat | undefined;

  constructor(
    private readonly locale: string,
    private readonly now: () => number = Date.now,
  ) {}

  private get relativeFormat(): Intl.RelativeTimeFormat {
    return (this.relativeFormatter ??= new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto', style: 'short' }));
  }

  private get absoluteFormat(): Intl.DateTimeFormat {
    return (this.absoluteFormatter ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }));
  }

  relative(date: Date): string {
    const seconds = (date.getTime() - this.now()) / 1000;
    for (const [unit, size] of UNITS) {
      if (Math.abs(seconds) >= size || unit === 'second') {
        return this.relativeFormat.format(Math.round(seconds / size), unit);
      }
    }
    return '';
  }

  absolute(date: Date): string {
    return this.absoluteFormat.format(date);
  }
}

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
