/** Bad usage: unknown command or option, missing argument. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bad input the user can fix (a file, a value). Exit code 1, one line on stderr. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
