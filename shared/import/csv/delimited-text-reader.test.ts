import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DelimitedTextReader, detectDelimiter, RecordTooLongError } from './delimited-text-reader.js';

function read(chunks: readonly string[], options = {}): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const reader = new DelimitedTextReader((fields, line) => records.push({ fields, line }), options);
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return records;
}

describe('DelimitedTextReader', () => {
  it('splits lines and fields, with CRLF and without a final newline', () => {
    expect(read(['a,b\r\n1,2\r\n3,4'])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ]);
  });

  it('follows RFC 4180 quoting, including doubled quotes and line breaks inside quotes', () => {
    const records = read(['"time","say ""hi"", twice","multi\nline"\n2024,1,2\n']);
    expect(records[0]).toEqual({ fields: ['time', 'say "hi", twice', 'multi\nline'], line: 1 });
    expect(records[1]).toEqual({ fields: ['2024', '1', '2'], line: 3 });
  });

  it('counts physical lines across blank and comment lines', () => {
    const records = read(['# exported by tool\n\na,b\n\n1,2\n'], { commentPrefix: '#' });
    expect(records.map((r) => r.line)).toEqual([3, 5]);
  });

  it('honours a `sep=` line and detects ; and tab', () => {
    expect(read(['sep=;\na;b\n1;2\n'])[1]?.fields).toEqual(['1', '2']);
    expect(detectDelimiter('time;cpu;"a;b"')).toBe(';');
    expect(detectDelimiter('time\tcpu\tmem')).toBe('\t');
    expect(detectDelimiter('only')).toBe(',');
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(read(['\uFEFFtime,v\n'])[0]?.fields).toEqual(['time', 'v']);
  });

  it('refuses an endless line instead of buffering it forever', () => {
    const reader = new DelimitedTextReader(() => undefined, { maxRecordChars: 1000 });
    expect(() => {
      for (let i = 0; i < 20; i++) reader.push('x'.repeat(100));
    }).toThrow(RecordTooLongError);
  });

  it('gives the same records however the text is split into chunks (property)', () => {
    const field = fc.oneof(fc.stringMatching(/^[a-z0-9 .]{0,6}$/), fc.stringMatching(/^[a-z,"\n]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`));
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, crlf) => {
        const text = rows.join(crlf ? '\r\n' : '\n') + '\n';
        const whole = read([text], { delimiter: ',' });
        const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of positions) {
          chunks.push(text.slice(last, p));
          last = p;
        }
        chunks.push(text.slice(last));
        expect(read(chunks, { delimiter: ',' })).toEqual(whole);
      }),
      { seed: 7, numRuns: 1500 },
    );
  });
});
