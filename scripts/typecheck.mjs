// Type-checks each layer with its own tsconfig, so that each layer sees only the
// globals it may use (DESIGN.md §2): shared has neither DOM nor Node, renderer has no Node.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
const projects = ['shared', 'backend', 'cli', 'electron', 'renderer', '.'];
let failed = false;
for (const project of projects) {
  const run = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed = true;
    console.error(`typecheck: ${project === '.' ? 'tests and tools' : project}/ has type errors (above)`);
  }
}
process.exit(failed ? 1 : 0);
