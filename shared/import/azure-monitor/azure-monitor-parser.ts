import { ImportFormatError, type ImportFileSummary, type ImportSink, type StreamingParser } from '../import-types.js';
import { ImportTally } from '../import-tally.js';
import { seriesBaseFromFileName } from '../file-series-base.js';
import { JsonExportParser } from '../json/json-export-parser.js';
import { AzureMonitorExportHandler } from './azure-monitor-export-handler.js';

/** Stands for "nothing read" in JsonExportParser; replaced by the handler's specific reason. */
const EMPTY = 'azure-monitor: no data point';
const SECOND_DOCUMENT = /more text follows the end of the JSON value/;

/**
 * Reads Azure Monitor metrics JSON (REST `Metrics - List`, api-version 2018-01-01 and later,
 * or `az monitor metrics list` output), one response or a JSON array of responses, streaming
 * with memory bounded by the largest timeseries.
 * https://learn.microsoft.com/en-us/rest/api/monitor/metrics/list
 * @throws {ImportFormatError} from push/end: invalid JSON, an error response, no data point
 * @example
 * const parser = new AzureMonitorParser(sink, 'blob.json');
 * parser.push(getMetricJson);
 * parser.end(); // BlobCapacity{aggregation="count",blobtype="PageBlob"} …
 */
export class AzureMonitorParser implements StreamingParser {
  private readonly handler: AzureMonitorExportHandler;
  private readonly json: JsonExportParser;

  /**
   * @param fileName the user's name for the file: the series name of metrics without a name
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, fileName = '', units?: Readonly<Record<string, string>>) {
    const tally = new ImportTally();
    this.handler = new AzureMonitorExportHandler(sink, tally, seriesBaseFromFileName(fileName, 'azure-monitor'), units);
    this.json = new JsonExportParser('azure-monitor', this.handler, tally, EMPTY);
  }

  push(text: string): void {
    try {
      this.json.push(text);
    } catch (error) {
      throw this.refine(error);
    }
  }

  end(): ImportFileSummary {
    try {
      return this.json.end();
    } catch (error) {
      throw this.refine(error);
    }
  }

  private refine(error: unknown): unknown {
    if (!(error instanceof ImportFormatError)) return error;
    if (error.reason === EMPTY) return new ImportFormatError(error.line, this.handler.emptyReason);
    if (SECOND_DOCUMENT.test(error.reason)) {
      return new ImportFormatError(
        error.line,
        'a second JSON document starts here (JSON lines, or responses appended one after another): the importer reads one document; put the responses in a JSON array, e.g. `jq -s . responses.json > all.json`',
      );
    }
    return error;
  }
}
