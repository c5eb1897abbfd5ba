import { describe, expect, it } from 'vitest';
import { nextStep } from '../../src/entities/station/server-machine.js';

/** A server as the machine reads it: `pending` and `pmDue` only need a length. */
function server(o: { pending?: number; pmDue?: number; part?: boolean; processed?: boolean } = {}) {
  return {
    pending: new Array(o.pending ?? 0).fill(null),
    pmDue: new Array(o.pmDue ?? 0).fill(null),
    part: o.part ? ({} as never) : null,
    processed: o.processed ?? false,
  } as never;
}
const onShift = { onShift: true, holdsWork: false };
const offFinish = { onShift: false, holdsWork: false };
const offStop = { onShift: false, holdsWork: true };

describe('server machine', () => {
  it('a pending failure strikes first, on every trigger', () => {
    for (const t of ['toWork', 'freed', 'up', 'blocked'] as const) {
      expect(nextStep(t, server({ pending: 1, pmDue: 1, part: true }), offStop)).toBe('fail');
    }
  });

  it('a part ready to be worked rests off shift only under atShiftEnd stop', () => {
    expect(nextStep('toWork', server({ part: true }), onShift)).toBe('work');
    expect(nextStep('toWork', server({ part: true }), offFinish)).toBe('work');
    expect(nextStep('toWork', server({ part: true }), offStop)).toBe('rest');
  });

  it('a free server rests off shift, else maintains if due, else goes idle', () => {
    expect(nextStep('freed', server({ pmDue: 1 }), offFinish)).toBe('rest');
    expect(nextStep('freed', server({ pmDue: 1 }), onShift)).toBe('maintain');
    expect(nextStep('freed', server(), onShift)).toBe('idle');
  });

  it('a server coming up frees, resumes its part, or passes its processed part on', () => {
    expect(nextStep('up', server(), onShift)).toBe('idle');
    expect(nextStep('up', server({ part: true }), onShift)).toBe('work');
    expect(nextStep('up', server({ part: true }), offStop)).toBe('rest');
    expect(nextStep('up', server({ part: true, processed: true }), offStop)).toBe('unload');
  });

  it('a newly blocked server without a pending failure waits for space', () => {
    expect(nextStep('blocked', server({ part: true, processed: true }), onShift)).toBe('wait');
  });
});
