import { fileURLToPath } from 'node:url';
import { parseFactor, planSweep, type SweepPlan } from '../src/experiments/index.js';

const DEMO = fileURLToPath(new URL('../../scenarios/demo-factory.yaml', import.meta.url));

/** The sweep bench's plan: 40 points (oven-in capacity 3–12 × adjust-in capacity 1–4) × 5 replications. */
export function benchPlan(horizonS: number): SweepPlan {
  return planSweep({
    file: DEMO,
    factors: [parseFactor('buffers.oven-in.capacity=3..12'), parseFactor('buffers.adjust-in.capacity=1..4')],
    design: 'grid',
    replications: 5,
    horizonS,
    warmupS: 8 * 3600,
    shopfloorVersion: 'bench',
  });
}
