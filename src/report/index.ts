/** Reports derived from a plant's published events. */

export type { ScheduleRecorder, ScheduleRow, ScheduleRowKind } from './schedule.js';
export { recordSchedule, SCHEDULE_CSV_HEADER, scheduleToCsv } from './schedule.js';
