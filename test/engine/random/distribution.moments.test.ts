import { describe, it } from 'vitest';
import { bandZ, MOMENT_RUNS, momentsMatch } from './distribution.properties.js';
import { distributionCases } from './distribution-cases.js';

// About 7.5 million draws in all: a few seconds.
const z = bandZ(distributionCases.length * MOMENT_RUNS * 2);

describe('distribution moments (20 000 draws per parameter set, bands at 99.9 % for the whole file)', () => {
  for (const c of distributionCases) {
    it(`${c.name}: sample mean and variance match the theoretical mean and variance`, () => {
      momentsMatch(c, z);
    });
  }
});
