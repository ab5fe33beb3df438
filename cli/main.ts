import { ApiFailure } from '../shared/api/result.js';
import { APP_VERSION } from '../backend/app-version.js';
import { InputError, UsageError } from './cli-errors.js';
import { commandHelp, parseCommandArgs, type Command } from './command.js';
import { exportCommand } from './commands/export-command.js';
import { forecastCommand } from './commands/forecast-command.js';
import { runwayCommand } from './commands/runway-command.js';
import { uslCommand } from './commands/usl-command.js';
import { queueCommand } from './commands/queue-command.js';
import { scaleCommand } from './commands/scale-command.js';
import { catalogCommand } from './commands/catalog-command.js';
import { importCommand } from './commands/import-command.js';
import { seriesCommand } from './commands/series-command.js';
import { serveCommand } from './commands/serve-command.js';
import { reportCommand } from './commands/report-command.js';
import { drCommand } from './commands/dr-command.js';

export const COMMANDS: readonly Command[] = [importCommand, seriesCommand, exportCommand, forecastCommand, runwayCommand, uslCommand, queueCommand, scaleCommand, catalogCommand, drCommand, reportCommand, serveCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `Headroom ${APP_VERSION} — capacity and disaster-recovery planning for databases`,
    '',
    'Usage: headroom <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary.split('. ')[0]?.replace(/\.$/, '') ?? ''}`),
    '',
    'Run `headroom <command> --help` for a command\'s options. Documentation: docs/cli.md.',
    '',
  ].join('\n');
}

/**
 * Runs the CLI and returns its exit status: 0 success, 1 bad input (one line on stderr
 * saying what, where and how to fix), 2 bad usage. Never prints a stack trace for
 * anything the user can cause.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic === undefined ? mainHelp() : commandHelp(topic));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}'; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    const parsed = parseCommandArgs(command, rest);
    if (parsed === 'help') {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(parsed);
  } catch (error) {
    const prefix = `headroom${command === undefined ? '' : ` ${command.name}`}`;
    if (error instanceof UsageError) {
      process.stderr.write(`${prefix}: ${error.message}\nRun \`headroom ${command?.name ?? ''}${command === undefined ? '' : ' '}--help\` for usage.\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof ApiFailure) {
      process.stderr.write(`${prefix}: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${prefix}: unexpected error: ${message}\n`);
    if (process.env['HEADROOM_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
