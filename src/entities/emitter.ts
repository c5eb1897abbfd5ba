/**
 * A small typed event emitter: the one channel through which entities publish what happens.
 * The builder connects listeners (statistics, trace, live stream); an emitter never knows who listens.
 */

/**
 * A map from event name to the tuple of arguments its listeners receive, e.g.
 * `{ moved: [part: number, to: string] }`. An interface works too (no index signature needed).
 */
export type EventMap<E> = { [K in keyof E]: readonly unknown[] };

/** The events of map `E` whose listeners receive `N` arguments. */
export type KeysOfArity<E extends EventMap<E>, N extends number> = {
  [K in keyof E]: E[K]['length'] extends N ? K : never;
}[keyof E];

/** A listener of event `K` of map `E`. */
export type Listener<E extends EventMap<E>, K extends keyof E> = (...args: E[K]) => void;

/**
 * Typed publish/subscribe. Listeners run synchronously, in the order they subscribed, at the
 * simulated instant of the emission.
 *
 * ```ts
 * const events = new Emitter<{ moved: [part: number, to: string] }>();
 * const off = events.on('moved', (part, to) => console.log(part, to));
 * events.emit('moved', 7, 'buffer-1');
 * off();
 * ```
 */
export class Emitter<E extends EventMap<E>> {
  private readonly listeners: { [K in keyof E]?: Listener<E, K>[] } = {};

  /**
   * Subscribes `listener` to `name`.
   * @returns a function that unsubscribes it.
   */
  on<K extends keyof E>(name: K, listener: Listener<E, K>): () => void {
    if (typeof listener !== 'function') {
      throw new TypeError(`Emitter.on: listener of ${String(name)} must be a function`);
    }
    const list = this.listeners[name] ?? [];
    this.listeners[name] = list;
    list.push(listener);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  /**
   * The live list of listeners of `name`: the same array for the emitter's lifetime, so a hot path can
   * keep it and test `length > 0` instead of calling {@link Emitter.has} on every event. Read-only.
   */
  listenersOf<K extends keyof E>(name: K): readonly Listener<E, K>[] {
    let list = this.listeners[name];
    if (list === undefined) {
      list = [];
      this.listeners[name] = list;
    }
    return list;
  }

  /** `true` when at least one listener is subscribed to `name` (lets hot paths skip building arguments). */
  has<K extends keyof E>(name: K): boolean {
    const list = this.listeners[name];
    return list !== undefined && list.length > 0;
  }

  /**
   * {@link Emitter.emit} of an event of three arguments, without building an array of them: for the
   * events published on every part's every step. Listeners get exactly the three arguments.
   */
  emit3<K extends KeysOfArity<E, 3>>(name: K, a: E[K][0], b: E[K][1], c: E[K][2]): void {
    const list = this.listeners[name] as ((a: unknown, b: unknown, c: unknown) => void)[] | undefined;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i]!(a, b, c);
  }

  /** {@link Emitter.emit3} for an event of four arguments. */
  emit4<K extends KeysOfArity<E, 4>>(name: K, a: E[K][0], b: E[K][1], c: E[K][2], d: E[K][3]): void {
    const list = this.listeners[name] as
      | ((a: unknown, b: unknown, c: unknown, d: unknown) => void)[]
      | undefined;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i]!(a, b, c, d);
  }

  /** {@link Emitter.emit3} for an event of five arguments. */
  emit5<K extends KeysOfArity<E, 5>>(
    name: K,
    a: E[K][0],
    b: E[K][1],
    c: E[K][2],
    d: E[K][3],
    e: E[K][4],
  ): void {
    const list = this.listeners[name] as
      | ((a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => void)[]
      | undefined;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i]!(a, b, c, d, e);
  }

  /** {@link Emitter.emit3} for an event of six arguments. */
  emit6<K extends KeysOfArity<E, 6>>(
    name: K,
    a: E[K][0],
    b: E[K][1],
    c: E[K][2],
    d: E[K][3],
    e: E[K][4],
    f: E[K][5],
  ): void {
    const list = this.listeners[name] as
      | ((a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown) => void)[]
      | undefined;
    if (list === undefined) return;
    for (let i = 0; i < list.length; i++) list[i]!(a, b, c, d, e, f);
  }

  /** Calls every listener of `name` with `args`, in subscription order. */
  emit<K extends keyof E>(name: K, ...args: E[K]): void {
    const list = this.listeners[name];
    if (list === undefined) return;
    // NOTE: indexed loop, no copy of the list, for speed; listeners must not unsubscribe others during an emission.
    for (let i = 0; i < list.length; i++) list[i]!(...args);
  }
}
