import { describe, expect, it } from 'vitest';
import { NO_EVENT, Server, type ServerOwner } from '../../../src/entities/station/server.js';

const owner: ServerOwner = { finishJob: () => undefined, spaceFreed: () => undefined };

describe('Server', () => {
  it('a new server is idle, holds nothing, owes no work, has no finish event and was maintained at its creation', () => {
    const s = new Server(0, 'm/0', 12.5, null, owner, {});
    expect([s.state, s.part, s.remainingWorkS, s.jobWorkS, s.finishId, s.maintainedS]).toEqual([
      'idle',
      null,
      0,
      0,
      NO_EVENT,
      12.5,
    ]);
    expect(Number.isNaN(s.workEndS) && Number.isNaN(s.busySinceS)).toBe(true);
  });

  it("each server of a plant keeps its own numbers while the plant's shared table grows", () => {
    const plant = {};
    const servers = Array.from({ length: 200 }, (_, i) => new Server(0, `m${i}/0`, 0, null, owner, plant));
    servers.forEach((s, i) => {
      s.remainingWorkS = i + 0.25;
      s.jobWorkS = i * 2;
      s.workEndS = -i;
      s.busySinceS = i / 3;
      s.finishId = 2 ** 40 + i;
      s.maintainedS = i * 1e6;
    });
    // More servers of the same plant (the table grows again), and a server of another plant.
    const later = Array.from({ length: 100 }, (_, i) => new Server(0, `n${i}/0`, 5, null, owner, plant));
    const other = new Server(0, 'x/0', 0, null, owner, {});
    other.remainingWorkS = 99;
    const bad = servers.filter(
      (s, i) =>
        s.remainingWorkS !== i + 0.25 ||
        s.jobWorkS !== i * 2 ||
        s.workEndS !== -i ||
        s.busySinceS !== i / 3 ||
        s.finishId !== 2 ** 40 + i ||
        s.maintainedS !== i * 1e6,
    );
    expect(bad).toEqual([]);
    expect(later.every((s) => s.remainingWorkS === 0 && s.maintainedS === 5)).toBe(true);
  });
});
