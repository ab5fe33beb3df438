// Writers of ~2 million points in each import format, for bench/import-formats.mjs. The
// shapes follow the vendors' documented responses (see samples/exports/*/SOURCES.md).
// Deterministic: a linear congruential generator with a fixed seed.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const START = Date.UTC(2025, 0, 1);
const STEP = 60_000;

function random(seed) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
}

/** Streams text pieces to a file, honouring backpressure. */
async function writeFile(path, pieces) {
  const out = createWriteStream(path);
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');

function* prometheus(series, points, next) {
  yield '{"status":"success","data":{"resultType":"matrix","result":[';
  for (let s = 0; s < series; s++) {
    yield `${s > 0 ? ',' : ''}{"metric":{"__name__":"node_load1","instance":"db${s}:9100","job":"node"},"values":[`;
    for (let i = 0; i < points; i++) yield `${i > 0 ? ',' : ''}[${(START + i * STEP) / 1000},"${(next() * 8).toFixed(3)}"]`;
    yield ']}';
  }
  yield ']}}';
}

function* cloudwatch(series, points, next) {
  yield '{"MetricDataResults":[';
  for (let s = 0; s < series; s++) {
    const times = [];
    const values = [];
    for (let i = points - 1; i >= 0; i--) {
      times.push(`"${iso(START + i * STEP)}"`);
      values.push((next() * 100).toFixed(2));
    }
    yield `${s > 0 ? ',' : ''}{"Id":"m${s}","Label":"CPUUtilization db${s}","Timestamps":[${times.join(',')}],"Values":[${values.join(',')}],"StatusCode":"Complete"}`;
  }
  yield '],"Messages":[]}';
}

function* datadog(series, points, next) {
  yield '{"status":"ok","res_type":"time_series","from_date":1735689600000,"to_date":1741689600000,"query":"avg:system.cpu.user{*} by {host}","series":[';
  for (let s = 0; s < series; s++) {
    yield `${s > 0 ? ',' : ''}{"metric":"system.cpu.user","display_name":"system.cpu.user","scope":"host:db${s}","interval":60,"unit":[{"family":"percentage","scale_factor":1.0,"name":"percent","short_name":"%","plural":"percent"},null],"pointlist":[`;
    for (let i = 0; i < points; i++) yield `${i > 0 ? ',' : ''}[${START + i * STEP}.0,${(next() * 100).toFixed(2)}]`;
    yield ']}';
  }
  yield ']}';
}

function* azure(series, points, next) {
  yield '{"cost":0,"timespan":"2025-01-01T00:00:00Z/2025-03-01T00:00:00Z","interval":"PT1M","namespace":"Microsoft.DBforPostgreSQL/flexibleServers","resourceregion":"westeurope","value":[{"id":"/subscriptions/x/metrics/cpu_percent","type":"Microsoft.Insights/metrics","name":{"value":"cpu_percent","localizedValue":"CPU percent"},"unit":"Percent","timeseries":[';
  for (let s = 0; s < series; s++) {
    yield `${s > 0 ? ',' : ''}{"metadatavalues":[{"name":{"value":"server","localizedValue":"server"},"value":"db${s}"}],"data":[`;
    for (let i = 0; i < points; i++) yield `${i > 0 ? ',' : ''}{"timeStamp":"${iso(START + i * STEP)}","average":${(next() * 100).toFixed(2)}}`;
    yield ']}';
  }
  yield ']}]}';
}

function* gcp(series, points, next) {
  yield '{"timeSeries":[';
  for (let s = 0; s < series; s++) {
    yield `${s > 0 ? ',' : ''}{"metric":{"type":"cloudsql.googleapis.com/database/cpu/utilization","labels":{}},"resource":{"type":"cloudsql_database","labels":{"database_id":"proj:db${s}","region":"europe-west1"}},"metricKind":"GAUGE","valueType":"DOUBLE","unit":"10^2.%","points":[`;
    for (let i = points - 1; i >= 0; i--) {
      const t = iso(START + i * STEP);
      yield `${i < points - 1 ? ',' : ''}{"interval":{"startTime":"${t}","endTime":"${t}"},"value":{"doubleValue":${next().toFixed(4)}}}`;
    }
    yield ']}';
  }
  yield ']}';
}

function* influx(series, points, next) {
  for (let s = 0; s < series; s++) {
    yield `${s > 0 ? '\n' : ''}#group,false,false,true,true,false,false,true,true,true\n#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string\n#default,_result,,,,,,,,\n,result,table,_start,_stop,_time,_value,_field,_measurement,host\n`;
    for (let i = 0; i < points; i++) yield `,,${s},2025-01-01T00:00:00Z,2025-12-31T00:00:00Z,${iso(START + i * STEP)},${(next() * 100).toFixed(2)},usage_user,cpu,db${s}\n`;
  }
}

function* sadf(rows, next) {
  // Ten numeric columns per row: 2 M points in 200 k rows.
  yield '# hostname;interval;timestamp;CPU;%user;%nice;%system;%iowait;%steal;%irq;%soft;%guest;%gnice;%idle\n';
  for (let i = 0; i < rows; i++) {
    const v = Array.from({ length: 10 }, () => (next() * 10).toFixed(2));
    yield `db1;60;${new Date(START + i * STEP).toISOString().slice(0, 19).replace('T', ' ')} UTC;-1;${v.join(';')}\n`;
  }
}

function* grafana(rows, next) {
  // "Series joined by time": ten series, epoch-ms times.
  const headers = Array.from({ length: 10 }, (_, s) => `"{__name__=""node_load1"", instance=""db${s}:9100""}"`);
  yield `"Time",${headers.join(',')}\r\n`;
  for (let i = 0; i < rows; i++) yield `${START + i * STEP},${Array.from({ length: 10 }, () => (next() * 8).toFixed(3)).join(',')}\r\n`;
}

function* pgStatStatements(snapshots, statements, next) {
  yield 'snapshot_time,userid,dbid,toplevel,queryid,query,calls,total_exec_time,rows\n';
  const calls = new Array(statements).fill(0);
  for (let k = 0; k < snapshots; k++) {
    const time = new Date(START + k * 300_000).toISOString().replace('T', ' ').replace('Z', '+00');
    for (let q = 0; q < statements; q++) {
      calls[q] += Math.round(next() * 1000);
      yield `${time},10,16384,t,${-9187233148923423000 + q * 7919},"${q % 5 === 0 ? 'UPDATE' : 'SELECT'} q${q}",${calls[q]},${(calls[q] * 0.7).toFixed(3)},${calls[q]}\n`;
    }
  }
}

/** Each format's file: 2 M points (statements: 2 M statement samples). */
export const FORMAT_FILES = [
  { format: 'prometheus', file: 'prometheus.json', peer: 'jq', write: (path, n) => writeFile(path, prometheus(20, n / 20, random(1))) },
  { format: 'cloudwatch', file: 'cloudwatch.json', peer: 'jq', write: (path, n) => writeFile(path, cloudwatch(20, n / 20, random(2))) },
  { format: 'datadog', file: 'datadog.json', peer: 'jq', write: (path, n) => writeFile(path, datadog(20, n / 20, random(3))) },
  { format: 'azure-monitor', file: 'azure.json', peer: 'jq', write: (path, n) => writeFile(path, azure(20, n / 20, random(4))) },
  { format: 'gcp-monitoring', file: 'gcp.json', peer: 'jq', write: (path, n) => writeFile(path, gcp(20, n / 20, random(5))) },
  { format: 'influxdb-csv', file: 'influx.csv', peer: 'sqlite3', write: (path, n) => writeFile(path, influx(20, n / 20, random(6))) },
  { format: 'sadf', file: 'sadf.csv', peer: 'sqlite3', write: (path, n) => writeFile(path, sadf(n / 10, random(7))) },
  { format: 'grafana', file: 'grafana.csv', peer: 'sqlite3', write: (path, n) => writeFile(path, grafana(n / 10, random(8))) },
  { format: 'pg-stat-statements', file: 'pgss.csv', peer: 'sqlite3', write: (path, n) => writeFile(path, pgStatStatements(n / 200, 200, random(9))) },
];
