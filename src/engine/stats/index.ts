/** Statistics collectors of the kernel: tallies, time-weighted levels, histograms, confidence intervals. */

export type { BatchMeansOptions } from './batch-means.js';
export { BatchMeans } from './batch-means.js';
export type { ConfidenceInterval } from './confidence.js';
export { confidenceInterval } from './confidence.js';
export type { HistogramOptions } from './histogram.js';
export { Histogram } from './histogram.js';
export type { TallyOptions, TallyQuantileMemory, TallySummary } from './tally.js';
export { Tally } from './tally.js';
export type { TimeWeightedOptions } from './time-weighted.js';
export { TimeWeighted } from './time-weighted.js';
