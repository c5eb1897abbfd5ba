/**
 * `npm run bench -- rules [--quick] [--json]`: the makespan of every built-in dispatch rule on the job-shop
 * benchmark instances (ft06/10/20, la01–40, ta01–80), run through the simulator's scenario path, as the mean
 * gap to the best known makespan per group of instances, beside
 * - the same rules built by the independent non-delay Giffler–Thompson builder of test/_support (`gt-…` rows),
 * - the figures of Ho et al. (IEEE Access 2024, "Residual Scheduling", Table 2: event-driven rules).
 *
 * Then the simulator's FIFO and SPT makespans beside the builder's on ft06, ft10, la01–05, which must be
 * equal once every decision is taken at the end of the simulated instant (test/scenario/jobshop/gt-crosscheck).
 *
 * The job shops have no due dates of their own; for EDD, CR and ATC every job is given one at release
 * (time 0) + 1.5 × its total work (the total-work rule). `random` uses the scenario's seed (1); ATC k = 2.
 * `--quick`: ft, la01–10 and ta01–10 only.
 */
import { cpus } from 'node:os';
import Table from 'cli-table3';
import { DISPATCH_RULE_NAMES, type DispatchRuleName } from '../src/policies/index.js';
import { bestKnownMakespan, type JobShopInstance, loadJobShopInstance } from '../src/scenario/index.js';
import { GT_RULES, type GtRule, gifflerThompson } from '../test/_support/giffler-thompson.js';
import { simulatedMakespan } from '../test/_support/simulate-jobshop.js';

/** Due dates for EDD, CR and ATC: release + this × the job's total work. */
const DUE_DATE_FACTOR = 1.5;

/** Ho et al. 2024, Table 2: mean gap (%) of event-driven rules on three Taillard groups. */
const HO_ET_AL: Readonly<Partial<Record<DispatchRuleName, readonly [number, number, number]>>> = {
  spt: [25.8, 27.7, 34.4],
  fifo: [23.9, 27.3, 31.1],
  mwkr: [19.1, 21.8, 25.1],
  mopnr: [20.5, 21.7, 24.9],
};
const HO_GROUPS = ['ta01–10', 'ta21–30', 'ta41–50'] as const;

const CROSSCHECK = ['ft06', 'ft10', 'la01', 'la02', 'la03', 'la04', 'la05'];

interface Group {
  readonly name: string;
  readonly instances: readonly string[];
}

const seq = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

function groups(quick: boolean): Group[] {
  const ta = Array.from({ length: quick ? 1 : 8 }, (_, g) => ({
    name: `ta${String(10 * g + 1).padStart(2, '0')}–${10 * g + 10}`,
    instances: seq('ta', 10 * g + 1, 10 * g + 10),
  }));
  return [
    { name: 'ft', instances: ['ft06', 'ft10', 'ft20'] },
    { name: quick ? 'la01–10' : 'la', instances: seq('la', 1, quick ? 10 : 40) },
    ...ta,
  ];
}

const gapPct = (makespan: number, best: number) => ((makespan - best) / best) * 100;
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Per rule ("fifo", "gt-fifo", …) and instance: the makespan, or the error message of a failed run. */
type Makespans = Record<string, Record<string, number | string>>;

/** Runs the rules benchmark; `args` are the command-line arguments after `rules`. */
export function runRulesBench(args: readonly string[]): void {
  const quick = args.includes('--quick');
  const json = args.includes('--json');
  const log = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const started = performance.now();
  log(
    `shopfloor dispatch-rule benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  log(
    `gap = (makespan − best known) / best known, mean per group; simulator rows by rule name, gt-… rows by the non-delay Giffler–Thompson builder of test/_support`,
  );
  log();

  const gs = groups(quick);
  const instances = new Map<string, JobShopInstance>();
  const best = new Map<string, number>();
  for (const g of gs)
    for (const name of g.instances) {
      instances.set(name, loadJobShopInstance(name));
      best.set(name, bestKnownMakespan(name));
    }

  const rows = [...DISPATCH_RULE_NAMES, ...GT_RULES.map((r) => `gt-${r}`)];
  const makespans: Makespans = Object.fromEntries(rows.map((r) => [r, {}]));
  for (const g of gs) {
    const t0 = performance.now();
    for (const name of g.instances) {
      const inst = instances.get(name)!;
      for (const rule of DISPATCH_RULE_NAMES) {
        try {
          makespans[rule]![name] = simulatedMakespan(inst, rule, { dueDateFactor: DUE_DATE_FACTOR });
        } catch (error) {
          makespans[rule]![name] = error instanceof Error ? error.message : String(error);
        }
      }
      for (const rule of GT_RULES) makespans[`gt-${rule}`]![name] = gifflerThompson(inst, rule).makespan;
    }
    log(
      `${g.name.padEnd(8)} ${g.instances.length} instances × ${rows.length} rules in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  log();

  // Mean gap per rule and group; a group where a rule failed on any instance shows the failure.
  const gaps: Record<string, Record<string, number | null>> = {};
  const failures = new Map<string, string>();
  for (const rule of rows) {
    gaps[rule] = {};
    for (const g of gs) {
      const values = g.instances.map((n) => makespans[rule]![n]!);
      const failed = values.find((v): v is string => typeof v === 'string');
      if (failed !== undefined) failures.set(rule, failed);
      gaps[rule]![g.name] =
        failed === undefined
          ? round(mean(g.instances.map((n) => gapPct(makespans[rule]![n] as number, best.get(n)!))), 1)
          : null;
    }
  }

  const compact = {
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  };
  const table = new Table({
    head: ['rule', ...gs.map((g) => g.name), ...HO_GROUPS.map((g) => `Ho ${g}`)],
    colAligns: ['left', ...gs.map(() => 'right' as const), ...HO_GROUPS.map(() => 'right' as const)],
    ...compact,
  });
  for (const rule of rows) {
    const ho = HO_ET_AL[rule as DispatchRuleName] ?? HO_ET_AL[rule.replace(/^gt-/, '') as DispatchRuleName];
    table.push([
      rule,
      ...gs.map((g) => {
        const v = gaps[rule]![g.name];
        return v === null || v === undefined ? 'error' : v.toFixed(1);
      }),
      ...HO_GROUPS.map((_, i) => (ho === undefined ? '' : ho[i]!.toFixed(1))),
    ]);
  }
  log('mean gap to the best known makespan, %');
  log(table.toString());
  for (const [rule, message] of failures) log(`${rule}: ${message}`);
  log();

  // The simulator against the builder on small instances, FIFO and SPT.
  const cross = new Table({
    head: ['instance', 'rule', 'simulator', 'Giffler–Thompson', 'equal'],
    ...compact,
  });
  const crosscheck: {
    instance: string;
    rule: GtRule;
    simulator: number | string;
    gt: number;
    equal: boolean;
  }[] = [];
  for (const name of CROSSCHECK) {
    const inst = instances.get(name) ?? loadJobShopInstance(name);
    for (const rule of ['fifo', 'spt'] as const) {
      let sim: number | string;
      try {
        sim = simulatedMakespan(inst, rule);
      } catch (error) {
        sim = error instanceof Error ? error.message : String(error);
      }
      const gt = gifflerThompson(inst, rule).makespan;
      crosscheck.push({ instance: name, rule, simulator: sim, gt, equal: sim === gt });
      cross.push([name, rule, String(sim), String(gt), sim === gt ? 'yes' : 'NO']);
    }
  }
  log('simulator vs non-delay Giffler–Thompson makespan (no due dates)');
  log(cross.toString());
  const equal = crosscheck.filter((c) => c.equal).length;
  const seconds = (performance.now() - started) / 1000;
  log(`${equal} of ${crosscheck.length} equal; ${seconds.toFixed(1)} s in all`);

  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        date: new Date().toISOString(),
        node: process.version,
        cpu: cpus()[0]?.model,
        quick,
        dueDateFactor: DUE_DATE_FACTOR,
        meanGapPct: gaps,
        hoEtAl2024: { groups: HO_GROUPS, meanGapPct: HO_ET_AL },
        makespans,
        bestKnown: Object.fromEntries(best),
        crosscheck,
        seconds: round(seconds, 1),
      })}\n`,
    );
  }
}
