import { RandomStreams } from '../../src/index.js';
import type { QueueModelParams, QueueModelResult } from './types.js';

/**
 * Reference floor, not a contender: M/M/1 and the tandem line as one hand-written loop over a
 * typed-array binary heap of (time, kind) with counters for queues — no API, no objects per event.
 * It draws from the same seeded streams as shopfloor, so the gap to it is the price of the kernel's API.
 */
export function bareTandem(params: QueueModelParams & { stations: number }): QueueModelResult {
  const { lambda, mu, horizon, seed, stations } = params;
  const streams = new RandomStreams(seed);
  const arrivals = streams.get('arrivals');
  const services = Array.from({ length: stations }, (_, i) => streams.get(`station${i + 1}/service`));
  const cap = 1 << 12;
  const times = new Float64Array(cap);
  const kinds = new Int32Array(cap); // -1 arrival, i: end of service at station i
  let size = 0;
  const push = (t: number, k: number): void => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= t) break;
      times[i] = times[p]!;
      kinds[i] = kinds[p]!;
      i = p;
    }
    times[i] = t;
    kinds[i] = k;
  };
  const popInto = (): void => {
    const t = times[--size]!;
    const k = kinds[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && times[c + 1]! < times[c]!) c++;
      if (times[c]! >= t) break;
      times[i] = times[c]!;
      kinds[i] = kinds[c]!;
      i = c;
    }
    times[i] = t;
    kinds[i] = k;
  };
  // FIFO of arrival times per station, as ring buffers.
  const ringSize = 1 << 16;
  const rings = Array.from({ length: stations }, () => new Float64Array(ringSize));
  const heads = new Int32Array(stations);
  const counts = new Int32Array(stations);
  const busy = new Uint8Array(stations);
  const inService = new Float64Array(stations);
  let jobs = 0;
  let sum = 0;
  const enter = (s: number, arrivedAt: number, now: number): void => {
    if (busy[s] === 0) {
      busy[s] = 1;
      inService[s] = arrivedAt;
      push(now - Math.log(services[s]!.nextOpen()) / mu, s);
    } else {
      rings[s]![(heads[s]! + counts[s]!) & (ringSize - 1)] = arrivedAt;
      counts[s]!++;
    }
  };
  push(-Math.log(arrivals.nextOpen()) / lambda, -1);
  while (size > 0 && times[0]! < horizon) {
    const now = times[0]!;
    const kind = kinds[0]!;
    popInto();
    if (kind < 0) {
      enter(0, now, now);
      push(now - Math.log(arrivals.nextOpen()) / lambda, -1);
    } else {
      const arrivedAt = inService[kind]!;
      if (counts[kind]! > 0) {
        inService[kind] = rings[kind]![heads[kind]!]!;
        heads[kind] = (heads[kind]! + 1) & (ringSize - 1);
        counts[kind]!--;
        push(now - Math.log(services[kind]!.nextOpen()) / mu, kind);
      } else {
        busy[kind] = 0;
      }
      if (kind + 1 < stations) enter(kind + 1, arrivedAt, now);
      else {
        jobs++;
        sum += now - arrivedAt;
      }
    }
  }
  return { jobs, meanTimeInSystem: sum / jobs };
}
