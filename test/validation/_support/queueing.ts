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

/**
 * M/G/1 mean time in system by Pollaczek–Khinchine: W = E[S] + λ·E[S²] / (2(1 − ρ)), with
 * E[S²] = Var[S] + E[S]² = E[S]²(1 + c_s²) and ρ = λ·E[S] < 1.
 */
export function mg1TimeInSystem(lambda: number, meanService: number, scv: number): number {
  const rho = lambda * meanService;
  const es2 = meanService * meanService * (1 + scv);
  return meanService + (lambda * es2) / (2 * (1 - rho));
}

/**
 * Machine-repairman model (finite source): N machines, each failing at rate λ while up, R crews
 * repairing at rate μ each. Birth–death chain on n = machines down: birth rate (N − n)λ, death rate
 * min(n, R)μ. Returns the stationary distribution p[0..N], the mean number down and per-machine availability.
 */
export function machineRepairman(
  n: number,
  crews: number,
  failureRate: number,
  repairRate: number,
): { p: number[]; meanDown: number; availability: number } {
  const w = [1];
  for (let k = 1; k <= n; k++) {
    w.push((w[k - 1]! * (n - k + 1) * failureRate) / (Math.min(k, crews) * repairRate));
  }
  const total = w.reduce((a, b) => a + b, 0);
  const p = w.map((x) => x / total);
  const meanDown = p.reduce((s, pk, k) => s + k * pk, 0);
  return { p, meanDown, availability: 1 - meanDown / n };
}

/**
 * Closed CONWIP line, Factory Physics "practical worst case": throughput TH = w·r_b / (W₀ + w − 1) for WIP
 * w, bottleneck rate r_b and critical WIP W₀ = r_b·T₀ (T₀ = raw process time). Exact for a balanced line
 * of single exponential stations.
 */
export function conwipPracticalWorstCase(
  wip: number,
  bottleneckRate: number,
  rawProcessTime: number,
): number {
  const w0 = bottleneckRate * rawProcessTime;
  return (wip * bottleneckRate) / (w0 + wip - 1);
}

/** Jackson tandem line of single exponential stations: W = Σ 1/(μᵢ − λ). */
export function jacksonTandemTimeInSystem(lambda: number, mus: readonly number[]): number {
  return mus.reduce((s, mu) => s + 1 / (mu - lambda), 0);
}
