import { ApiFailure } from './result.js';
import { inputSchemas, type ApiInput, type ApiMethod } from './contract.js';

/**
 * Validates a call's input against the contract. The message names the field and what
 * was expected, so a script author can fix the call without reading our source.
 * @throws {ApiFailure} with code `bad-input`
 */
export function validateInput<M extends ApiMethod>(method: M, input: unknown): ApiInput<M> {
  const parsed = inputSchemas[method].safeParse(input ?? {});
  if (parsed.success) return parsed.data as ApiInput<M>;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    return `${where}: ${issue.message}`;
  });
  throw new ApiFailure('bad-input', `${method}: ${problems.join('; ')}`, { issues: problems });
}
