import { describe, expect, it } from 'vitest';
import { WorkloadError } from './workload-error.js';

describe('WorkloadError', () => {
  it('is an Error with its own name, so callers can tell "does not apply" from a bug', () => {
    const error = new WorkloadError('too little data');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(WorkloadError);
    expect(error.name).toBe('WorkloadError');
    expect(error.message).toBe('too little data');
  });
});
