import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { CrewPool, Plant, PlantStatistics, ShiftCalendar, Station } from '../../src/entities/index.js';

const H = 3600;
const c = (v: number) => new Constant({ value: v });

describe('crew shifts', () => {
  it('a failure at night waits for the day shift; an off-shift crew takes no job', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    const day = new ShiftCalendar([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], startS: 8 * H, endS: 16 * H },
    ]);
    const pool = new CrewPool(plant, { id: 'crews', crews: [{ id: 'fitter', shifts: day }] });
    const m = new Station(plant, {
      id: 'M',
      processTimes: {},
      crews: pool,
      // Calendar basis: fails 2 h after the start and 2 h after each repair.
      failures: [{ name: 'f', timeToFailure: c(2 * H), timeToRepair: c(2 * H) }],
    });
    const stats = new PlantStatistics(plant);
    const log: string[] = [];
    plant.events.on('repaired', (_s, _i, _m, t) => log.push(`repaired@${t / H}h`));
    plant.events.on('crewStateChanged', (_p, _c, _f, to, t) => log.push(`${to}@${t / H}h`));
    expect(pool.crewState('fitter')).toBe('off-shift');
    plant.run({ until: 16.5 * H });
    // Fails at 2 h; the fitter starts at 8 h: repair 8–10 h. Fails again at 12 h: repair 12–14 h. Fails at 16 h,
    // just as the shift ends at 16 h: the shift end is handled first (same time, earlier scheduled), so the
    // fitter is off and the machine waits.
    expect(log).toEqual([
      // announced by the first run: it starts off shift
      'off-shift@0h',
      'idle@8h',
      'travelling@8h',
      'working@8h',
      'repaired@10h',
      'idle@10h',
      'travelling@12h',
      'working@12h',
      'repaired@14h',
      'idle@14h',
      'off-shift@16h',
    ]);
    expect(m.serverState(0)).toBe('down-waiting');
    expect(stats.report().crews['crews/fitter']!.utilization).toBeCloseTo(4 / 16.5, 9);
  });
});
