import { describe, expect, it } from 'vitest';
import { ImportFormatError } from '../import-types.js';
import { buildTableLayout, noAnnotations, resolveUndecidedColumns } from './influx-table-layout.js';

const none = noAnnotations();
const split = (line: string): string[] => line.split(',');

// Column roles per https://docs.influxdata.com/influxdb/v2/reference/syntax/annotated-csv/
describe('buildTableLayout', () => {
  it('labels the group key of the documented example and reads _value', () => {
    const layout = buildTableLayout(
      split(',result,table,_start,_stop,_time,_value,_field,_measurement,host,region'),
      {
        group: split('#group,false,false,true,true,false,false,true,true,true,true'),
        datatype: split('#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string,string,string'),
        default: split('#default,mean,,,,,,,,,'),
      },
      4,
    );
    expect(layout).toMatchObject({ hasAnnotationColumn: true, timeIndex: 5, tableIndex: 2, fieldIndex: 7, measurementIndex: 8, labels: [9, 10], annotated: true, error: undefined });
    expect(layout.values).toEqual([{ index: 6, column: '_value', kind: 'number', datatype: 'double' }]);
    expect(layout.defaults[1]).toBe('mean');
  });
  it('reads pivoted numeric and boolean columns as values, skipping string fields when there is a group key', () => {
    const layout = buildTableLayout(
      split(',result,table,_time,_measurement,host,up,load,msg'),
      { group: split('#group,false,false,false,true,true,false,false,false'), datatype: split('#datatype,string,long,dateTime:RFC3339,string,string,boolean,double,string'), default: undefined },
      3,
    );
    expect(layout.values.map((v) => [v.column, v.kind])).toEqual([['up', 'boolean'], ['load', 'number']]);
    expect(layout.labels).toEqual([5]);
    expect(layout.skipped).toEqual(["column 'msg' holds text (a string field); not imported"]);
  });
  it('without annotations: tags of a _value table by name, columns of a pivoted table by their first value', () => {
    expect(buildTableLayout(split('result,table,_time,_value,host'), none, 1)).toMatchObject({ hasAnnotationColumn: false, labels: [4], undecided: [] });
    const pivoted = buildTableLayout(split(',result,table,_time,host,cpu_pct'), none, 1);
    expect(pivoted.undecided).toEqual([4, 5]);
    resolveUndecidedColumns(pivoted, split(',,0,2024-01-01T00:00:00Z,db1,12.5'));
    expect(pivoted).toMatchObject({ labels: [4], undecided: [] });
    expect(pivoted.values.map((v) => v.column)).toEqual(['cpu_pct']);
  });
  it('recognises the error table and refuses headers without time', () => {
    expect(buildTableLayout(split(',error,reference'), none, 4).error).toEqual({ messageIndex: 1, referenceIndex: 2 });
    expect(() => buildTableLayout(split('timestamp,cpu'), none, 2)).toThrow(ImportFormatError);
  });
});
