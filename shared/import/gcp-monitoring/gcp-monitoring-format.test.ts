import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import type { JsonValue } from '../json/streaming-json.js';
import { mutateJson, mutateText, trimArrays } from '../../../test/helpers/import-fuzzing.js';
import { importRefusal, importText, unexpectedError } from '../../../test/helpers/memory-import-sink.js';
import { gcpMonitoringFormat } from './gcp-monitoring-format.js';

// Samples: built from the Cloud NAT monitoring API example and the timeSeries.list reference, see
// samples/exports/gcp-monitoring/SOURCES.md (https://cloud.google.com/nat/docs/monitoring,
// https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list).
const folder = new URL('../../../samples/exports/gcp-monitoring/', import.meta.url);
const samples = readdirSync(folder).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const create = (sink: ImportSink) => gcpMonitoringFormat.createParser(sink, {}, 'export.json');

describe('gcpMonitoringFormat.sniff', () => {
  it('is sure of timeSeries.list responses, and of nothing else', () => {
    for (const { text } of samples) expect(gcpMonitoringFormat.sniff(text.slice(0, 65536), 'x.json')).toBe(0.95);
    expect(gcpMonitoringFormat.sniff('{"value":[{"timeseries":[{"metadatavalues":[]}]}]}', 'x.json')).toBe(0);
    expect(gcpMonitoringFormat.sniff('{"timeSeries":[]}', 'x.json')).toBe(0);
    expect(gcpMonitoringFormat.sniff('{"MetricDataResults":[]}', 'x.json')).toBe(0);
  });
});

describe('Cloud Monitoring refusals', () => {
  it('refuses invalid JSON with its line', () => {
    const error = importRefusal(create, '{\n  "timeSeries": [\n    {"points": [{"value": {"int64Value": 0x10}}]}\n  ]\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/^not valid JSON \(column \d+\): /);
  });

  it('refuses Google API error responses, quoting the vendor message', () => {
    const text = '{\n  "error": {\n    "code": 403,\n    "message": "Permission monitoring.timeSeries.list denied (or the resource may not exist).",\n    "status": "PERMISSION_DENIED"\n  }\n}\n';
    expect(importRefusal(create, text, [9])).toMatchObject({
      line: 1,
      reason: 'the file holds a Google API error response, not time series: PERMISSION_DENIED (403): Permission monitoring.timeSeries.list denied (or the resource may not exist).',
    });
  });

  it('refuses pages appended as JSON lines, saying how to join them', () => {
    const line = JSON.stringify(JSON.parse(samples.find((s) => s.name === 'nat-allocated-ports.json')?.text ?? '{}'));
    const error = importRefusal(create, `${line}\n${line}\n`);
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/^a second JSON document starts here .*jq -s/);
  });

  it('says why nothing was read', () => {
    expect(importRefusal(create, '{}').reason).toMatch(/^no time series: the query matched none/);
    expect(importRefusal(create, '{"timeSeries":[{"metric":{"type":"m"},"points":[{"interval":{"endTime":"2024-01-01T00:00:00Z"},"value":{}}]}]}').reason).toBe('the time series hold no point with a value');
    expect(importRefusal(create, '{"data":{"result":[]}}').reason).toMatch(/^no Cloud Monitoring time series: expected the JSON of projects\.timeSeries\.list/);
  });
});

describe('Cloud Monitoring streaming', () => {
  it('gives the same series, points and summary however the text is chunked (property)', () => {
    const whole = samples.map(({ text }) => importText(create, text));
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), (index, chunks) => {
        const chunked = importText(create, samples[index]?.text ?? '', chunks);
        expect(chunked.sink.series).toEqual(whole[index]?.sink.series);
        expect(chunked.sink.points).toEqual(whole[index]?.sink.points);
        expect(chunked.summary).toEqual(whole[index]?.summary);
      }),
      { seed: 20190924, numRuns: 100 },
    );
  });
});

describe('Cloud Monitoring fuzzing', () => {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.nat());
  const documents = samples.map(({ text }) => trimArrays(JSON.parse(text) as JsonValue, 4));
  const texts = documents.map((d) => JSON.stringify(d, null, 1));

  it('imports or refuses with ImportFormatError any text mutation of the samples', () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4000 }), (index, edits, chunk) => {
        expect(unexpectedError(create, mutateText(texts[index] ?? '', edits), [chunk])).toBeUndefined();
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('imports or refuses with ImportFormatError any structural mutation of the samples', () => {
    fc.assert(
      fc.property(fc.nat({ max: documents.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (index, edits) => {
        expect(unexpectedError(create, JSON.stringify(mutateJson(documents[index] ?? null, edits)))).toBeUndefined();
      }),
      { seed: 11, numRuns: 1500 },
    );
  });

  it('imports or refuses with ImportFormatError random text and random JSON', () => {
    const wrapped = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ timeSeries: [v, { metric: v, resource: v, metricKind: v, unit: v, points: [v, { interval: v, value: v }] }], unit: v }));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), wrapped), (text) => {
        expect(unexpectedError(create, text)).toBeUndefined();
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
});
