import { createRequire } from 'node:module';
import type { QueueModelParams, QueueModelResult } from './types.js';

// simjs has no types; these describe the part of its public API the models use.
interface SimjsRequest {
  done(callback: () => void): SimjsRequest;
}
interface SimjsEntity {
  time(): number;
  setTimer(duration: number): SimjsRequest;
  useFacility(facility: unknown, duration: number): SimjsRequest;
}
interface SimjsApi {
  Sim: new () => {
    addEntity(klass: unknown, name?: string): SimjsEntity;
    simulate(endTime: number): boolean;
  };
  Entity: new (...args: unknown[]) => SimjsEntity;
  Facility: new (name: string) => unknown;
  Random: new (seed: number) => { exponential(rate: number): number };
  DataSeries: new (name?: string) => { record(value: number): void; count(): number; average(): number };
}

let cached: SimjsApi | undefined;

/**
 * Loads simjs@2.0.3. Its npm build exports nothing to `require` in Node: it only assigns
 * `window.Sim` when a global `window` exists, so we provide one first.
 */
export function loadSimjs(): SimjsApi {
  if (cached !== undefined) return cached;
  const g = globalThis as unknown as { window?: { Sim?: SimjsApi } };
  g.window ??= {};
  createRequire(import.meta.url)('simjs');
  const api = g.window.Sim;
  if (api === undefined) throw new Error('simjs did not define window.Sim');
  cached = api;
  return api;
}

/** M/M/1 as the simjs documentation writes it: an entity with a timer for arrivals and useFacility. */
export function simjsMm1({ lambda, mu, horizon, seed }: QueueModelParams): QueueModelResult {
  return simjsTandem({ lambda, mu, horizon, seed, stations: 1 });
}

/** A tandem line of single exponential servers in simjs: each job chains useFacility calls. */
export function simjsTandem(params: QueueModelParams & { stations: number }): QueueModelResult {
  const { lambda, mu, horizon, seed, stations } = params;
  const Sim = loadSimjs();
  const sim = new Sim.Sim();
  const random = new Sim.Random(seed);
  const servers = Array.from({ length: stations }, (_, i) => new Sim.Facility(`station${i + 1}`));
  const timeInSystem = new Sim.DataSeries('time in system');

  class Source extends Sim.Entity {
    start(): void {
      this.setTimer(random.exponential(lambda)).done(() => this.arrive());
    }
    arrive(): void {
      const arrivedAt = this.time();
      this.visit(0, arrivedAt);
      this.setTimer(random.exponential(lambda)).done(() => this.arrive());
    }
    visit(i: number, arrivedAt: number): void {
      this.useFacility(servers[i], random.exponential(mu)).done(() => {
        if (i + 1 < stations) this.visit(i + 1, arrivedAt);
        else timeInSystem.record(this.time() - arrivedAt);
      });
    }
  }

  sim.addEntity(Source);
  sim.simulate(horizon);
  return { jobs: timeInSystem.count(), meanTimeInSystem: timeInSystem.average() };
}
