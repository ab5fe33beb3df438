import type { ApiInput, ApiOutput } from '../../../shared/api/contract.js';
import { useComputation, type ComputationState } from '../../app/use-computation.js';

export type CompareResult = ApiOutput<'scale.compare'>;
export type CompareRequest = Omit<ApiInput<'scale.compare'>, 'requestId'>;
export type CompareComputation = ComputationState<'scale.compare'>;

/** The scaling comparison in the backend's compute worker: superseded runs are cancelled, progress is followed. */
export function useCompare(input: CompareRequest | null, key: string): CompareComputation {
  return useComputation('scale.compare', input, key);
}
