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
      const { scale, unit, digits } = shownUnit(figure);
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

/** How a table shows a figure's values: multiply by `scale`, write `unit` after, with `digits` decimals. */
export interface ShownUnit {
  readonly scale: number;
  /** `%` for a fraction, `min`/`h`/`s` for seconds, else the figure's unit (`''` for counts). */
  readonly unit: string;
  readonly digits: number;
}

/** The unit a table shows `figure` in: a fraction in %, seconds in minutes (or as its format says). */
export function shownUnit(figure: Figure): ShownUnit {
  if (figure.unit === 'fraction') return { scale: 100, unit: '%', digits: 1 };
  if (figure.unit === 's') {
    const time = figure.format?.time ?? 'min';
    if (time === 'h') return { scale: 1 / 3600, unit: 'h', digits: 1 };
    if (time === 's') return { scale: 1, unit: 's', digits: 1 };
    return { scale: 1 / 60, unit: 'min', digits: 2 };
  }
  return { scale: 1, unit: figure.unit, digits: figure.format?.digits ?? 2 };
}
