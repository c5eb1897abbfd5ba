/**
 * Cross-reference checks of the operators of a scenario document (see `checkReferences`, which calls
 * this): run on the raw parsed document, so whatever part of it has the right shape is checked. Never
 * throws.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/**
 * Checks: shift calendars of pools and members; a station's `operator.pool` naming no pool; a task
 * whose skill nobody of the pool has; an operator loading or unloading a station a robot tends; a pool
 * walking by speed serving a station without a position.
 * @param known reports an unknown id (as `checkReferences` does, with the known ones as a hint).
 */
export function checkOperatorReferences(
  doc: Obj,
  calendars: ReadonlySet<string>,
  add: (message: string, ...path: (string | number)[]) => void,
  known: (set: Set<string>, kind: string, id: unknown, ...path: (string | number)[]) => void,
): void {
  const pools = new Map<string, { index: number; skills: Set<string>[]; bySpeed: boolean }>();
  list(doc.operators).forEach((o, i) => {
    if (!isObj(o)) return;
    known(new Set(calendars), 'shift calendar', o.shift, 'operators', i, 'shift');
    const poolSkills = list(o.skills).filter((s): s is string => typeof s === 'string');
    const members = Array.isArray(o.members) ? o.members : [{}];
    const skills = members.map((m, j) => {
      if (!isObj(m)) return new Set<string>();
      if (Array.isArray(o.members))
        known(new Set(calendars), 'shift calendar', m.shift, 'operators', i, 'members', j, 'shift');
      const own = Array.isArray(m.skills)
        ? m.skills.filter((s): s is string => typeof s === 'string')
        : poolSkills;
      return new Set(own);
    });
    if (typeof o.id === 'string')
      pools.set(o.id, { index: i, skills, bySpeed: isObj(o.travel) && o.travel.speed !== undefined });
  });
  list(doc.stations).forEach((st, i) => {
    if (!isObj(st) || !isObj(st.operator)) return;
    const need = st.operator;
    known(new Set(pools.keys()), 'operator pool', need.pool, 'stations', i, 'operator', 'pool');
    const tasks = list(need.for).filter((t): t is string => typeof t === 'string');
    if (st.tendedBy !== undefined)
      tasks.forEach((t, k) => {
        if (t === 'load' || t === 'unload')
          add(
            `a robot fleet (tendedBy) loads and unloads this station, so its operator cannot ${t}`,
            'stations',
            i,
            'operator',
            'for',
            k,
          );
      });
    const pool = typeof need.pool === 'string' ? pools.get(need.pool) : undefined;
    if (pool === undefined) return;
    const skillOf = (t: string): unknown => (isObj(need.skill) ? need.skill[t] : need.skill);
    const reported = new Set<string>();
    for (const t of tasks) {
      const skill = skillOf(t);
      if (typeof skill !== 'string' || reported.has(skill)) continue;
      if (!pool.skills.some((held) => held.has(skill))) {
        reported.add(skill);
        add(
          `nobody of operator pool "${need.pool}" has skill "${skill}" (operators[${pool.index}] lists the skills)`,
          'stations',
          i,
          'operator',
          'skill',
          ...(isObj(need.skill) ? [t] : []),
        );
      }
    }
    if (pool.bySpeed && st.position === undefined)
      add(`operators[${pool.index}] walks by speed, so this station needs a position`, 'stations', i);
  });
}
