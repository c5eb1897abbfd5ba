import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constant, Simulation } from '../../src/engine/index.js';
import { Plant, ShiftCalendar, Sink, Source, Station } from '../../src/entities/index.js';

const H = 3600;
const D = 24 * H;
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const dayShift = [{ days: weekdays, startS: 6 * H, endS: 14 * H }];

describe('ShiftCalendar with an origin and holidays', () => {
  it('an origin moves the week: time 0 on a Tuesday 06:00 is on shift, Saturday is off', () => {
    const cal = new ShiftCalendar(dayShift, { originS: D + 6 * H });
    expect(cal.isOn(0)).toBe(true);
    expect(cal.nextChange(0)).toBe(8 * H);
    // Tuesday 14:00 → Wednesday 06:00 is 16 h later.
    expect(cal.nextChange(8 * H)).toBe(24 * H);
    // Saturday 10:00 is 4 days 4 h after Tuesday 06:00.
    expect(cal.isOn(4 * D + 4 * H)).toBe(false);
  });

  it('a closed day removes its shift; the change times skip it', () => {
    // Holiday: Wednesday (time 0 Monday 00:00).
    const cal = new ShiftCalendar(dayShift, { closed: [[2 * D, 3 * D]] });
    expect(cal.isOn(2 * D + 8 * H)).toBe(false);
    expect(cal.nextChange(D + 14 * H)).toBe(3 * D + 6 * H);
    expect(cal.always).toBe(false);
    // A holiday closes even an always-on calendar.
    const all = new ShiftCalendar([{ days: [...weekdays, 'sat', 'sun'], startS: 0, endS: D }], {
      closed: [[D, 2 * D]],
    });
    expect(all.isOn(D + 1)).toBe(false);
    expect(all.nextChange(0)).toBe(D);
    expect(all.nextChange(D)).toBe(2 * D);
    expect(all.nextChange(2 * D)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a night shift running into a holiday stops at its midnight', () => {
    const night = new ShiftCalendar([{ days: ['mon'], startS: 22 * H, endS: 6 * H }], {
      closed: [[D, 2 * D]],
    });
    expect(night.isOn(23 * H)).toBe(true);
    expect(night.nextChange(23 * H)).toBe(D);
    expect(night.isOn(D + 2 * H)).toBe(false);
  });

  it('afterWorking counts working time only', () => {
    const cal = new ShiftCalendar(dayShift, { closed: [[D, 2 * D]] });
    expect(cal.afterWorking(7 * H, H)).toBe(8 * H);
    // Monday 13:00 + 3 h: 1 h Monday, Tuesday closed, 2 h on Wednesday from 06:00.
    expect(cal.afterWorking(13 * H, 3 * H)).toBe(2 * D + 8 * H);
    // Off shift: the next start.
    expect(cal.afterWorking(0, 0)).toBe(6 * H);
  });

  it('property: isOn is constant between t and nextChange(t), and differs at it', () => {
    const cal = new ShiftCalendar(
      [
        { days: weekdays, startS: 6 * H, endS: 14 * H },
        { days: ['fri'], startS: 22 * H, endS: 4 * H },
      ],
      {
        originS: 3 * D + 5 * H,
        closed: [
          [D, 2 * D],
          [10 * D + 3 * H, 12 * D],
        ],
      },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * D }), (t) => {
        const c = cal.nextChange(t);
        expect(c).toBeGreaterThan(t);
        expect(cal.isOn(c)).not.toBe(cal.isOn(t));
        for (const f of [0.25, 0.5, 0.999]) expect(cal.isOn(t + (c - t) * f)).toBe(cal.isOn(t));
      }),
    );
  });
});

describe('a source that follows a calendar', () => {
  it('releases only on shift, and its interarrival clock pauses off shift', () => {
    const sim = new Simulation({ seed: 1 });
    const plant = new Plant(sim);
    plant.addProduct({ id: 'p', routing: ['M'], sink: 'out' });
    new Sink(plant, { id: 'out' });
    new Station(plant, { id: 'M', processTimes: { p: new Constant({ value: 1 }) } });
    const shift = new ShiftCalendar(dayShift, { closed: [[D, 2 * D]] });
    // One part every 3 h of working time: Monday 09:00, 12:00, then 1 h left → Wednesday 07:00, 10:00, 13:00.
    new Source(plant, {
      id: 'src',
      product: 'p',
      interarrival: new Constant({ value: 3 * H }),
      count: 5,
      shift,
    });
    const released: number[] = [];
    plant.events.on('partReleased', (part) => released.push(part.releaseS));
    plant.run();
    expect(released).toEqual([9 * H, 12 * H, 2 * D + 7 * H, 2 * D + 10 * H, 2 * D + 13 * H]);
    for (const t of released) expect(shift.isOn(t)).toBe(true);
  });
});

describe('ShiftCalendar exceptions (extra working periods)', () => {
  it('an open period adds working time, even on a closed day, and the change times follow it', () => {
    // Saturday 06:00–12:00 of overtime; Wednesday closed but open 08:00–10:00.
    const cal = new ShiftCalendar(dayShift, {
      closed: [[2 * D, 3 * D]],
      open: [
        [5 * D + 6 * H, 5 * D + 12 * H],
        [2 * D + 8 * H, 2 * D + 10 * H],
      ],
    });
    expect(cal.isOn(5 * D + 7 * H)).toBe(true);
    expect(cal.nextChange(4 * D + 14 * H)).toBe(5 * D + 6 * H);
    expect(cal.nextChange(5 * D + 6 * H)).toBe(5 * D + 12 * H);
    expect(cal.isOn(2 * D + 7 * H)).toBe(false);
    expect(cal.isOn(2 * D + 9 * H)).toBe(true);
    expect(cal.nextChange(D + 14 * H)).toBe(2 * D + 8 * H);
    // An open period adjacent to a shift merges with it: Monday 14:00–16:00 extends the day shift.
    const longer = new ShiftCalendar(dayShift, { open: [[14 * H, 16 * H]] });
    expect(longer.nextChange(6 * H)).toBe(16 * H);
  });
});
