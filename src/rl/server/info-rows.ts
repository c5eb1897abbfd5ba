/**
 * The float64 `info` / `infos` rows of the env server's reset and step responses (PROTOCOL.md), and the
 * texts that travel in the header instead.
 */
import { DECISION_KINDS } from '../../policies/index.js';
import type { EnvInfo } from '../shopfloor-env.js';

/**
 * The columns of the float64 `info` (one env, `[8]`) / `infos` (a vector, `[N, 8]`) array of every
 * `reset` and `step` response: times in s, counts as integers, `done` 0/1, `makespanS` NaN until the
 * episode terminated, `decisionKind` the index of the kind in {@link DECISION_KINDS} (−1: none).
 */
export const INFO_COLUMNS = [
  'nowS',
  'step',
  'episode',
  'seed',
  'done',
  'finished',
  'makespanS',
  'decisionKind',
] as const;

/** Numbers per info row. */
export const INFO_COLS = INFO_COLUMNS.length;

const KIND_CODE = new Map<string, number>(DECISION_KINDS.map((k, i) => [k, i]));

/** Writes the numbers of an `EnvInfo` into row `i` of `out` (columns: {@link INFO_COLUMNS}). */
export function fillInfo(out: Float64Array, i: number, info: EnvInfo): void {
  const o = i * INFO_COLS;
  out[o] = info.nowS;
  out[o + 1] = info.step;
  out[o + 2] = info.episode;
  out[o + 3] = info.seed;
  out[o + 4] = info.done ? 1 : 0;
  out[o + 5] = info.finished;
  out[o + 6] = info.makespanS ?? Number.NaN;
  out[o + 7] = info.decision === null ? -1 : (KIND_CODE.get(info.decision.kind) ?? -1);
}

/** The texts of an `EnvInfo` that are set (`illegalAction`, `deadlock`), or `undefined` when none is. */
export function textsOf(info: EnvInfo): Record<string, string> | undefined {
  if (info.illegalAction === undefined && info.deadlock === undefined) return undefined;
  return {
    ...(info.illegalAction === undefined ? {} : { illegalAction: info.illegalAction }),
    ...(info.deadlock === undefined ? {} : { deadlock: info.deadlock }),
  };
}

/** The texts of sub-environments `first + i` that have any, as `[{ env, … }]` (appended to `out`). */
export function vectorTexts(
  infos: readonly EnvInfo[],
  first = 0,
  out?: Record<string, unknown>[],
): Record<string, unknown>[] | undefined {
  for (let i = 0; i < infos.length; i++) {
    const t = textsOf(infos[i]!);
    if (t !== undefined) (out ??= []).push({ env: first + i, ...t });
  }
  return out;
}
