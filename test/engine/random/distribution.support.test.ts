import { describe, it } from 'vitest';
import { samplesStayInSupport } from './distribution.properties.js';
import { distributionCases } from './distribution-cases.js';

describe('distribution support', () => {
  for (const c of distributionCases) {
    it(`${c.name}: every sample lies in the support, for any valid parameters`, () => {
      samplesStayInSupport(c);
    });
  }
});
