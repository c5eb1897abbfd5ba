/**
 * The largest sizes and the longest horizon a scenario may declare. They sit far above any real
 * factory, and exist so that a typo (`servers: 1000000000`, `horizon: 1e300d`) is a validation
 * problem with its path and line instead of a run that exhausts memory or never ends.
 */
export const LIMITS = {
  /** Parallel servers of one station. */
  servers: 10_000,
  /** Parts one finite buffer holds (`infinite` is still allowed). */
  bufferCapacity: 1_000_000,
  /** Parts in one batch. */
  batchSize: 10_000,
  /** Parts of one product in one assembly's bill of materials. */
  assemblyInput: 10_000,
  /** Technicians in one crew. */
  crewSize: 10_000,
  /** Robots in one fleet. */
  robotCount: 10_000,
  /** Parts of one order (released at once). */
  orderQuantity: 1_000_000,
  /** Parts an interarrival source releases before it stops. */
  sourceQuantity: 1_000_000_000,
  /** Parts a CONWIP source keeps in the system. */
  conwipWip: 1_000_000,
  /** Replications of one run. */
  replications: 100_000,
  /** Simulated time of one replication, seconds: 100 years of 365.25 days. */
  horizonS: 100 * 365.25 * 86_400,
} as const;
