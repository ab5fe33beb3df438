import { describe, expect, it } from 'vitest';
import { datadogTagLabels, scopeTags } from './datadog-tags.js';

describe('datadogTagLabels', () => {
  it('reads key:value tags, splitting at the first colon', () => {
    expect(datadogTagLabels(scopeTags('host:foo,env:test'))).toEqual({ host: 'foo', env: 'test' });
    expect(datadogTagLabels(['url:http://a:8080/x', ' role : db '])).toEqual({ url: 'http://a:8080/x', 'role ': ' db' });
  });
  it('reads * as no labels', () => {
    expect(datadogTagLabels(scopeTags('*'))).toEqual({});
    expect(datadogTagLabels([])).toEqual({});
  });
  it('puts tags without a colon under `tag`, and joins several values of one key in sorted order', () => {
    expect(datadogTagLabels(['critical', 'host:a', 'beta'])).toEqual({ tag: 'beta,critical', host: 'a' });
    expect(datadogTagLabels(['role:web', 'role:db', 'role:web'])).toEqual({ role: 'db,web' });
    expect(datadogTagLabels([':odd'])).toEqual({ tag: ':odd' });
  });
  it('keeps a tag named __proto__ as a label', () => {
    expect(Object.keys(datadogTagLabels(['__proto__:x']))).toEqual(['__proto__']);
  });
});
