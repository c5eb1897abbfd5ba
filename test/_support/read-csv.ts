/**
 * A small RFC 4180 reader for the tests: fields separated by commas, records by `\n` or `\r\n`, a field in
 * double quotes may hold commas, quotes (doubled) and line breaks. Written here, apart from the writer in
 * src/, so a round trip through both checks the writer.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error('readCsv: unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** One row of a `--schedule` CSV, typed: empty cells read as `undefined` (text) or `NaN` (numbers). */
export interface ScheduleCsvRow {
  kind: string;
  part: number | undefined;
  product: string | undefined;
  step: number | undefined;
  station: string;
  server: number;
  queuedS: number;
  startedS: number;
  finishedS: number;
  detail: string;
}

export const SCHEDULE_HEADER = [
  'kind',
  'part',
  'product',
  'step',
  'station',
  'server',
  'queued_s',
  'started_s',
  'finished_s',
  'detail',
];

/** Reads a schedule CSV, checking its header and that every record has its ten fields. */
export function readScheduleCsv(text: string): ScheduleCsvRow[] {
  const [header, ...body] = readCsv(text);
  if (header?.join(',') !== SCHEDULE_HEADER.join(',')) {
    throw new Error(`readScheduleCsv: unexpected header ${JSON.stringify(header)}`);
  }
  const num = (s: string) => (s === '' ? Number.NaN : Number(s));
  return body.map((r, i) => {
    if (r.length !== SCHEDULE_HEADER.length) {
      throw new Error(
        `readScheduleCsv: record ${i + 2} has ${r.length} fields, not ${SCHEDULE_HEADER.length}`,
      );
    }
    const [kind, part, product, step, station, server, queued, started, finished, detail] = r as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      kind,
      part: part === '' ? undefined : Number(part),
      product: product === '' ? undefined : product,
      step: step === '' ? undefined : Number(step),
      station,
      server: Number(server),
      queuedS: num(queued),
      startedS: num(started),
      finishedS: num(finished),
      detail,
    };
  });
}
