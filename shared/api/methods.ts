/**
 * The names of the contract's methods, without their schemas, so that the preload can
 * list them without bundling the validator. contract.ts checks that both lists agree.
 */
export const API_METHOD_NAMES = [
  'app.info',
  'catalog.export',
  'catalog.import',
  'catalog.list',
  'catalog.save',
  'compute.cancel',
  'decision.get',
  'decision.save',
  'dr.example',
  'dr.simulate',
  'forecast.models',
  'forecast.run',
  'import.history',
  'import.preview',
  'import.start',
  'job.cancel',
  'job.list',
  'job.status',
  'loadTest.list',
  'querymix.summary',
  'runway.assess',
  'scalability.analyse',
  'scale.compare',
  'scenario.delete',
  'scenario.list',
  'scenario.save',
  'series.delete',
  'series.list',
  'series.window',
  'system.get',
  'system.save',
  'workload.summary',
  'workspace.create',
  'workspace.current',
  'workspace.open',
  'workspace.recent',
] as const;

export type ApiMethodName = (typeof API_METHOD_NAMES)[number];
