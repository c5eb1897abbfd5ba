/** Parameters shared by the benchmark's queueing models. */
export interface QueueModelParams {
  /** Arrival rate λ (jobs per second). */
  lambda: number;
  /** Service rate μ of each station (jobs per second). */
  mu: number;
  /** Simulated time to run (seconds). */
  horizon: number;
  /** Master seed. */
  seed: number;
}

/** What one run of a benchmark model reports. */
export interface QueueModelResult {
  /** Jobs that left the system within the horizon. */
  jobs: number;
  /** Their mean time in system (seconds). */
  meanTimeInSystem: number;
}
