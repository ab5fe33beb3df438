import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import type { JsonValue } from '../json/streaming-json.js';
import { cloudWatchFormat } from './cloudwatch-format.js';
import { mutateJson, mutateText, trimArrays } from '../../../test/helpers/import-fuzzing.js';
import { importRefusal, importText, unexpectedError } from '../../../test/helpers/memory-import-sink.js';

// Samples: built from the AWS CLI examples and the API reference, see samples/exports/cloudwatch/SOURCES.md
// (https://github.com/aws/aws-cli/blob/develop/awscli/examples/cloudwatch/get-metric-statistics.rst,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
const folder = new URL('../../../samples/exports/cloudwatch/', import.meta.url);
const samples = readdirSync(folder).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const create = (sink: ImportSink) => cloudWatchFormat.createParser(sink, {}, 'export.json');

describe('cloudWatchFormat.sniff', () => {
  it('is sure of get-metric-statistics and GetMetricData JSON, and of nothing else', () => {
    for (const { text } of samples) expect(cloudWatchFormat.sniff(text.slice(0, 65536), 'x.json')).toBe(0.95);
    expect(cloudWatchFormat.sniff('{"value":[{"timeseries":[]}]}', 'x.json')).toBe(0);
    expect(cloudWatchFormat.sniff('timestamp,Datapoints\n', 'x.csv')).toBe(0);
    expect(cloudWatchFormat.sniff('', '')).toBe(0);
  });
});

describe('CloudWatch refusals', () => {
  it('refuses invalid JSON with its line', () => {
    const error = importRefusal(create, '{\n  "Datapoints": [\n    {"Timestamp": "2014-02-19T00:18:00Z", "Maximum": 1,}\n  ]\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/^not valid JSON \(column \d+\): /);
  });

  it('refuses AWS error responses, quoting the vendor message', () => {
    expect(importRefusal(create, '{"Error":{"Type":"Sender","Code":"InvalidParameterCombination","Message":"At least one of the parameters Statistics and ExtendedStatistics must be specified."}}').reason).toBe(
      'the file holds an AWS error response, not data: InvalidParameterCombination: At least one of the parameters Statistics and ExtendedStatistics must be specified.',
    );
    expect(importRefusal(create, '{"__type":"com.amazonaws.cloudwatch#InvalidParameterValueException","message":"The parameter StartTime must be before EndTime."}').reason).toBe(
      'the file holds an AWS error response, not data: InvalidParameterValueException: The parameter StartTime must be before EndTime.',
    );
    const xml = '<ErrorResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>Throttling</Code>\n    <Message>Rate exceeded</Message>\n  </Error>\n</ErrorResponse>\n';
    expect(importRefusal(create, xml, [3]).reason).toBe('the file holds an AWS error, not data: Throttling: Rate exceeded');
    const cli = '\nAn error occurred (ExpiredToken) when calling the GetMetricData operation: The security token included in the request is expired\n';
    const error = importRefusal(create, cli, [5]);
    expect(error).toMatchObject({ line: 2, reason: 'the file holds an AWS error, not data: ExpiredToken: The security token included in the request is expired' });
  });

  it('refuses pages appended as JSON lines, saying how to join them, at the second page', () => {
    const error = importRefusal(create, readFileSync(new URL('get-metric-data-pages.jsonl', folder), 'utf8'), [500]);
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/^a second JSON document starts here .*jq -s/);
  });

  it('says what it expected when the JSON is not a CloudWatch export', () => {
    expect(importRefusal(create, '{"status":"success","data":{}}').reason).toMatch(/^no CloudWatch data: expected the JSON of `aws cloudwatch get-metric-statistics`/);
    expect(importRefusal(create, '"Datapoints"').reason).toMatch(/^no CloudWatch data/);
    expect(importRefusal(create, '').reason).toMatch(/no JSON value/);
    expect(importRefusal(create, '{"MetricDataResults":[{"Id":"m1","Timestamps":[],"Values":[],"StatusCode":"Complete"}]}').reason).toMatch(/^MetricDataResults holds no values/);
  });
});

describe('CloudWatch streaming', () => {
  it('gives the same series, points and summary however the text is chunked (property)', () => {
    const whole = samples.map(({ text }) => importText(create, text));
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), (index, chunks) => {
        const chunked = importText(create, samples[index]?.text ?? '', chunks);
        const expected = whole[index];
        expect(chunked.sink.series).toEqual(expected?.sink.series);
        expect(chunked.sink.points).toEqual(expected?.sink.points);
        expect(chunked.summary).toEqual(expected?.summary);
      }),
      { seed: 20240501, numRuns: 120 },
    );
  });
});

describe('CloudWatch fuzzing', () => {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.nat());
  // Every sample, each array cut to its first elements: all shapes, small texts.
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
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ Datapoints: [v], MetricDataResults: [v] }))), (text) => {
        expect(unexpectedError(create, text)).toBeUndefined();
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
});
