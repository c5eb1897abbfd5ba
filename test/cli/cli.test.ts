import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (npm test builds it first) as a user would: a real process. */
function shopfloor(...args: string[]) {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  const r = spawnSync(process.execPath, [main, ...args], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shopfloor CLI', () => {
  it('validate accepts a valid scenario with exit code 0', () => {
    const r = shopfloor('validate', 'test/scenario/fixtures/machine-shop.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is valid/);
  });

  it('validate reports three mistakes with their paths and lines, and exits with 2', () => {
    const r = shopfloor('validate', 'test/cli/three-mistakes.yaml');
    expect(r.code).toBe(2);
    const problems = r.stderr.split('\n').filter((l) => l.startsWith('✖'));
    expect(problems).toHaveLength(3);
    expect(r.stderr).toMatch(/products\[0\]\.routing\[0\]\.processTime.*\(line 9\)/);
    expect(r.stderr).toMatch(/stations\[0\].*colour.*\(line 19\)|colour.*stations\[0\].*\(line 19\)/);
    expect(r.stderr).toMatch(/"mill".*products\[0\]\.routing\[1\]\.station \(line 10\)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('a missing file is a clear error with exit code 2', () => {
    const r = shopfloor('validate', 'no/such/file.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read the file/);
  });

  it('schema prints a JSON Schema', () => {
    const r = shopfloor('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('$schema');
  });

  it('unknown commands and bad flags exit with 2 and a message', () => {
    expect(shopfloor('frobnicate').code).toBe(2);
    const r = shopfloor('demo', '--seed', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed "x": a number is expected/);
  });

  it('demo prints its statistics', () => {
    const r = shopfloor('demo', '--replications', '3');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/shopfloor run — demo factory/);
    for (const table of [
      /throughput/,
      /energy per good part/,
      /first-pass yield/,
      /conveyor/,
      /robot fleet/,
      /OEE/,
    ])
      expect(r.stdout).toMatch(table);
  });
});

describe('shopfloor run', () => {
  it('every example scenario runs and validates', () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const f = file.replace(/\.yaml$/, '');
      expect(shopfloor('validate', `scenarios/${f}.yaml`).code, f).toBe(0);
      const r = shopfloor('run', `scenarios/${f}.yaml`, '--replications', '2', '--quiet');
      expect(r.code, f).toBe(0);
      expect(r.stdout).toMatch(/throughput/);
    }
  });

  it('--json carries the KPIs as {mean, halfWidth} and a reproducibility manifest', () => {
    const r = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      '--json',
      '--replications',
      '3',
      '--horizon',
      '2d',
      '--warmup',
      '4h',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const k of ['throughputPerHour', 'cycleTimeS', 'wip'])
      expect(doc.kpis[k]).toMatchObject({ mean: expect.any(Number), halfWidth: expect.any(Number) });
    for (const id of ['saw', 'mill', 'lathe']) {
      for (const k of ['utilization', 'queueLength', 'down'])
        expect(doc.stations[id][k]).toHaveProperty('halfWidth');
    }
    expect(doc.crews.fitters.utilization).toHaveProperty('mean');
    expect(doc.manifest).toMatchObject({
      seed: 42,
      shopfloorVersion: expect.any(String),
      scenarioSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('--json carries the material-handling, quality and energy figures (issue 4 §3)', () => {
    const r = shopfloor(
      'run',
      'scenarios/demo-factory.yaml',
      '--replications',
      '2',
      '--horizon',
      '1d',
      '--json',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const est = { mean: expect.any(Number) };
    for (const k of ['energyKWh', 'kWhPerGoodPart', 'peakKW', 'scrapped', 'onTimeFraction', 'firstPassYield'])
      expect(doc.kpis[k], k).toMatchObject(est);
    for (const k of ['meanLevel', 'maxLevel', 'stoppedFraction', 'transitS'])
      expect(doc.conveyors['assy-to-adjust'][k], k).toMatchObject(est);
    for (const k of ['utilization', 'transportS', 'waitS']) expect(doc.robots.agv[k], k).toMatchObject(est);
    expect(Object.keys(doc.robots.agv.stateFractions)).toEqual(
      expect.arrayContaining(['idle', 'travelling-empty', 'travelling-loaded', 'picking', 'placing']),
    );
    for (const k of [
      'setupFraction',
      'offShiftFraction',
      'oee',
      'oeeAvailability',
      'oeePerformance',
      'oeeQuality',
    ])
      expect(doc.stations.smt[k], k).toMatchObject(est);
    expect(doc.stations.test.firstPassYield).toMatchObject(est);
    for (const k of ['onTimeFraction', 'meanTardinessS', 'meanLatenessS'])
      expect(doc.products.unit[k], k).toMatchObject(est);
  });

  it('a bad duration flag and a warm-up longer than the horizon exit with 2 and a message', () => {
    const a = shopfloor('run', 'scenarios/machine-shop.yaml', '--horizon', '2x');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--horizon must be a duration/);
    const b = shopfloor('run', 'scenarios/machine-shop.yaml', '--warmup', '30d');
    expect(b.code).toBe(2);
    expect(b.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('import jobshop turns ft06 into a scenario whose schedule is feasible: makespan ≥ the optimum 55', () => {
    const imported = shopfloor('import', 'jobshop', 'data/jobshop/ft06.txt');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(readFileSync('scenarios/jobshop-ft06.yaml', 'utf8'));
    const r = shopfloor('run', 'scenarios/jobshop-ft06.yaml', '--json');
    const doc = JSON.parse(r.stdout);
    expect(doc.kpis.finished.mean).toBe(6);
    const makespanMin = doc.kpis.cycleTimeMaxS.mean / 60;
    expect(makespanMin).toBeGreaterThanOrEqual(55);
    expect(makespanMin).toBeLessThanOrEqual(197);
  });

  it('import of an unknown kind exits 2 naming the kinds (it did nothing and exited 0)', () => {
    const r = shopfloor('import', 'taillard', 'data/jobshop/ta01.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Argument: kind, Given: "taillard", Choices: "jobshop"/);
    expect(r.stdout).toBe('');
  });
});

describe('shopfloor run --csv', () => {
  it('writes one CSV per table with mean and half-width columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-csv-'));
    const r = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      '--replications',
      '2',
      '--horizon',
      '1d',
      '--warmup',
      '2h',
      '--csv',
      dir,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const kpis = readFileSync(join(dir, 'kpis.csv'), 'utf8').split('\n');
    expect(kpis[0]).toBe('kpi,mean,half_width_95');
    expect(kpis.some((l) => l.startsWith('throughputPerHour,'))).toBe(true);
    expect(readFileSync(join(dir, 'stations.csv'), 'utf8')).toMatch(/^mill,utilization,/m);
  });

  it('an unwritable folder is a clear error with exit code 2', () => {
    const r = shopfloor(
      'run',
      'scenarios/machine-shop.yaml',
      '--replications',
      '1',
      '--horizon',
      '1h',
      '--warmup',
      '0s',
      '--csv',
      'scenarios/machine-shop.yaml/out',
      '--quiet',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv: cannot write into scenarios\/machine-shop.yaml\/out/);
  });
});
