import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.js';
import { Emitter, type Part, Buffer as PartBuffer, Plant } from '../../src/entities/index.js';

function setup(capacity: number) {
  const plant = new Plant(new Simulation());
  plant.addProduct({ id: 'p', routing: ['nowhere'], sink: 'out' });
  // Small buffers keep their slots side by side in one array of the plant: neighbours on both sides,
  // full, must never see the buffer under test write into their slots.
  const before = new PartBuffer(plant, { id: 'before', capacity: 2 });
  const buffer = new PartBuffer(plant, { id: 'b', capacity });
  const after = new PartBuffer(plant, { id: 'after', capacity: 3 });
  for (const n of [before, before, after, after, after]) n.tryPut(plant.release('p', 'test'));
  return { plant, buffer, neighbours: [before, after] };
}

interface Model {
  ids: number[];
  capacity: number;
  woken: number;
  /** Labels of the waiters in the order they started waiting. */
  waits: string[];
}
interface Real {
  plant: Plant;
  buffer: PartBuffer;
  woken: number;
  /** Labels of the waiters woken, in order (a holder's label carries the token it was told). */
  wakes: string[];
}

class PutCommand implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    const part = r.plant.release('p', 'test');
    const ok = r.buffer.tryPut(part);
    expect(ok).toBe(m.ids.length < m.capacity);
    if (ok) m.ids.push(part.id);
  }
  toString = () => 'put';
}

class TakeCommand implements fc.Command<Model, Real> {
  constructor(readonly at: number) {}
  check = (m: Readonly<Model>) => m.ids.length > 0;
  run(m: Model, r: Real): void {
    const index = this.at % m.ids.length;
    const [expected] = m.ids.splice(index, 1);
    expect(r.buffer.take(index).id).toBe(expected);
  }
  toString = () => `take(${this.at})`;
}

class WaitCommand implements fc.Command<Model, Real> {
  check = (m: Readonly<Model>) => m.ids.length >= m.capacity;
  run(m: Model, r: Real): void {
    const label = `closure ${m.waits.length}`;
    r.buffer.onSpace(() => {
      r.woken++;
      r.wakes.push(label);
    });
    m.woken++;
    m.waits.push(label);
  }
  toString = () => 'onSpace';
}

/** A waiter without a closure (as a station's blocked server waits): told its token back. */
class HoldCommand implements fc.Command<Model, Real> {
  constructor(readonly token: number) {}
  check = (m: Readonly<Model>) => m.ids.length >= m.capacity;
  run(m: Model, r: Real): void {
    const n = m.waits.length;
    r.buffer.holdFor(
      {
        spaceFreed: (token) => {
          r.woken++;
          r.wakes.push(`holder ${n} token ${token}`);
        },
      },
      this.token,
    );
    m.woken++;
    m.waits.push(`holder ${n} token ${this.token}`);
  }
  toString = () => `holdFor(${this.token})`;
}

describe('Buffer', () => {
  it('behaves like a bounded FIFO list: refuses puts when full, never exceeds capacity, wakes waiters on space in turn', () => {
    fc.assert(
      fc.property(
        // Small (slots shared with other buffers), larger and unbounded (slots of its own, growing).
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(16, 17, Number.POSITIVE_INFINITY)),
        fc.commands(
          [
            fc.constant(new PutCommand()),
            fc.nat(10).map((n) => new TakeCommand(n)),
            fc.constant(new WaitCommand()),
            fc.integer({ min: 1, max: 1000 }).map((t) => new HoldCommand(t)),
          ],
          { maxCommands: 60 },
        ),
        (capacity, cmds) => {
          const { plant, buffer, neighbours } = setup(capacity);
          const neighbourIds = neighbours.map((n) => n.contents.map((p: Part) => p.id));
          const real: Real = { plant, buffer, woken: 0, wakes: [] };
          const model: Model = { ids: [], capacity, woken: 0, waits: [] };
          fc.modelRun(
            () => ({ model, real }),
            [...cmds].map((cmd) => {
              const wrapped: fc.Command<Model, Real> = {
                check: (m) => cmd.check(m),
                run: (m, r) => {
                  cmd.run(m, r);
                  expect(r.buffer.level).toBe(m.ids.length);
                  expect(r.buffer.level).toBeLessThanOrEqual(capacity);
                  expect(r.buffer.contents.map((p: Part) => p.id)).toEqual(m.ids);
                  m.ids.forEach((id, i) => {
                    expect(r.buffer.partAt(i).id).toBe(id);
                    expect(r.buffer.indexOf(r.buffer.partAt(i))).toBe(i);
                  });
                  expect(neighbours.map((n) => n.contents.map((p: Part) => p.id))).toEqual(neighbourIds);
                  // every waiter registered while full has been woken once a slot freed
                  expect(r.woken + r.buffer.waitingForSpace).toBe(m.woken);
                  // both kinds of waiter are woken first come first served, a holder with its token
                  expect(r.wakes).toEqual(m.waits.slice(0, r.wakes.length));
                },
                toString: () => cmd.toString(),
              };
              return wrapped;
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a capacity that is not an integer >= 1 or Infinity', () => {
    expect(() => setup(0)).toThrow(/capacity of b must be an integer >= 1 or Infinity \(got 0\)/);
    expect(() => setup(1.5)).toThrow(/got 1.5/);
  });

  it('publishes its level on every change', () => {
    const { plant, buffer } = setup(2);
    const levels: number[] = [];
    plant.events.on('bufferLevelChanged', (_id, level) => levels.push(level));
    buffer.tryPut(plant.release('p', 'test'));
    buffer.tryPut(plant.release('p', 'test'));
    buffer.tryPut(plant.release('p', 'test'));
    buffer.take();
    expect(levels).toEqual([1, 2, 1]);
  });
});

describe('Emitter', () => {
  it('calls listeners in subscription order and stops after unsubscribe', () => {
    const e = new Emitter<{ tick: [n: number] }>();
    const log: string[] = [];
    const off = e.on('tick', (n) => log.push(`a${n}`));
    e.on('tick', (n) => log.push(`b${n}`));
    e.emit('tick', 1);
    off();
    e.emit('tick', 2);
    expect(log).toEqual(['a1', 'b1', 'b2']);
    expect(e.has('tick')).toBe(true);
  });
});
