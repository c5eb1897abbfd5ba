import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolders } from '../report/make-folders.js';
import { tempFileBeside } from '../report/temp-file.js';
import { checkPolicyChoices, type PolicyChoice, parsePolicyChoice } from '../rl/policy/policy-choice.js';
import { PolicyError } from '../rl/policy/policy-error.js';
import {
  type PortableScenario,
  portableScenario,
  revivePortableScenario,
  type Scenario,
} from '../scenario/index.js';
import type { Objective } from './compare.js';
import { type DesignPoint, type Factor, gridDesign, lhsDesign, shardPoints } from './design.js';
import { checkNamedFigures } from './figure-keys.js';
import {
  loadWithOverrides,
  type Override,
  OverrideError,
  policyOverrides,
  problemLines,
  rawDocument,
  readScenarioSource,
} from './overrides.js';
import type { ReplicationOutcome, ReplicationRunner } from './replication.js';
import { runReplication } from './replication.js';
import type { SweepManifest, SweepPolicy } from './sweep-manifest.js';
import {
  type PointRecord,
  type SweepTable,
  sweepTable,
  sweepTableCsv,
  sweepTableJson,
} from './sweep-table.js';

/** What to sweep: the scenario, its factors, the design and the run settings. */
export interface SweepSpec {
  readonly file: string;
  readonly factors: readonly Factor[];
  readonly design: 'grid' | 'lhs';
  /** Points of a Latin hypercube (required with `design: 'lhs'`). */
  readonly samples?: number;
  /** Master seed (default the scenario's `run.seed`); also seeds the LHS. */
  readonly seed?: number;
  /** Replications per point (default the scenario's `run.replications`). */
  readonly replications?: number;
  readonly horizonS?: number;
  readonly warmupS?: number;
  readonly kpis?: readonly string[];
  /** Default: throughput, more is better. */
  readonly objective?: Objective;
  /**
   * Decision rules for every point, each `kind=rule` (a built-in rule everywhere, e.g. `dispatch=spt`) or
   * `kind=file.onnx` (a trained policy takes those decisions; see {@link checkSweepPolicies}). One per kind;
   * default the scenario's own rules.
   */
  readonly policies?: readonly string[];
  /** Written into the manifest. */
  readonly shopfloorVersion: string;
  /** While planning, after each checked point: points checked of the total (a large design takes a while). */
  readonly onChecked?: (done: number, total: number) => void;
}

/** A planned sweep: its manifest and points, every point's scenario already validated. */
export interface SweepPlan {
  readonly manifest: SweepManifest;
  readonly points: readonly DesignPoint[];
  /**
   * The validated scenario of `points[i]` as plain data, sent with that point's tasks so that runners
   * (worker threads) do not load the file. Made when asked (about 0.5 ms, from the file as read when
   * planning), not kept: a sweep of a million points does not hold a million scenarios. Absent: runners
   * load the file.
   */
  readonly scenarioAt?: (i: number) => PortableScenario;
  /** Settings every point's tasks carry before the point's own: the built-in rules of `policies`. */
  readonly baseOverrides?: readonly Override[];
  /** `kind=file.onnx` texts of `policies`, sent with every task (each runner loads them once). */
  readonly onnxPolicies?: readonly string[];
}

/** Points whose replications are under way at once in {@link runSweep}: enough to keep any pool busy. */
const POINTS_IN_FLIGHT = 64;

/**
 * Builds the design and validates every point's scenario before anything runs.
 * @throws OverrideError naming the first setting whose path does not resolve or whose value the schema
 * rejects (with the point), a figure of `kpis` or `objective` the scenario does not report, or a bad design.
 */
export function planSweep(spec: SweepSpec): SweepPlan {
  const source = readScenarioSource(spec.file);
  if (spec.factors.length === 0) throw new OverrideError('sweep: give at least one --set path=levels');
  const paths = spec.factors.map((f) => f.path);
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== undefined)
    throw new OverrideError(`--set ${twice} is given twice; give all its levels in one --set`);
  // The sweep owns the seeds and the replication count: a factor on them would change nothing.
  const owned = spec.factors.find((f) => f.path === 'run.seed' || f.path === 'run.replications');
  if (owned !== undefined)
    throw new OverrideError(
      `--set ${owned.path} would change nothing: a sweep runs every point on the same replications (seed + r, r < --replications); give --seed or --replications`,
    );
  const policies = sweepPolicies(source, spec.policies ?? [], spec.factors, spec.horizonS);
  // The horizon and warm-up given for the whole sweep are part of every point's scenario, so that a
  // point is checked with them (a file's long warm-up does not refuse a short --set run.horizon level).
  const run = (
    [
      ['run.horizon', spec.horizonS, '--horizon'],
      ['run.warmup', spec.warmupS, '--warmup'],
    ] as const
  ).flatMap(([path, seconds, flag]): Override[] => {
    if (seconds === undefined) return [];
    if (spec.factors.some((f) => f.path === path))
      throw new OverrideError(
        `--set ${path} and ${flag} both set it; drop one (${flag} holds at every point)`,
      );
    return [{ path, value: `${seconds}s` }];
  });
  const baseOverrides = [...policies.overrides, ...run];
  const base = loadWithOverrides(source, baseOverrides, { horizonS: spec.horizonS });
  if (!base.ok) throw new OverrideError(`${spec.file}:\n${problemLines(base.problems)}`);
  // Figures the user named must exist (a misspelt objective would rank nothing): checked by a 1-s probe.
  checkNamedFigures(base.scenario, spec.kpis, spec.objective);
  const seed = spec.seed ?? base.scenario.run.seed;
  const replications = spec.replications ?? base.scenario.run.replications;
  if (spec.design === 'lhs' && spec.samples === undefined)
    throw new OverrideError('--design lhs needs --samples N');
  if (spec.design === 'grid' && spec.samples !== undefined)
    throw new OverrideError('--samples goes with --design lhs');
  const points =
    spec.design === 'grid' ? gridDesign(spec.factors) : lhsDesign(spec.factors, spec.samples!, seed);
  const what = (p: DesignPoint) => `point ${p.index} (${describe(p)})`;
  try {
    for (const [i, p] of points.entries()) {
      check(source, [...baseOverrides, ...p.settings], spec, what(p));
      spec.onChecked?.(i + 1, points.length);
    }
  } catch (error) {
    // Name the setting when one alone is wrong; else the point's combination is (e.g. warm-up ≥ horizon).
    for (const f of spec.factors) {
      for (const value of f.levels)
        check(
          source,
          [...baseOverrides, { path: f.path, value }],
          spec,
          `--set ${f.path}=${JSON.stringify(value)}`,
        );
    }
    throw error;
  }
  const manifest: SweepManifest = {
    shopfloorVersion: spec.shopfloorVersion,
    scenario: spec.file,
    scenarioSha256: createHash('sha256').update(source.text).digest('hex'),
    factors: spec.factors.map((f) => ({ path: f.path, spec: f.spec })),
    design: spec.design,
    samples: spec.samples ?? null,
    points: points.length,
    seed,
    replications,
    horizonS: spec.horizonS ?? null,
    warmupS: spec.warmupS ?? null,
    // Each figure once (`--kpi wip --kpi kpis.wip` names one).
    kpis: spec.kpis === undefined ? null : [...new Set(spec.kpis)],
    objective: spec.objective ?? { key: 'kpis.throughputPerHour', maximize: true },
    ...(policies.manifest.length > 0 ? { policies: policies.manifest } : {}),
  };
  const scenarioAt = (i: number): PortableScenario => {
    const p = points[i];
    if (p === undefined) throw new RangeError(`scenarioAt: no point ${i} (the plan has ${points.length})`);
    return portableScenario(check(source, [...baseOverrides, ...p.settings], spec, what(p)));
  };
  return {
    manifest,
    points,
    scenarioAt,
    ...(baseOverrides.length > 0 ? { baseOverrides } : {}),
    ...(policies.onnx.length > 0 ? { onnxPolicies: policies.onnx } : {}),
  };
}

/**
 * The `policies` of a sweep: built-in rules as overrides (each checked alone against the scenario, so a
 * rule the schema does not know is named with its flag), trained policies as texts with their files'
 * SHA-256, and what the manifest records of both.
 * @throws OverrideError for a malformed setting, an unknown kind or rule, a kind given twice, or an ONNX
 * file that cannot be read.
 */
function sweepPolicies(
  source: ReturnType<typeof readScenarioSource>,
  settings: readonly string[],
  factors: readonly Factor[],
  horizonS: number | undefined,
): { overrides: Override[]; onnx: string[]; manifest: SweepPolicy[] } {
  const overrides: Override[] = [];
  const onnx: string[] = [];
  const manifest: SweepPolicy[] = [];
  if (settings.length === 0) return { overrides, onnx, manifest };
  const document = rawDocument(source);
  const plain = loadWithOverrides(source, [], { horizonS });
  // The same kinds and rules as `run --policy`: each kind once, and only kinds the scenario has.
  let choices: PolicyChoice[];
  try {
    choices = settings.map(parsePolicyChoice);
    if (plain.ok) checkPolicyChoices(choices, plain.scenario);
  } catch (error) {
    if (error instanceof PolicyError) throw new OverrideError(error.message);
    throw error;
  }
  for (const choice of choices) {
    const { kind, text } = choice;
    // A factor on what the policy decides would vary nothing (a model) or be overruled at some points.
    const decided = policyOverrides(document, `${kind}=fifo`).map((o) => o.path);
    const clash = factors.find((f) => decided.includes(f.path));
    if (clash !== undefined)
      throw new OverrideError(
        `--set ${clash.path} and --policy "${text}" both set it; drop one (--policy sets it at every point)`,
      );
    if (choice.type === 'onnx') {
      let bytes: Buffer;
      try {
        bytes = readFileSync(choice.path);
      } catch (error) {
        throw new OverrideError(
          `--policy "${text}": cannot read ${choice.path}: ${(error as Error).message}`,
        );
      }
      onnx.push(text);
      manifest.push({ kind, file: choice.path, sha256: createHash('sha256').update(bytes).digest('hex') });
      continue;
    }
    const rules = policyOverrides(document, text);
    const loaded = loadWithOverrides(source, rules, { horizonS });
    if (!loaded.ok)
      throw new OverrideError(`--policy "${text}" is rejected:\n${problemLines(loaded.problems)}`);
    overrides.push(...rules);
    manifest.push({ kind, rule: choice.rule });
  }
  return { overrides, onnx, manifest };
}

/**
 * Loads the plan's trained policies (`onnxPolicies`) in this thread and checks them against the first
 * point's scenario before anything runs, so that a model made for another plant is refused at once
 * instead of failing every point. A point whose settings change what the model sees still fails alone,
 * with the reason in its row. The ONNX runtime is imported only here.
 * @returns notes of the check (e.g. features the model was not trained with), to show the user.
 * @throws PolicyError when a file cannot be read or the model does not fit.
 */
export async function checkSweepPolicies(plan: SweepPlan): Promise<string[]> {
  if (plan.onnxPolicies === undefined || plan.onnxPolicies.length === 0) return [];
  const { checkPoliciesFit, sharedPolicies } = await import('../rl/index.js');
  const loaded = await sharedPolicies(plan.onnxPolicies);
  const first = plan.points[0];
  if (first === undefined) return [];
  const scenario =
    plan.scenarioAt === undefined
      ? loadWithOverrides(readScenarioSource(plan.manifest.scenario), [
          ...(plan.baseOverrides ?? []),
          ...first.settings,
        ])
      : { ok: true as const, scenario: revivePortableScenario(plan.scenarioAt(0)) };
  if (!scenario.ok) return [];
  return [...checkPoliciesFit(scenario.scenario, loaded).notes];
}

function describe(p: DesignPoint): string {
  return p.settings.map((s) => `${s.path}=${JSON.stringify(s.value)}`).join(', ');
}

function check(
  source: ReturnType<typeof readScenarioSource>,
  settings: DesignPoint['settings'],
  spec: SweepSpec,
  what: string,
): Scenario {
  const loaded = loadWithOverrides(source, settings, { horizonS: spec.horizonS });
  if (loaded.ok) {
    const h = spec.horizonS ?? loaded.scenario.run.horizon;
    const w = spec.warmupS ?? loaded.scenario.run.warmup;
    if (!(w < h))
      throw new OverrideError(`${what}: the warm-up (${w} s) must be shorter than the horizon (${h} s)`);
    return loaded.scenario;
  }
  throw new OverrideError(`${what} is rejected:\n${problemLines(loaded.problems)}`);
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** Folder for the journal and the results (created if needed). */
  readonly out: string;
  /** Run only this slice (1-based index of count); writes `shard-i-of-n.json` instead of the table. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Continue from the journal in `out` (else an existing journal is an error). */
  readonly resume?: boolean;
  /** Runs one replication (default: in this thread; a pool's `run` for parallel). */
  readonly runner?: ReplicationRunner;
  /** After each replication: replications done (resumed ones included) of the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What {@link runSweep} did and wrote. */
export interface SweepRunResult {
  /** Points of this run's slice, and how many of them the journal already had. */
  readonly points: number;
  readonly resumed: number;
  /** Points that failed (their error is in the table). */
  readonly failed: number;
  /** Files written (journal, then the table or the shard file). */
  readonly files: readonly string[];
  /** The table (null for a shard). */
  readonly table: SweepTable | null;
}

/** The journal's file name in the output folder. */
export function journalName(shard?: { index: number; count: number }): string {
  return shard === undefined ? 'journal.jsonl' : `journal-shard-${shard.index}-of-${shard.count}.jsonl`;
}

/** The shard result's file name. */
export function shardFileName(shard: { index: number; count: number }): string {
  return `shard-${shard.index}-of-${shard.count}.json`;
}

/**
 * Runs a planned sweep: every point of the slice × every replication through the runner (the replications
 * of up to 64 points submitted at a time, so a pool keeps every worker busy). A point's line is appended to the journal as soon as its last
 * replication finishes, so an interruption loses only the points in progress; `resume` skips the points
 * the journal holds (a half-written last line is dropped). At the end it writes `sweep.json` and
 * `sweep.csv` (the table), or for a shard `shard-i-of-n.json` (its points, for `mergeShards`).
 * A point whose replication throws (a deadlock…) is recorded with its error and the others go on.
 * @throws OverrideError when the folder cannot be made, or holds a journal of another sweep, or one
 * without `resume`.
 */
export async function runSweep(plan: SweepPlan, options: RunSweepOptions): Promise<SweepRunResult> {
  const { manifest } = plan;
  const points = options.shard === undefined ? plan.points : shardPoints(plan.points, options.shard);
  outputFolder(options.out);
  const journal = join(options.out, journalName(options.shard));
  const header = JSON.stringify({ manifest, shard: options.shard ?? null });
  const done = new Map<number, PointRecord>();
  if (existsSync(journal)) {
    if (options.resume !== true)
      throw new OverrideError(
        `${journal} exists: add --resume to continue that sweep, or choose another --out`,
      );
    const lines = readFileSync(journal, 'utf8').split('\n');
    if (!sameSweep(lines[0]!, manifest, options.shard))
      throw new OverrideError(
        `${journal} belongs to another sweep (scenario, settings or shard differ); choose another --out`,
      );
    for (const line of lines.slice(1)) {
      if (line.trim() === '') continue;
      try {
        const rec = JSON.parse(line) as PointRecord;
        // A failed point is run again on resume.
        if (rec.error === undefined) done.set(rec.point, rec);
      } catch {
        // A line cut by the interruption: that point runs again.
      }
    }
    // Rewrite the journal without cut lines, so the appends below start on a line of their own.
    writeAtomic(journal, `${[header, ...[...done.values()].map((r) => JSON.stringify(r))].join('\n')}\n`);
  } else {
    writeFileSync(journal, `${header}\n`);
  }
  const runner = options.runner ?? runReplication;
  const R = manifest.replications;
  const total = points.length * R;
  let finished = done.size * R;
  options.onProgress?.(finished, total);
  const todo = points.filter((p) => !done.has(p.index));
  const position = new Map(plan.points.map((p, i) => [p.index, i]));
  let failed = 0;
  const runPoint = async (p: DesignPoint): Promise<void> => {
    const seeds = Array.from({ length: R }, (_, r) => manifest.seed + r);
    let record: PointRecord;
    try {
      const scenario = plan.scenarioAt?.(position.get(p.index)!);
      const outcomes: ReplicationOutcome[] = await Promise.all(
        seeds.map((seed) =>
          runner({
            file: manifest.scenario,
            overrides: [...(plan.baseOverrides ?? []), ...p.settings],
            seed,
            horizonS: manifest.horizonS ?? undefined,
            warmupS: manifest.warmupS ?? undefined,
            ...(plan.onnxPolicies === undefined ? {} : { policies: plan.onnxPolicies }),
            scenario,
          }).then((o) => {
            options.onProgress?.(++finished, total);
            return o;
          }),
        ),
      );
      record = { point: p.index, settings: p.settings, seeds, values: outcomes.map((o) => o.values) };
    } catch (error) {
      failed++;
      record = {
        point: p.index,
        settings: p.settings,
        seeds,
        values: [],
        error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
      };
    }
    done.set(p.index, record);
    appendFileSync(journal, `${JSON.stringify(record)}\n`);
  };
  // A bounded number of points in flight (their replications all submitted, so a pool keeps every worker
  // busy), not every point at once: the tasks and their scenarios of a million points would not fit.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(POINTS_IN_FLIGHT, todo.length) }, async () => {
      while (next < todo.length) await runPoint(todo[next++]!);
    }),
  );
  const records = points.map((p) => done.get(p.index)!);
  const files = [journal];
  if (options.shard !== undefined) {
    const file = join(options.out, shardFileName(options.shard));
    writeAtomic(file, `${JSON.stringify({ manifest, shard: options.shard, points: records })}\n`);
    files.push(file);
    return { points: points.length, resumed: points.length - todo.length, failed, files, table: null };
  }
  const table = sweepTable(manifest, records);
  files.push(...writeTable(options.out, table));
  return { points: points.length, resumed: points.length - todo.length, failed, files, table };
}

/** Whether a journal's first line is the header of this sweep and shard (paths aside, see sweepIdentity). */
function sameSweep(
  line: string,
  manifest: SweepManifest,
  shard: { index: number; count: number } | undefined,
): boolean {
  try {
    const journal = JSON.parse(line) as { manifest?: SweepManifest; shard?: unknown };
    return (
      journal.manifest !== undefined &&
      sweepIdentity(journal.manifest) === sweepIdentity(manifest) &&
      JSON.stringify(journal.shard) === JSON.stringify(shard ?? null)
    );
  } catch {
    return false; // not a header this version wrote
  }
}

/**
 * Makes the output folder `out` (and its parents) before anything runs.
 * @throws OverrideError naming it when it cannot be made (a file of that name, a folder refusing entries).
 */
function outputFolder(out: string): void {
  try {
    makeFolders(out);
  } catch (error) {
    throw new OverrideError(`--out ${out}: ${(error as Error).message}`);
  }
}

/** Writes `sweep.json` and `sweep.csv` into `out`; returns their paths. */
export function writeTable(out: string, table: SweepTable): string[] {
  outputFolder(out);
  const json = join(out, 'sweep.json');
  const csv = join(out, 'sweep.csv');
  writeAtomic(json, sweepTableJson(table));
  writeAtomic(csv, sweepTableCsv(table));
  return [json, csv];
}

function writeAtomic(path: string, text: string): void {
  const tmp = tempFileBeside(path);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A shard file as `runSweep` writes it. */
interface ShardFile {
  readonly manifest: SweepManifest;
  readonly shard: { readonly index: number; readonly count: number };
  readonly points: readonly PointRecord[];
}

/**
 * Joins shard files (`shard-i-of-n.json`) into the table one machine would have written: same
 * manifest (the scenario's path aside), every shard 1 … n present once, every point once.
 * @throws OverrideError naming the file that does not fit.
 */
export function mergeShards(files: readonly string[]): SweepTable {
  if (files.length === 0) throw new OverrideError('merge: give the shard files, e.g. results/shard-*.json');
  const shards: { file: string; data: ShardFile }[] = files.map((file) => {
    let data: ShardFile;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as ShardFile;
    } catch (error) {
      throw new OverrideError(`merge: cannot read ${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (
      typeof data !== 'object' ||
      data === null ||
      !data.manifest ||
      !data.shard ||
      !Array.isArray(data.points)
    )
      throw new OverrideError(`merge: ${file} is not a shard file of shopfloor sweep --shard`);
    return { file, data };
  });
  const first = shards[0]!;
  const key = sweepIdentity;
  const count = first.data.shard.count;
  const seen = new Map<number, string>();
  for (const { file, data } of shards) {
    if (key(data.manifest) !== key(first.data.manifest))
      throw new OverrideError(
        `merge: ${file} is from another sweep than ${first.file} (scenario, settings or version differ)`,
      );
    if (data.shard.count !== count)
      throw new OverrideError(
        `merge: ${file} is shard ${data.shard.index}/${data.shard.count}, the others are of ${count}`,
      );
    const other = seen.get(data.shard.index);
    if (other !== undefined)
      throw new OverrideError(`merge: ${file} and ${other} are both shard ${data.shard.index}/${count}`);
    seen.set(data.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new OverrideError(
      `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  const records = shards.flatMap((s) => s.data.points);
  if (records.length !== first.data.manifest.points)
    throw new OverrideError(
      `merge: the shards hold ${records.length} points, the sweep has ${first.data.manifest.points}`,
    );
  // The manifest of shard 1, whatever the order of the files (their paths may differ).
  const one = shards.find((x) => x.data.shard.index === 1)!;
  return sweepTable(one.data.manifest, records);
}

/**
 * What makes two sweeps the same, as text: the manifest without the paths of the scenario and of trained
 * policies, which may differ between machines and working folders (their contents are in it: the
 * scenario's and each model's SHA-256).
 */
function sweepIdentity(m: SweepManifest): string {
  return JSON.stringify({
    ...m,
    scenario: '',
    ...(m.policies === undefined
      ? {}
      : { policies: m.policies.map((p) => ('file' in p ? { ...p, file: '' } : p)) }),
  });
}
