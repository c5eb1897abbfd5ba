import { describe, expect, it } from 'vitest';
import {
  conwipPracticalWorstCase,
  erlangC,
  jacksonTandemTimeInSystem,
  machineRepairman,
  mg1TimeInSystem,
  mm1TimeInSystem,
  mmcTimeInSystem,
} from './_support/queueing.js';

/** The reference formulas themselves, checked against special cases that reduce to each other. */
describe('closed-form references', () => {
  it('M/G/1 with exponential service (c_s² = 1) is M/M/1', () => {
    expect(mg1TimeInSystem(0.8, 1, 1)).toBeCloseTo(mm1TimeInSystem(0.8, 1), 12);
  });

  it('Erlang C with one server is ρ, and M/M/1 is M/M/c with c = 1', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(mmcTimeInSystem(1, 0.7, 1)).toBeCloseTo(mm1TimeInSystem(0.7, 1), 12);
    // Textbook value: c = 2, a = 1 → C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('machine repairman with one machine: availability μ/(λ + μ)', () => {
    const r = machineRepairman(1, 1, 0.1, 0.4);
    expect(r.availability).toBeCloseTo(0.4 / 0.5, 12);
    expect(r.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('machine repairman with as many crews as machines: machines are independent', () => {
    const r = machineRepairman(5, 5, 0.2, 1);
    expect(r.availability).toBeCloseTo(1 / 1.2, 12);
  });

  it('CONWIP with WIP 1 has throughput 1/T₀; large WIP tends to the bottleneck rate', () => {
    expect(conwipPracticalWorstCase(1, 1, 5)).toBeCloseTo(1 / 5, 12);
    expect(conwipPracticalWorstCase(1e6, 1, 5)).toBeCloseTo(1, 4);
  });

  it('a Jackson tandem line is a sum of M/M/1 stations', () => {
    expect(jacksonTandemTimeInSystem(0.9, [1, 1, 1, 1, 1])).toBeCloseTo(50, 10);
  });
});
