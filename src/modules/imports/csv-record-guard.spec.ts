import { parse } from 'csv-parse/sync';
import { CsvRecordGuard, oversizedReasonOf } from './csv-record-guard';

/** The guard's output for `text` fed in pieces of `size` bytes. */
async function guarded(text: string, size: number, limits = { maxRecordBytes: 20, maxFields: 4 }): Promise<string> {
  const guard = new CsvRecordGuard(',', limits);
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => guard.on('end', resolve).on('error', reject));
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) guard.write(bytes.subarray(i, i + size));
  guard.end();
  await done;
  return Buffer.concat(out).toString();
}

const SIZES = [1, 2, 3, 5, 7, 64 * 1024];

describe('CsvRecordGuard', () => {
  it('passes records within the limits through unchanged, however the file is split', async () => {
    const text = 'a,b,c\r\n"x,y",2,3\n"multi\r\nline",q\r\n"he said ""hi""",z\n\nlast,row';
    for (const size of SIZES) expect(await guarded(text, size)).toBe(text);
  });

  it('replaces a row with more fields than the limit, even empty ones, and keeps every later row and line number', async () => {
    const text = `a,b\n1,2\n${','.repeat(10_000)}\n3,4\n5,6`;
    for (const size of SIZES) {
      const records = parse(await guarded(text, size), { relax_column_count: true }) as string[][];
      expect(records.map((r) => oversizedReasonOf(r) ?? r.join('|'))).toEqual([
        'a|b',
        '1|2',
        'the row has more than 4 fields (IMPORT_MAX_FIELDS)',
        '3|4',
        '5|6',
      ]);
    }
  });

  it('replaces a row larger than the limit, with as many lines as its quoted line breaks spanned', async () => {
    const text = `a,b\n"${'x'.repeat(15)}\r\n${'y'.repeat(15)}\n${'z'.repeat(15)}",1\nok,2\n${'w'.repeat(50)}`;
    for (const size of SIZES) {
      const records = parse(await guarded(text, size), { relax_column_count: true }) as string[][];
      expect(records.map((r) => oversizedReasonOf(r) ?? r.join('|'))).toEqual([
        'a|b',
        'the row is larger than 20 bytes (IMPORT_MAX_RECORD_BYTES)',
        'ok|2',
        'the row is larger than 20 bytes (IMPORT_MAX_RECORD_BYTES)',
      ]);
      expect(records[1][0].match(/\n/g)).toHaveLength(2);
    }
  });

  it('holds back no more than one row within the limits', async () => {
    const guard = new CsvRecordGuard(',', { maxRecordBytes: 100, maxFields: 10 });
    let passed = 0;
    guard.on('data', (b: Buffer) => (passed += b.length));
    for (let i = 0; i < 1000; i += 1) guard.write(Buffer.from(','.repeat(50)));
    // 50,000 commas: the first 9 fit a row; the rest is dropped, not held.
    expect(passed).toBe(0);
    expect((guard as unknown as { held: Buffer[] }).held).toEqual([]);
  });
});
