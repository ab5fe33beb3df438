import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startLoopbackServer } from '../../backend/http/loopback-server.js';
import { initialWorkspace, SAMPLE_WORKSPACE_FILE } from '../../backend/sample-workspace.js';
import { BackendService } from '../../backend/service/backend-service.js';
import { ApiFailure } from '../../shared/api/result.js';
import { InputError, UsageError } from '../cli-errors.js';
import { stringOption, type Command } from '../command.js';
import { appPaths } from '../app-paths.js';
import { openInBrowser } from '../open-in-browser.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the Headroom UI on 127.0.0.1 (browser mode) and print its URL.',
  usage: 'serve [--workspace <w>] [--port <n>] [--open]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'workspace to open (default: the last one, else a copy of the sample)' },
    port: { type: 'string', valueName: 'n', description: 'port to listen on (default: a random free port)' },
    open: { type: 'boolean', description: 'open the URL in the default browser' },
    'url-file': { type: 'string', valueName: 'file', description: 'also write the URL (with its token) to this file, for scripts and tests' },
  },
  details: [
    'The server listens on 127.0.0.1 only. The printed URL carries a per-launch token in its',
    'fragment; requests without it, from another origin, or for another host name are refused.',
    'Stop it with Ctrl-C.',
  ].join('\n'),
  async run(parsed) {
    const portText = stringOption(parsed, 'port');
    const port = portText === undefined ? undefined : Number(portText);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be a whole number from 0 to 65535, not '${portText}'`, 'serve');
    const paths = appPaths();
    if (!existsSync(join(paths.rendererDir, 'index.html'))) throw new InputError(`the UI is not built (${paths.rendererDir}); run \`npm run build\``);
    const service = new BackendService({ host: 'browser', importWorkerFile: paths.importWorker, computeWorkerFile: paths.computeWorker });
    const requested = stringOption(parsed, 'workspace');
    try {
      const workspace = initialWorkspace(requested, service.settings.lastWorkspace(), join(paths.samplesDir, SAMPLE_WORKSPACE_FILE), service.settings.dir);
      if (workspace !== undefined) service.openWorkspace(workspace, requested !== undefined && !existsSync(requested));
    } catch (error) {
      if (error instanceof ApiFailure) throw new InputError(error.message);
      throw error;
    }
    const server = await startLoopbackServer(service, { rendererDir: paths.rendererDir, ...(port === undefined ? {} : { port }) });
    process.stdout.write(`Headroom is running at ${server.launchUrl}\n(press Ctrl-C to stop)\n`);
    const urlFile = stringOption(parsed, 'url-file');
    if (urlFile !== undefined) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(urlFile, server.launchUrl, { mode: 0o600 });
    }
    if (parsed.values['open'] === true) openInBrowser(server.launchUrl);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await service.close();
    return 0;
  },
};
