import type { Figure } from '../figures/declaration.js';
import type { Estimate } from '../figures/estimate.js';

/** Formats estimates for a table; remembers whether any figure was undefined ("–"). */
export class FigureFormatter {
  /** Set when a figure printed as "–" (the report then ends with a footnote saying why). */
  dashed = false;

  /** "–" for a figure that is not defined in this run (never `NaN`). */
  dash(): string {
    this.dashed = true;
    return '–';
  }

  /** `mean ± half-width` with `digits` decimals (just the mean with one replication); "–" when undefined. */
  pm(e: Estimate | null, digits = 2, scale = 1): string {
    if (e === null || !Number.isFinite(e.mean)) return this.dash();
    const mean = (e.mean * scale).toFixed(digits);
    return e.halfWidth === null ? mean : `${mean} ± ${(e.halfWidth * scale).toFixed(digits)}`;
  }

  /**
   * One figure as its declaration says: a fraction in %, seconds in minutes/hours/seconds, other units
   * with their digits and unit text (`inRow`: a row of the plant table, where counts say `parts`).
   */
  figure(figure: Figure, e: Estimate | null, inRow: boolean): string {
    const note = figure.format?.note;
    const text = this.value(figure, e, inRow);
    return note === undefined ? text : `${text} ${note}`;
  }

  private value(figure: Figure, e: Estimate | null, inRow: boolean): string {
    const fmt = figure.format ?? {};
    if (figure.unit === 'fraction' || figure.unit === 's') {
      if (e === null || !Number.isFinite(e.mean)) return this.dash();
      const time = fmt.time ?? 'min';
      const [scale, unit, digits] =
        figure.unit === 'fraction'
          ? [100, '%', 1]
          : time === 'h'
            ? [1 / 3600, 'h', 1]
            : time === 's'
              ? [1, 's', 1]
              : [1 / 60, 'min', 2];
      return `${this.pm(e, fmt.digits ?? digits, scale)} ${fmt.suffix ?? unit}`;
    }
    // A column shows an undefined figure as a bare "–"; a row of the plant table keeps its unit.
    if (e === null && !inRow) return this.dash();
    const counted = figure.unit === 'parts' || figure.unit === 'items' || figure.unit === 'count';
    const suffix = fmt.suffix ?? (counted ? (inRow && figure.unit === 'parts' ? 'parts' : '') : figure.unit);
    const value = this.pm(e, fmt.digits ?? 2);
    return suffix === '' ? value : `${value} ${suffix}`;
  }
}
