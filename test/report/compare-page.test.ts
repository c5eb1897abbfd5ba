import { describe, expect, it } from 'vitest';
import { compareReportBlocks } from '../../src/report/index.js';

/** The rows of the table titled "Paired differences". */
function differenceRows(differences: Parameters<typeof compareReportBlocks>[0]['differences']) {
  const blocks = compareReportBlocks({
    title: 't',
    manifest: {},
    alternatives: [
      { name: 'A', kpis: {} },
      { name: 'B', kpis: {} },
    ],
    differences,
  });
  const table = blocks.find((b) => b.kind === 'table' && b.title === 'Paired differences');
  if (table?.kind !== 'table') throw new Error('no table of paired differences');
  return table.rows;
}

const diff = (figure: string, mean: number, halfWidth: number | null) => ({
  figure,
  alternative: 'B',
  baseline: 'A',
  mean,
  halfWidth,
  significant: false,
});

describe('the paired differences of a comparison page', () => {
  it('show a time in the unit of its table row (seconds → minutes), named in the label', () => {
    const [row] = differenceRows([diff('cycleTimeS', -120, 30)]);
    expect(String(row![0])).toMatch(/\(min\)$/);
    expect(row!.slice(1)).toEqual(['B − A', '-2.000', '[-2.500, -1.500]', 'no']);
  });

  it('show a fraction as percentage points and a rate in parts/h', () => {
    const rows = differenceRows([diff('firstPassYield', -0.02, 0.01), diff('throughputPerHour', 1.5, null)]);
    expect(String(rows[0]![0])).toMatch(/\(percentage points\)$/);
    expect(rows[0]![2]).toBe('-2.000');
    expect(rows[0]![3]).toBe('[-3.000, -1.000]');
    expect(String(rows[1]![0])).toMatch(/\(parts\/h\)$/);
    expect(rows[1]![2]).toBe('1.500');
    expect(rows[1]![3]).toBeNull();
  });

  it('keep a figure that is not a plant figure as given, under its own name', () => {
    const [row] = differenceRows([diff('energy per part', 0.25, 0.05)]);
    expect(row![0]).toBe('energy per part');
    expect(row![2]).toBe('0.2500');
  });
});
