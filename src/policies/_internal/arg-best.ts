/**
 * Index of the option with the smallest key. Ties keep the earliest option (the options arrive in the
 * decision kind's tie-break order). A `NaN` key (an unknown figure) loses to any number, so a rule
 * still ranks the options it can rank; if every key is `NaN` the answer is 0.
 */
export function argMin<O>(options: readonly O[], key: (option: O) => number): number {
  let best = 0;
  let bestKey = key(options[0]!);
  for (let i = 1; i < options.length; i++) {
    const k = key(options[i]!);
    if (k < bestKey || (Number.isNaN(bestKey) && !Number.isNaN(k))) {
      best = i;
      bestKey = k;
    }
  }
  return best;
}

/** Index of the option with the largest key; ties and `NaN` as in {@link argMin}. */
export function argMax<O>(options: readonly O[], key: (option: O) => number): number {
  let best = 0;
  let bestKey = key(options[0]!);
  for (let i = 1; i < options.length; i++) {
    const k = key(options[i]!);
    if (k > bestKey || (Number.isNaN(bestKey) && !Number.isNaN(k))) {
      best = i;
      bestKey = k;
    }
  }
  return best;
}
