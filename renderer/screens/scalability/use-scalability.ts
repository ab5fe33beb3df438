import type { ApiInput, ApiOutput } from '../../../shared/api/contract.js';
import { useComputation } from '../../app/use-computation.js';

export type ScalabilityResult = ApiOutput<'scalability.analyse'>;
export type ScalabilityRequest = Omit<ApiInput<'scalability.analyse'>, 'requestId'>;

export interface ScalabilityComputation {
  readonly result: ScalabilityResult | undefined;
  readonly error: string | undefined;
  readonly running: { readonly phase: string; readonly fraction: number } | undefined;
  cancel(): void;
}

/*
 * `scalability.analyse` runs in the compute worker and takes a requestId like the other
 * computations, but `ComputeMethod` in app/use-computation.ts does not list it yet. The
 * hook is generic at run time, so only its type is widened here; once ComputeMethod
 * includes 'scalability.analyse', call useComputation directly and delete this file.
 */
const useAnyComputation = useComputation as unknown as (method: 'scalability.analyse', input: ScalabilityRequest | null, key: string) => ScalabilityComputation;

/** The scalability analysis in the backend's compute worker: superseded runs are cancelled, progress is followed. */
export function useScalability(input: ScalabilityRequest | null, key: string): ScalabilityComputation {
  return useAnyComputation('scalability.analyse', input, key);
}
