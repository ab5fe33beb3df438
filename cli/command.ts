import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { readonly description: string; readonly valueName?: string };

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The usage line after `headroom`, e.g. `import <file…> --workspace <w>`. */
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly allowPositionals: boolean;
  /** Extra paragraphs for --help. */
  readonly details?: string;
  run(parsed: ParsedCommand): Promise<number>;
}

export interface ParsedCommand {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** Parses a command's arguments strictly; unknown options are usage errors. */
export function parseCommandArgs(command: Command, args: readonly string[]): ParsedCommand | 'help' {
  const options = { ...command.options, help: helpOption };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: command.allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''), command.name);
  }
  if (parsed.values['help'] === true) return 'help';
  return { values: parsed.values, positionals: parsed.positionals };
}

/** The --help text of a command. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: headroom ${command.usage}`, '', command.summary, ''];
  const entries = Object.entries({ ...command.options, help: helpOption });
  const rendered = entries.map(([name, spec]) => {
    const flag = `${spec.short !== undefined ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : ''}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rendered.map(([flag]) => flag.length)) + 2;
  lines.push('Options:');
  for (const [flag, description] of rendered) lines.push(`  ${flag.padEnd(width)}${description}`);
  if (command.details !== undefined) lines.push('', command.details);
  return `${lines.join('\n')}\n`;
}

export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(parsed: ParsedCommand, name: string, command: string): string {
  const value = stringOption(parsed, name);
  if (value === undefined || value.length === 0) throw new UsageError(`--${name} is required`, command);
  return value;
}

export function listOption(parsed: ParsedCommand, name: string): string[] {
  const value = parsed.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}
