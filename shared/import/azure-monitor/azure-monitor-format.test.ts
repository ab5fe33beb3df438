import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportSink } from '../import-types.js';
import type { JsonValue } from '../json/streaming-json.js';
import { mutateJson, mutateText, trimArrays } from '../../../test/helpers/import-fuzzing.js';
import { importRefusal, importText, unexpectedError } from '../../../test/helpers/memory-import-sink.js';
import { azureMonitorFormat } from './azure-monitor-format.js';

// Samples: built from the REST spec example GetMetric.json and the Metrics - List reference, see
// samples/exports/azure-monitor/SOURCES.md (https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list,
// https://github.com/Azure/azure-rest-api-specs/blob/main/specification/monitor/resource-manager/Microsoft.Insights/stable/2018-01-01/examples/GetMetric.json).
const folder = new URL('../../../samples/exports/azure-monitor/', import.meta.url);
const samples = readdirSync(folder).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const create = (sink: ImportSink) => azureMonitorFormat.createParser(sink, {}, 'export.json');

describe('azureMonitorFormat.sniff', () => {
  it('is sure of Metrics - List responses, and of nothing else', () => {
    for (const { text } of samples) expect(azureMonitorFormat.sniff(text.slice(0, 65536), 'x.json')).toBe(0.95);
    expect(azureMonitorFormat.sniff('{"value":[{"timeseries":[{"metadatavalues":[],"data":[]}]}]}', 'x.json')).toBe(0.95);
    expect(azureMonitorFormat.sniff('{"timeSeries":[{"metricKind":"GAUGE","points":[]}]}', 'x.json')).toBe(0);
    expect(azureMonitorFormat.sniff('{"value":[{"timeseries":[]}]}', 'x.json')).toBe(0);
    expect(azureMonitorFormat.sniff('{"Datapoints":[]}', 'x.json')).toBe(0);
  });
});

describe('Azure Monitor refusals', () => {
  it('refuses invalid JSON with its line', () => {
    const error = importRefusal(create, '{\n  "value": [\n    {"name": {"value": "cpu"} "unit": "Percent"}\n  ]\n}');
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/^not valid JSON \(column \d+\): expected ',' between members/);
  });

  it('refuses error responses, quoting the vendor message', () => {
    const text = '{\n  "error": {\n    "code": "BadRequest",\n    "message": "Detected invalid time interval input: 2017-04-14T02:20:00Z/2017-04-13T04:20:00Z"\n  }\n}\n';
    expect(importRefusal(create, text, [7])).toMatchObject({
      line: 1,
      reason: 'the file holds an Azure error response, not metrics: BadRequest: Detected invalid time interval input: 2017-04-14T02:20:00Z/2017-04-13T04:20:00Z',
    });
    expect(importRefusal(create, '{"code":"ResourceNotFound","message":"The Resource was not found."}').reason).toMatch(/ResourceNotFound: The Resource was not found\.$/);
  });

  it('refuses responses appended as JSON lines, saying how to join them', () => {
    const line = JSON.stringify(JSON.parse(samples[0]?.text ?? '{}'));
    const error = importRefusal(create, `${line}\n${line}\n`);
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/^a second JSON document starts here .*jq -s/);
  });

  it('says why nothing was read, e.g. for the documented empty `az monitor metrics list` output', () => {
    // https://learn.microsoft.com/en-us/azure/load-balancer/load-balancer-azure-monitor-cli (its example output, verbatim).
    const documented = `{
  "cost": 59,
  "interval": "0:01:00",
  "namespace": "Microsoft.Network/loadBalancers",
  "resourceregion": "eastus2",
  "timespan": "2022-06-30T15:22:39Z/2022-06-30T16:22:39Z",
  "value": [
    {
      "displayDescription": "Average Load Balancer health probe status per time duration",
      "errorCode": "Success",
      "errorMessage": null,
      "id": "/subscriptions/6a5f35e9-6951-499d-a36b-83c6c6eed44a/resourceGroups/myResourceGroup2/providers/Microsoft.Network/loadBalancers/myLoadBalancer/providers/Microsoft.Insights/metrics/DipAvailability",
      "name": {
        "localizedValue": "Health Probe Status",
        "value": "DipAvailability"
      },
      "resourceGroup": "myResourceGroup2",
      "timeseries": [],
      "type": "Microsoft.Insights/metrics",
      "unit": "Count"
    }
  ]
}
`;
    expect(azureMonitorFormat.sniff(documented, 'lb.json')).toBe(0.95);
    expect(importRefusal(create, documented)).toMatchObject({
      line: 24,
      reason: 'the metrics hold no data point (empty timeseries, or every aggregation absent) in timespan 2022-06-30T15:22:39Z/2022-06-30T16:22:39Z',
    });
    expect(importRefusal(create, '{"value":[]}').reason).toBe('"value" is empty: no metric matched the query');
    expect(importRefusal(create, '{"timespan":"a/b","value":[{"name":{"value":"x"},"unit":"Count","timeseries":[{"data":[{"timeStamp":"2024-01-01T00:00:00Z"}]}]}]}').reason).toBe(
      'the metrics hold no data point (empty timeseries, or every aggregation absent) in timespan a/b',
    );
    expect(importRefusal(create, '[1, 2]').reason).toMatch(/^no Azure Monitor metrics: expected the JSON of the Metrics - List REST API/);
  });
});

describe('Azure Monitor streaming', () => {
  it('gives the same series, points and summary however the text is chunked (property)', () => {
    const whole = samples.map(({ text }) => importText(create, text));
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 12 }), (index, chunks) => {
        const chunked = importText(create, samples[index]?.text ?? '', chunks);
        expect(chunked.sink.series).toEqual(whole[index]?.sink.series);
        expect(chunked.sink.points).toEqual(whole[index]?.sink.points);
        expect(chunked.summary).toEqual(whole[index]?.summary);
      }),
      { seed: 20170414, numRuns: 100 },
    );
  });
});

describe('Azure Monitor fuzzing', () => {
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
    const wrapped = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ value: [{ name: v, unit: v, timeseries: [v, { metadatavalues: [v], data: [v] }] }] }));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), wrapped), (text) => {
        expect(unexpectedError(create, text)).toBeUndefined();
      }),
      { seed: 3, numRuns: 1000 },
    );
  });
});
