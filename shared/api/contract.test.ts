import { describe, expect, it } from 'vitest';
import { API_METHODS, inputSchemas, isApiMethod } from './contract.js';
import { API_METHOD_NAMES } from './methods.js';
import { ApiFailure } from './result.js';
import { validateInput } from './validate-input.js';

describe('the API contract', () => {
  it('lists exactly the methods it has schemas for', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual(Object.keys(inputSchemas).sort());
    expect(API_METHODS.every((m) => /^[a-z]+[A-Za-z]*\.[a-z]+$/.test(m))).toBe(true);
    expect(isApiMethod('series.list')).toBe(true);
    expect(isApiMethod('constructor')).toBe(false);
  });

  it('validates input at the boundary and names the field that is wrong', () => {
    expect(validateInput('series.window', { names: ['cpu'], buckets: 800 })).toEqual({ names: ['cpu'], buckets: 800 });
    try {
      validateInput('series.window', { names: [], buckets: 0.5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).code).toBe('bad-input');
      expect((error as ApiFailure).message).toMatch(/names/);
      expect((error as ApiFailure).message).toMatch(/buckets/);
    }
  });

  it('refuses fields it does not know (no silent extras)', () => {
    expect(() => validateInput('workspace.open', { path: 'a.headroom', evil: true })).toThrow(/evil|unrecognized/i);
  });
});
