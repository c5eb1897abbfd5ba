// Runs instantly.
import { describe, expect, it } from 'vitest';
import * as stats from '../../../src/engine/stats/index.js';

describe('stats index', () => {
  it('exposes exactly the public collectors and the confidence-interval function, no internals', () => {
    expect(Object.keys(stats).sort()).toEqual([
      'BatchMeans',
      'Histogram',
      'Tally',
      'TimeWeighted',
      'confidenceInterval',
    ]);
  });
});
