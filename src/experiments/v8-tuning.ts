import { setFlagsFromString } from 'node:v8';

/**
 * V8's interrupt budget for runs of many replications, in bytes of bytecode a function runs per
 * tier-up check: 4 × V8's default of 67,584.
 */
export const REPLICATIONS_INTERRUPT_BUDGET = 4 * 67_584;

/**
 * Tunes V8 in this process for running the same model many times over (sweep, compare, replications):
 * a function is optimised only after it has run 4 times more bytecode than V8 waits for by default.
 *
 * Why: each thread that runs replications compiles the simulator on its own. The event loop's functions
 * run millions of times and are still optimised within the first replication; but the code that runs a
 * few times per replication (building the plant, the report) was optimised too, a few replications in —
 * about 40 % of each thread's compiling, and most of its re-compiling after early guesses failed. With
 * one thread that compiling runs on an idle core; with every core running replications it takes their
 * time. Measured on the sweep bench (demo factory, 200 replications): 365 → 217 functions optimised per
 * thread (compiling 1.4 → 0.7–0.9 s of CPU), 2 workers 7–10 % faster, 1 worker within the noise.
 *
 * Call it once, before the first replication and before worker threads start: V8's flags belong to the
 * whole process, and threads started later run with them.
 */
export function tuneV8ForReplications(): void {
  setFlagsFromString(`--interrupt-budget=${REPLICATIONS_INTERRUPT_BUDGET}`);
}
