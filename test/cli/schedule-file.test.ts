/** The `--schedule` file is written while the run goes on, equals the whole schedule, and moves into place at the end. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScheduleFile } from '../../src/cli/report/schedule-file.js';
import { recordSchedule, type ScheduleRecorder } from '../../src/report/index.js';
import { buildPlant, loadScenarioFile } from '../../src/scenario/index.js';

const DAY = 86_400;

function machineShop() {
  const loaded = loadScenarioFile('scenarios/machine-shop.yaml');
  if (!loaded.ok) throw new Error('machine-shop.yaml does not load');
  return buildPlant(loaded.scenario, 7);
}

describe('ScheduleFile', () => {
  it('rows reach the disk during the run; at the end the file is the whole schedule and no temporary file is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-schedule-'));
    const path = join(dir, 'out', 'schedule.csv');
    const model = machineShop();
    // Batches of 1,000 rows and writes of 64 KiB, so that a 60-day run (about 2.5 MB) is written in many.
    const file = new ScheduleFile(path, { spillRows: 1000, flushChars: 1 << 16 });
    file.record(model.plant);
    const whole: ScheduleRecorder = recordSchedule(model.plant);
    const sizes: number[] = [];
    const temp = () => readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'));
    for (let d = 1; d <= 60; d++) {
      model.plant.run({ until: d * DAY });
      expect(temp()).toHaveLength(1);
      sizes.push(statSync(join(dir, 'out', temp()[0]!)).size);
    }
    file.finish();
    const text = readFileSync(path, 'utf8');
    expect(text).toBe(whole.toCsv());
    // Written as it grows, not all at the end.
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(sizes[29]!).toBeGreaterThan(0.3 * text.length);
    expect(readdirSync(join(dir, 'out'))).toEqual(['schedule.csv']);
  });

  it('discard leaves nothing behind; a file that cannot be opened is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-schedule-'));
    const file = new ScheduleFile(join(dir, 'schedule.csv'));
    file.record(machineShop().plant);
    file.discard();
    expect(readdirSync(dir)).toEqual([]);
    expect(() => new ScheduleFile(join('/proc', 'nope', 'schedule.csv'))).toThrow(/\/proc\/nope/);
  });
});
