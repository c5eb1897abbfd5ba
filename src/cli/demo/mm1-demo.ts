import {
  confidenceInterval,
  Exponential,
  Resource,
  Simulation,
  scheduleWarmup,
  Tally,
  TimeWeighted,
} from '../../engine/index.js';

/** Options of the kernel demo. */
export interface Mm1DemoOptions {
  /** Master seed; replication i uses seed + i. */
  seed: number;
  /** Number of independent replications. */
  replications: number;
}

const LAMBDA = 0.8; // arrivals per minute
const MU = 1; // services per minute
const HORIZON_S = 10_000 * 60;
const WARMUP_S = 1_000 * 60;

/**
 * A single machine fed by Poisson arrivals (0.8 parts/min, service 1 part/min): the M/M/1 queue.
 * Runs `replications` replications and returns a printable report with 95% confidence intervals next to
 * the closed-form values. Until the factory model lands, this is what `npm start` shows.
 */
export function runMm1Demo(options: Mm1DemoOptions): string {
  const reps = Array.from({ length: options.replications }, (_, i) => replicate(options.seed + i));
  const row = (label: string, values: number[], theory: number, unit: string) => {
    const ci = confidenceInterval(values);
    return `  ${label.padEnd(26)} ${ci.mean.toFixed(3).padStart(9)} ± ${ci.halfWidth.toFixed(3).padEnd(7)} ${unit.padEnd(8)} theory ${theory.toFixed(3)}`;
  };
  const rho = LAMBDA / MU;
  return [
    'shopfloor kernel demo — one machine, Poisson arrivals (M/M/1)',
    `  arrivals 0.8/min, service 1/min, ${HORIZON_S / 60} min per replication, warm-up ${WARMUP_S / 60} min,`,
    `  ${options.replications} replications from seed ${options.seed}; mean ± 95% CI half-width`,
    '',
    row(
      'time in system',
      reps.map((r) => r.timeInSystemMin),
      1 / (MU - LAMBDA),
      'min',
    ),
    row(
      'waiting time',
      reps.map((r) => r.waitMin),
      rho / (MU - LAMBDA),
      'min',
    ),
    row(
      'parts in system (WIP)',
      reps.map((r) => r.wip),
      rho / (1 - rho),
      'parts',
    ),
    row(
      'machine utilisation',
      reps.map((r) => r.utilization),
      rho,
      '',
    ),
    row(
      'throughput',
      reps.map((r) => r.throughputPerH),
      LAMBDA * 60,
      'parts/h',
    ),
    '',
    `  ${reps.reduce((s, r) => s + r.events, 0).toLocaleString('en-US')} events simulated`,
    '',
  ].join('\n');
}

function replicate(seed: number) {
  const sim = new Simulation({ seed });
  const machine = new Resource(sim, { name: 'machine' });
  const interarrival = new Exponential({ mean: 60 / LAMBDA });
  const service = new Exponential({ mean: 60 / MU });
  const arrivals = sim.streams.get('source/interarrival');
  const services = sim.streams.get('machine/process');
  const timeInSystem = new Tally();
  const wait = new Tally();
  const wip = new TimeWeighted();
  const busy = new TimeWeighted();
  let inSystem = 0;

  const depart = (arrivedAt: number) => {
    machine.release();
    busy.update(sim.now, machine.inUse);
    wip.update(sim.now, --inSystem);
    timeInSystem.add((sim.now - arrivedAt) / 60);
  };
  const start = (arrivedAt: number) => {
    wait.add((sim.now - arrivedAt) / 60);
    busy.update(sim.now, 1);
    sim.schedule(service.sample(services), depart, arrivedAt);
  };
  const arrive = () => {
    wip.update(sim.now, ++inSystem);
    machine.acquire(start, sim.now);
    sim.schedule(interarrival.sample(arrivals), arrive);
  };
  sim.schedule(interarrival.sample(arrivals), arrive);
  scheduleWarmup(sim, WARMUP_S, [timeInSystem, wait, wip, busy]);
  sim.run({ until: HORIZON_S });
  return {
    timeInSystemMin: timeInSystem.mean,
    waitMin: wait.mean,
    wip: wip.mean(sim.now),
    utilization: busy.mean(sim.now),
    throughputPerH: timeInSystem.count / ((HORIZON_S - WARMUP_S) / 3600),
    events: sim.eventCount,
  };
}
