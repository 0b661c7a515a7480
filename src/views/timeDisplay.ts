/**
 * Dates for tree items: relative in descriptions ("5 minutes ago"), absolute
 * in tooltips. Formatted by `Intl` in VS Code's display language, so no
 * translated strings are needed here.
 */
export class TimeDisplay {
  private readonly relativeFormat: Intl.RelativeTimeFormat;
  private readonly absoluteFormat: Intl.DateTimeFormat;

  constructor(locale: string, private readonly now: () => number = Date.now) {
    this.relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    this.absoluteFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
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
