import { ImportFormatError, type ImportFileSummary, type ImportSink, type StreamingParser } from '../import-types.js';
import { ImportTally } from '../import-tally.js';
import { seriesBaseFromFileName } from '../file-series-base.js';
import { JsonExportParser } from '../json/json-export-parser.js';
import { awsTextErrorMessage } from './cloudwatch-error-response.js';
import { CloudWatchExportHandler } from './cloudwatch-export-handler.js';

/** Stands for "nothing read" in JsonExportParser; replaced by the handler's specific reason. */
const EMPTY = 'cloudwatch: no data point';
/** How much non-JSON text is kept to find an AWS error message in it. */
const HEAD_LIMIT = 64 * 1024;
const SECOND_DOCUMENT = /more text follows the end of the JSON value/;

/**
 * Reads an AWS CloudWatch JSON export — `aws cloudwatch get-metric-statistics` or
 * `get-metric-data` output, one response or a JSON array of pages — streaming, with memory
 * bounded by the largest element (get-metric-statistics datapoints are kept until their
 * `Label`, at most 1,440 per response). Files that are not JSON are refused with the AWS
 * error they hold when they hold one (Query API XML, AWS CLI error text); pages appended one
 * after another (JSON lines) are refused with how to join them.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html
 * @throws {ImportFormatError} from push/end: invalid JSON, an error response, no data point
 * @example
 * const parser = new CloudWatchParser(sink, 'cpu.json');
 * parser.push('{"Datapoints":[{"Timestamp":"2014-02-19T00:18:00Z","Maximum":0.33,"Unit":"Percent"}],"Label":"CPUUtilization"}');
 * parser.end(); // CPUUtilization{statistic="Maximum"} in '%': one point
 */
export class CloudWatchParser implements StreamingParser {
  private readonly handler: CloudWatchExportHandler;
  private readonly json: JsonExportParser;
  /** Text held back until its first character says whether the file is JSON at all. */
  private head = '';
  private state: 'start' | 'json' | 'text' = 'start';

  /**
   * @param fileName the user's name for the file: the series name when a response has no label
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, fileName = '', units?: Readonly<Record<string, string>>) {
    const tally = new ImportTally();
    this.handler = new CloudWatchExportHandler(sink, tally, seriesBaseFromFileName(fileName, 'cloudwatch'), units);
    this.json = new JsonExportParser('cloudwatch', this.handler, tally, EMPTY);
  }

  push(text: string): void {
    if (this.state === 'json') {
      this.forward(text);
      return;
    }
    this.head += text;
    if (this.state === 'start') {
      const first = /[^\s\uFEFF]/.exec(this.head);
      if (first === null && this.head.length < HEAD_LIMIT) return;
      const c = first === null ? '' : this.head[first.index];
      if (c !== '{' && c !== '[' && c !== '') {
        this.state = 'text';
      } else {
        this.startJson();
        return;
      }
    }
    if (this.head.length >= HEAD_LIMIT) this.refuseText();
  }

  end(): ImportFileSummary {
    if (this.state === 'text') this.refuseText();
    if (this.state === 'start') this.startJson();
    try {
      return this.json.end();
    } catch (error) {
      throw this.refine(error);
    }
  }

  private startJson(): void {
    this.state = 'json';
    const head = this.head;
    this.head = '';
    this.forward(head);
  }

  private forward(text: string): void {
    try {
      this.json.push(text);
    } catch (error) {
      throw this.refine(error);
    }
  }

  /** Text that does not start like JSON: an AWS error if it is one, else the JSON reader's own complaint. */
  private refuseText(): void {
    const message = awsTextErrorMessage(this.head);
    const firstIndex = this.head.search(/\S/);
    const line = 1 + (this.head.slice(0, Math.max(0, firstIndex)).match(/\n/g)?.length ?? 0);
    if (message !== undefined) throw new ImportFormatError(line, `the file holds an AWS error, not data: ${message}`);
    if (this.head[firstIndex] === '<') throw new ImportFormatError(line, 'the file is XML, not JSON: export the metrics with the AWS CLI (`--output json`)');
    // A JSON scalar, or plain garbage: the reader names the line and column.
    this.startJson();
  }

  private refine(error: unknown): unknown {
    if (!(error instanceof ImportFormatError)) return error;
    if (error.reason === EMPTY) return new ImportFormatError(error.line, this.handler.emptyReason);
    if (SECOND_DOCUMENT.test(error.reason)) {
      return new ImportFormatError(
        error.line,
        'a second JSON document starts here (JSON lines, or pages appended one after another): the importer reads one document; put the pages in a JSON array, e.g. `jq -s . pages.json > all.json`',
      );
    }
    return error;
  }
}
