import type { ReplicationData } from '../../scenario/index.js';
import type { Estimate } from './estimate.js';

/**
 * The unit of a figure's value as reported in JSON and CSV (a table may show it scaled: a `fraction` as
 * %, seconds as minutes or hours).
 */
export type FigureUnit =
  | 'fraction'
  | 's'
  | 'parts'
  | 'parts/h'
  | 'items'
  | 'count'
  | 'kWh'
  | 'kWh/part'
  | 'kW';

/**
 * How one value per replication becomes the reported figure:
 * - `mean`: mean ± 95% Student-t half-width; reported even where a replication's value is undefined
 *   (then `NaN`, i.e. `null` in JSON, with no half-width);
 * - `mean-if-defined`: the same, but the whole figure is null unless every replication defines it;
 * - `pooled-ratio`: Σ numerators / Σ denominators over all replications (e.g. MTBF = Σ up time / Σ
 *   failures), no CI, null when the denominators sum to 0; it exists as soon as any replication has a
 *   non-zero denominator.
 */
export type Aggregation = 'mean' | 'mean-if-defined' | 'pooled-ratio';

/** How a table shows a figure (the text report and the HTML report). */
export interface FigureFormat {
  /** Decimals of the shown value (after scaling); default 2, or 1 for a fraction shown in %. */
  readonly digits?: number;
  /** Seconds shown in minutes, hours or seconds (default minutes); ignored for other units. */
  readonly time?: 'min' | 'h' | 's';
  /**
   * Text after the number: default `%` for a fraction, the time unit for seconds, the unit for
   * `parts/h`, `kWh` and `kW`, and nothing for counts in a column (a row of the plant table shows
   * `parts`).
   */
  readonly suffix?: string;
  /** Words after the value, also after a "–" (e.g. `late (mean)`). */
  readonly note?: string;
}

interface FigureCommon<K extends string, A extends Aggregation> {
  /** Field name in JSON (`kpis.<key>`, `stations.<id>.<key>`…): a published contract, never renamed. */
  readonly key: K;
  /** What a person reads: a table row or column, a chart axis. */
  readonly label: string;
  /** Shorter column header, when the label is too long for a column. */
  readonly short?: string;
  readonly unit: FigureUnit;
  /** One sentence for the README's field list: what the figure is and how it is computed. */
  readonly description: string;
  readonly aggregate: A;
  /** Figure name in CSV when it differs from `key` (kept for the published CSV layout). */
  readonly csv?: string;
  readonly format?: FigureFormat;
  /** `false`: in JSON, CSV and HTML but not in the text tables. */
  readonly table?: false;
}

/** A figure with one value per replication (`NaN` where undefined in that replication). */
export interface ValueFigure<
  K extends string = string,
  A extends 'mean' | 'mean-if-defined' = 'mean' | 'mean-if-defined',
> extends FigureCommon<K, A> {
  readonly shape: 'value';
  /** The value of entity `id` (`''` for the plant) in one replication. */
  readonly value: (rep: ReplicationData, id: string) => number;
}

/** A ratio pooled over replications: each replication gives a numerator and a denominator. */
export interface RatioFigure<K extends string = string> extends FigureCommon<K, 'pooled-ratio'> {
  readonly shape: 'ratio';
  readonly ratio: (rep: ReplicationData, id: string) => readonly [numerator: number, denominator: number];
}

/**
 * A family of figures under one key, one per member (e.g. the fraction of time in each state): JSON
 * nests them (`stateFractions.busy`), CSV names them `<csvPrefix><member>` after the section's other
 * figures. Members are those of the first replication, in its order.
 */
export interface FamilyFigure<K extends string = string> extends FigureCommon<K, 'mean'> {
  readonly shape: 'family';
  readonly members: (rep: ReplicationData, id: string) => Readonly<Record<string, number>>;
  readonly csvPrefix: string;
}

/** One declared figure. */
export type Figure = ValueFigure | RatioFigure | FamilyFigure;

/** What a declared figure becomes in the result: an estimate, null where undefined, or a family of them. */
export type EstimateOf<D> = D extends { readonly shape: 'family' }
  ? Record<string, Estimate>
  : D extends { readonly aggregate: 'mean' }
    ? Estimate
    : Estimate | null;

/** The result object of a list of declared figures: one field per figure, named by its key. */
export type FiguresOf<T extends readonly Figure[]> = { [D in T[number] as D['key']]: EstimateOf<D> };

/** Declares a figure with one value per replication (keeps its key and aggregation as literal types). */
export function valueFigure<const K extends string, const A extends 'mean' | 'mean-if-defined'>(
  d: Omit<ValueFigure<K, A>, 'shape'>,
): ValueFigure<K, A> {
  return { ...d, shape: 'value' };
}

/** Declares a ratio pooled over replications. */
export function ratioFigure<const K extends string>(
  d: Omit<RatioFigure<K>, 'shape' | 'aggregate'>,
): RatioFigure<K> {
  return { ...d, shape: 'ratio', aggregate: 'pooled-ratio' };
}

/** Declares a family of figures under one key. */
export function familyFigure<const K extends string>(
  d: Omit<FamilyFigure<K>, 'shape' | 'aggregate'>,
): FamilyFigure<K> {
  return { ...d, shape: 'family', aggregate: 'mean' };
}

/**
 * The value one replication gives a figure (a family member needs `member`); for a pooled ratio, its own
 * ratio (`NaN` when its denominator is 0). `NaN` where undefined.
 */
export function replicationValue(figure: Figure, rep: ReplicationData, id: string, member?: string): number {
  switch (figure.shape) {
    case 'value':
      return figure.value(rep, id);
    case 'ratio': {
      const [n, d] = figure.ratio(rep, id);
      return d > 0 ? n / d : Number.NaN;
    }
    case 'family':
      return figure.members(rep, id)[member ?? ''] ?? Number.NaN;
  }
}
