import { runCli } from './main.js';

// A reader that stops early (`headroom export … | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Exit by setting the status, not process.exit(), so that output still buffered for a
// pipe is written out first.
process.exitCode = await runCli(process.argv.slice(2));
