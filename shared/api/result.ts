/**
 * Every call across the contract answers with a Result: a value, or an error with a
 * stable code the UI and scripts can branch on, a message a person can act on, and
 * details (file, line, field) where they exist. Nothing throws across a transport.
 */

export const ERROR_CODES = [
  'bad-input',
  'not-found',
  'no-workspace',
  'workspace-invalid',
  'workspace-too-new',
  'import-failed',
  'cancelled',
  'forbidden',
  'busy',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** An error that carries its contract code; handlers throw it, transports turn it into a Result. */
export class ApiFailure extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'ApiFailure';
  }

  toApiError(): ApiError {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T>(error: ApiError): Result<T> {
  return { ok: false, error };
}
