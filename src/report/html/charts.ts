import { histogramBins } from './histogram-bins.js';
import type { VegaLiteSpec } from './page.js';

/** Vega-Lite specifications of the report's plots, each built from plain rows. */

const WIDTH = 900;
/** Bins of a histogram, at most. */
const HISTOGRAM_BINS = 40;

/** A time series (hours on x) with the warm-up marked by a dashed rule, one line per `series` value. */
export function timeSeriesChart(
  rows: readonly { hours: number; value: number; series: string }[],
  yTitle: string,
  warmupH: number,
): VegaLiteSpec {
  const many = new Set(rows.map((r) => r.series)).size > 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: 220,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: {
          x: { field: 'hours', type: 'quantitative', title: 'simulated time (h)' },
          y: { field: 'value', type: 'quantitative', title: yTitle },
          ...(many ? { color: { field: 'series', type: 'nominal', title: null } } : {}),
        },
      },
      {
        data: { values: [{ hours: warmupH, label: 'end of warm-up' }] },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [4, 4], color: '#b00' },
            encoding: { x: { field: 'hours', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: -100, color: '#b00' },
            encoding: { x: { field: 'hours', type: 'quantitative' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

/** Stacked horizontal bars: for each entity, the share of each category (fractions summing to 1). */
export function stackedShareChart(
  rows: readonly { entity: string; category: string; fraction: number }[],
  entityTitle: string,
): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 150,
    data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'entity', type: 'nominal', title: entityTitle, sort: null },
      x: {
        field: 'fraction',
        type: 'quantitative',
        title: 'share of time',
        axis: { format: '%' },
        stack: 'zero',
      },
      color: { field: 'category', type: 'nominal', title: 'state' },
      tooltip: [
        { field: 'entity', type: 'nominal' },
        { field: 'category', type: 'nominal' },
        { field: 'fraction', type: 'quantitative', format: '.1%' },
      ],
    },
  };
}

/** A histogram of values (at most 40 bins of a nice width on x, the count of values in each on y). */
export function histogramChart(values: readonly number[], xTitle: string): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: 220,
    // Counted here, so the page carries 40 bins, not every value (millions in a long run).
    data: { values: histogramBins(values, HISTOGRAM_BINS) },
    mark: 'bar',
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: 'binned', title: xTitle },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'parts' },
    },
  };
}

/** A Gantt chart: one lane per `lane`, a bar from `start` to `end` (hours) coloured by `category`. */
export function ganttChart(
  rows: readonly { lane: string; start: number; end: number; category: string; detail: string }[],
): VegaLiteSpec {
  const lanes = new Set(rows.map((r) => r.lane)).size;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH,
    height: Math.max(80, lanes * 18),
    data: { values: rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'lane', type: 'ordinal', title: 'station/server', sort: null },
      x: { field: 'start', type: 'quantitative', title: 'simulated time (h)' },
      x2: { field: 'end' },
      color: { field: 'category', type: 'nominal', title: null },
      tooltip: [
        { field: 'lane', type: 'nominal' },
        { field: 'category', type: 'nominal' },
        { field: 'detail', type: 'nominal' },
        { field: 'start', type: 'quantitative', format: '.3f' },
        { field: 'end', type: 'quantitative', format: '.3f' },
      ],
    },
  };
}

/** Horizontal bars, one per row, in the order given. */
export function rankingChart(
  rows: readonly { entity: string; part: string; value: number }[],
  xTitle: string,
): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 150,
    data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'entity', type: 'nominal', sort: null, title: null },
      x: { field: 'value', type: 'quantitative', title: xTitle, axis: { format: '%' }, stack: 'zero' },
      color: { field: 'part', type: 'nominal', title: null },
    },
  };
}

/**
 * A forest plot: per figure (one panel each, own x scale), each comparison's estimate as a point with
 * its confidence interval as a bar, and a rule at 0; significant ones filled.
 */
export function forestChart(
  rows: readonly {
    figure: string;
    comparison: string;
    mean: number;
    lo: number;
    hi: number;
    significant: string;
  }[],
): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    facet: {
      row: { field: 'figure', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } },
    },
    resolve: { scale: { x: 'independent' } },
    spec: {
      width: WIDTH - 300,
      layer: [
        { mark: { type: 'rule', color: '#999', strokeDash: [3, 3] }, encoding: { x: { datum: 0 } } },
        {
          mark: 'rule',
          encoding: {
            y: { field: 'comparison', type: 'nominal', title: null },
            x: { field: 'lo', type: 'quantitative', title: 'difference (95% CI)' },
            x2: { field: 'hi' },
          },
        },
        {
          mark: { type: 'point', size: 60 },
          encoding: {
            y: { field: 'comparison', type: 'nominal' },
            x: { field: 'mean', type: 'quantitative' },
            shape: { field: 'significant', type: 'nominal', title: 'significant' },
            fill: {
              field: 'significant',
              type: 'nominal',
              scale: { range: ['#1f77b4', 'white'], domain: ['yes', 'no'] },
            },
            tooltip: [
              { field: 'comparison', type: 'nominal' },
              { field: 'mean', type: 'quantitative', format: '.4g' },
              { field: 'lo', type: 'quantitative', format: '.4g' },
              { field: 'hi', type: 'quantitative', format: '.4g' },
            ],
          },
        },
      ],
    },
  };
}

/** A response plot: a figure's mean (line and points) with its CI (band) against one parameter, one panel per figure. */
export function responseChart(
  rows: readonly { x: number; figure: string; mean: number; lo: number; hi: number }[],
  xTitle: string,
): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: rows },
    facet: { row: { field: 'figure', type: 'nominal', title: null } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: WIDTH - 200,
      height: 160,
      layer: [
        {
          mark: { type: 'area', opacity: 0.25 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: xTitle },
            y: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false } },
            y2: { field: 'hi' },
          },
        },
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'mean', type: 'quantitative' },
            tooltip: [
              { field: 'x', type: 'quantitative' },
              { field: 'mean', type: 'quantitative', format: '.4g' },
            ],
          },
        },
      ],
    },
  };
}

/** A heat map of a figure's mean over two parameters. */
export function heatmapChart(
  rows: readonly { x: number; y: number; mean: number }[],
  xTitle: string,
  yTitle: string,
  valueTitle: string,
): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 500,
    height: 300,
    data: { values: rows },
    layer: [
      {
        mark: 'rect',
        encoding: {
          x: { field: 'x', type: 'ordinal', title: xTitle },
          y: { field: 'y', type: 'ordinal', title: yTitle, sort: 'descending' },
          color: { field: 'mean', type: 'quantitative', title: valueTitle },
          tooltip: [
            { field: 'x', type: 'quantitative' },
            { field: 'y', type: 'quantitative' },
            { field: 'mean', type: 'quantitative', format: '.4g' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x: { field: 'x', type: 'ordinal' },
          y: { field: 'y', type: 'ordinal', sort: 'descending' },
          text: { field: 'mean', type: 'quantitative', format: '.3g' },
        },
      },
    ],
  };
}
