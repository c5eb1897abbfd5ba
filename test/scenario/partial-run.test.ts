import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/report/index.js';
import { loadScenario, type RunProgress } from '../../src/scenario/index.js';

const text = readFileSync(new URL('../../scenarios/serial-line.yaml', import.meta.url), 'utf8');
const loaded = loadScenario(text, { fileName: 'serial-line.yaml' });
if (!loaded.ok) throw new Error('serial-line.yaml does not load');
const scenario = loaded.scenario;

describe('runScenario stops cleanly and reports progress (issue 9 §1)', () => {
  it('maxEvents stops each replication there: figures over the time simulated, marked partial', () => {
    const r = runScenario(scenario, {
      replications: 2,
      horizon: 5 * 86_400,
      warmup: 3600,
      maxEvents: 10_000,
    });
    expect(r.partial).toBe(true);
    expect(r.partialReason).toMatch(
      /^replication 1 stopped at \d+\.\d\d h of 120\.00 h after 10,000 events \(maxEvents\); replication 2/,
    );
    expect(r.replications).toBe(2);
    expect(r.events).toBe(20_000);
    expect(r.kpis.throughputPerHour.mean).toBeGreaterThan(30);
  });

  it('a replication stopped before its warm-up ended says its figures include the warm-up', () => {
    const early = runScenario(scenario, {
      replications: 1,
      horizon: 5 * 86_400,
      warmup: 86_400,
      maxEvents: 500,
    });
    expect(early.partialReason).toMatch(
      /after 500 events \(maxEvents\), before its warm-up of 24\.00 h ended \(its figures include the warm-up\)$/,
    );
    // Stopped after the warm-up: no such words.
    const late = runScenario(scenario, { replications: 1, horizon: 5 * 86_400, warmup: 60, maxEvents: 500 });
    expect(late.partialReason).toMatch(/after 500 events \(maxEvents\)$/);
  });

  it('maxWallS stops the run: the replication running is reported, the later ones are not run', () => {
    const r = runScenario(scenario, { replications: 5, horizon: 10_000 * 86_400, warmup: 0, maxWallS: 0.2 });
    expect(r.partial).toBe(true);
    expect(r.replications).toBe(1);
    expect(r.partialReason).toMatch(/\(maxWall\); replications 2–5 not run$/);
  });

  it('without limits the result is whole, and the same as a run split into progress steps', () => {
    const progress: RunProgress[] = [];
    const a = runScenario(scenario, {
      replications: 2,
      horizon: 20 * 86_400,
      onProgress: (p) => progress.push(p),
    });
    expect(a.partial).toBe(false);
    expect(a.partialReason).toBeNull();
    // Progress within each replication: more than one report, simulated time never going back, ending at the horizon.
    for (const rep of [0, 1]) {
      const times = progress.filter((p) => p.replication === rep).map((p) => p.nowS);
      expect(times.length).toBeGreaterThan(1);
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(times.at(-1)).toBe(20 * 86_400);
    }
    const b = runScenario(scenario, { replications: 2, horizon: 20 * 86_400, maxEvents: 10_000_000 });
    expect(b.kpis).toEqual(a.kpis);
    expect(b.events).toBe(a.events);
  });

  it('rejects a bad maxEvents or maxWallS, naming it', () => {
    expect(() => runScenario(scenario, { maxEvents: 0 })).toThrow(
      /runScenario: maxEvents must be an integer >= 1/,
    );
    expect(() => runScenario(scenario, { maxWallS: -1 })).toThrow(/runScenario: maxWallS must be > 0 s/);
  });
});
