import { field, isObject, stringField } from '../json/json-access.js';
import type { JsonValue } from '../json/streaming-json.js';

/**
 * The vendor's message when a file holds an AWS error response instead of data, as
 * saved from an SDK or a raw API call: the Query protocol's `{"Error":{"Type","Code",
 * "Message"}}` rendered as JSON, or the JSON protocol's `{"__type":"…#Code","message"}`.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
 * @returns `Code: Message`, or undefined when the document is not an error response
 * @example cloudWatchErrorMessage({ Error: { Code: 'Throttling', Message: 'Rate exceeded' } }) // 'Throttling: Rate exceeded'
 */
export function cloudWatchErrorMessage(document: JsonValue): string | undefined {
  if (!isObject(document)) return undefined;
  const error = field(document, 'Error');
  if (isObject(error)) {
    return joinCodeAndMessage(stringField(error, 'Code'), stringField(error, 'Message') ?? stringField(error, 'message'));
  }
  const type = stringField(document, '__type');
  if (type === undefined) return undefined;
  // `com.amazonaws.cloudwatch#InvalidParameterValueException`: the part after '#' is the code.
  return joinCodeAndMessage(type.slice(type.lastIndexOf('#') + 1), stringField(document, 'message') ?? stringField(document, 'Message'));
}

/**
 * The message of an error that is not JSON at all: the Query API's XML
 * `<ErrorResponse><Error><Code>…</Code><Message>…</Message>` or the AWS CLI's
 * `An error occurred (Code) when calling the GetMetricStatistics operation: …`
 * (stderr redirected into the export file).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
 * @returns `Code: Message`, or undefined when the text is neither
 * @example awsTextErrorMessage('An error occurred (Throttling) when calling the GetMetricData operation: Rate exceeded') // 'Throttling: Rate exceeded'
 */
export function awsTextErrorMessage(text: string): string | undefined {
  const cli = /An error occurred \(([^)]*)\) when calling the \w+ operation(?: \([^)]*\))?: ([^\r\n]*)/.exec(text);
  if (cli !== null) return joinCodeAndMessage(cli[1], cli[2]);
  if (!/<ErrorResponse[\s>]/.test(text)) return undefined;
  return joinCodeAndMessage(/<Code>([^<]*)<\/Code>/.exec(text)?.[1], /<Message>([^<]*)<\/Message>/.exec(text)?.[1]);
}

function joinCodeAndMessage(code: string | undefined, message: string | undefined): string {
  const parts = [code, message].filter((p): p is string => p !== undefined && p.trim().length > 0).map((p) => p.trim());
  return parts.length > 0 ? clip(parts.join(': ')) : 'an error response without a code or message';
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
