import type { ApiInput } from '../../../shared/api/contract.js';
import { useComputation, type ComputationState } from '../../app/use-computation.js';

/** The Forecast screen's forecast: recomputed in the worker whenever a setting changes. */
export function useForecast(input: Omit<ApiInput<'forecast.run'>, 'requestId'> | null, key: string): ComputationState<'forecast.run'> {
  return useComputation('forecast.run', input, key);
}
