/** Closed-form results of queueing theory, used as the reference of validation tests. */

/** M/M/1 mean time in system W = 1 / (μ − λ), seconds (requires λ < μ). */
export function mm1TimeInSystem(lambda: number, mu: number): number {
  return 1 / (mu - lambda);
}

/**
 * Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ (requires a < c):
 * C(c, a) = [a^c / c! · c/(c − a)] / [Σ_{k<c} a^k/k! + a^c / c! · c/(c − a)].
 */
export function erlangC(c: number, a: number): number {
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term * (c / (c - a));
  return top / (sum + top);
}

/** M/M/c mean time in system W = C(c, a) / (cμ − λ) + 1/μ, seconds. */
export function mmcTimeInSystem(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
}

/** M/M/c mean number waiting in queue Lq = C(c, a) · ρ / (1 − ρ), with ρ = λ/(cμ). */
export function mmcQueueLength(c: number, lambda: number, mu: number): number {
  const rho = lambda / (c * mu);
  return (erlangC(c, lambda / mu) * rho) / (1 - rho);
}
