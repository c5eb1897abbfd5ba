/**
 * The file of `--schedule`: the first replication's schedule as CSV, written while the run goes on (the
 * rows no later row can precede, in batches) so that a long run's schedule is never held whole in memory
 * or in one string, and renamed into place at the end so that a reader never sees half a file.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plant } from '../../entities/index.js';
import {
  recordSchedule,
  SCHEDULE_CSV_HEADER,
  type ScheduleRecorder,
  scheduleCsvLines,
} from '../../report/index.js';
import { makeFolders } from '../../report/make-folders.js';
import { tempFileBeside } from '../../report/temp-file.js';
import { TextSpool } from '../../stream/index.js';

/** A schedule CSV being written: {@link ScheduleFile.record} a plant, then {@link ScheduleFile.finish}. */
export class ScheduleFile {
  /** The file to write, as given. */
  readonly path: string;
  private readonly temp: string;
  private fd: number | null;
  private readonly spool: TextSpool;
  private recorder: ScheduleRecorder | null = null;
  private readonly spillRows: number | undefined;

  /**
   * Opens a temporary file beside `path` (creating missing folders) and writes the header.
   * @param batches rows held before a batch goes to the file, characters buffered before a write
   *   (defaults of `recordSchedule` and `TextSpool`; smaller in tests).
   * @throws Error when the folder cannot be made or the file cannot be opened.
   */
  constructor(path: string, batches: { readonly spillRows?: number; readonly flushChars?: number } = {}) {
    this.path = path;
    this.spillRows = batches.spillRows;
    const target = resolve(path);
    makeFolders(dirname(target));
    this.temp = tempFileBeside(target);
    this.fd = openSync(this.temp, 'w');
    this.spool = new TextSpool(this.fd, batches.flushChars);
    this.spool.append(`${SCHEDULE_CSV_HEADER}\n`);
  }

  /** Records the schedule of `plant` (subscribe after the build, before the run; once). */
  record(plant: Plant): void {
    if (this.recorder !== null) throw new Error('ScheduleFile: already recording a plant');
    this.recorder = recordSchedule(plant, {
      spill: (rows) => this.spool.append(scheduleCsvLines(rows)),
      ...(this.spillRows === undefined ? {} : { spillRows: this.spillRows }),
    });
  }

  /** Writes the rows still held (the open ones included) and moves the file into place. */
  finish(): void {
    if (this.fd === null) throw new Error('ScheduleFile: already finished or discarded');
    if (this.recorder !== null) {
      this.recorder.stop();
      this.spool.append(scheduleCsvLines(this.recorder.rows()));
    }
    this.spool.flush();
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.temp, resolve(this.path));
  }

  /** Closes and removes the temporary file (a run that failed leaves no partial schedule). */
  discard(): void {
    this.recorder?.stop();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.temp, { force: true });
  }
}
