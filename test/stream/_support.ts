import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlantSnapshot } from '../../src/entities/index.js';
import {
  type BuiltModel,
  loadScenarioFile,
  type RunObserver,
  type Scenario,
} from '../../src/scenario/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A scenario of `scenarios/` with its text. */
export function scenarioFile(name: string): { scenario: Scenario; text: string; path: string } {
  const path = join(ROOT, 'scenarios', name);
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`cannot load ${name}`);
  return { scenario: loaded.scenario, text: readFileSync(path, 'utf8'), path };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'shopfloor-stream-'));
}

/** An observer that takes `plant.snapshot()` at each of `times` (seconds, increasing) of replication 0. */
export class SnapshotProbe implements RunObserver {
  readonly snapshots: PlantSnapshot[] = [];
  private model: BuiltModel | null = null;
  private next = 0;
  constructor(private readonly times: readonly number[]) {}
  start(model: BuiltModel, run: { replication: number }): void {
    this.model = run.replication === 0 ? model : null;
  }
  nextStopS(now: number): number {
    if (this.model === null) return Number.POSITIVE_INFINITY;
    while (this.next < this.times.length && this.times[this.next]! <= now) {
      this.snapshots.push(this.model.plant.snapshot());
      this.next++;
    }
    return this.times[this.next] ?? Number.POSITIVE_INFINITY;
  }
  at(now: number): void {
    this.nextStopS(now);
  }
}

/** `value` with every number rounded to 1e-6, so positions computed along two paths compare. */
export function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)),
  );
}
