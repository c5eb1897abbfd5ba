/** The spool that writes long logs as they grow: what goes in comes out, byte for byte, in any pieces. */
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextSpool } from '../../src/stream/text-spool.js';
import { tempDir } from './_support.js';

describe('TextSpool', () => {
  it('the file holds exactly the appended text (any characters, any pieces, any buffer size)', () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (pieces, flushChars) => {
          const path = join(dir, `s${n++}.txt`);
          const fd = openSync(path, 'w');
          const spool = new TextSpool(fd, flushChars);
          for (const p of pieces) spool.append(p);
          spool.flush();
          closeSync(fd);
          const text = pieces.join('');
          expect(readFileSync(path, 'utf8')).toBe(text);
          expect(spool.bytesWritten).toBe(Buffer.byteLength(text, 'utf8'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes once it holds flushChars characters, not before', () => {
    const path = join(tempDir(), 'x.txt');
    const fd = openSync(path, 'w');
    const spool = new TextSpool(fd, 10);
    spool.append('12345');
    spool.append('6789');
    expect(statSync(path).size).toBe(0);
    spool.append('é');
    // ten characters, eleven bytes (é is two in UTF-8)
    expect(statSync(path).size).toBe(11);
    expect(spool.bytesWritten).toBe(11);
    closeSync(fd);
  });

  it('rejects a buffer size that is not a positive integer, naming it', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => new TextSpool(1, bad)).toThrow(/TextSpool: flushChars/);
  });
});
