import { analyzeMmc, type MmcResult } from '../../shared/queueing/erlang-c.js';
import { QueueingError } from '../../shared/queueing/queueing-error.js';
import { kneeUtilization } from '../../shared/queueing/response-curve.js';
import { InputError, UsageError } from '../cli-errors.js';
import { requiredString, type Command } from '../command.js';

export const queueCommand: Command = {
  name: 'queue',
  summary: 'M/M/c (Erlang C) for CPU cores or a connection pool: utilisation, probability of waiting, mean wait and response time.',
  usage: 'queue --servers <c> --arrival-rate <per second> --service-time <seconds> [--json]',
  allowPositionals: false,
  options: {
    servers: { type: 'string', short: 'c', valueName: 'c', description: 'identical servers: cores, workers, pool connections (a whole number ≥ 1)' },
    'arrival-rate': { type: 'string', valueName: 'λ/s', description: 'mean arrivals per second' },
    'service-time': { type: 'string', valueName: 's', description: 'mean service time of one request, seconds' },
    json: { type: 'boolean', description: 'print JSON: {"utilization","pWait","meanWait","meanResponse",…} (times in seconds)' },
  },
  details: [
    'Poisson arrivals, exponential service, c servers, one queue (Erlang C; computed through',
    'the Erlang B recurrence, stable for thousands of servers). The knee is where the mean',
    'response reaches twice the service time. At utilisation ≥ 1 the queue grows without',
    'bound: exit 1 with the fewest servers that would keep up.',
    '',
    'Exit status: 0 computed; 1 unstable or invalid values; 2 bad usage.',
  ].join('\n'),
  async run(parsed) {
    const number = (name: string): number => {
      const text = requiredString(parsed, name, 'queue');
      const value = Number(text);
      if (!Number.isFinite(value)) throw new UsageError(`--${name}: '${text}' is not a number`, 'queue');
      return value;
    };
    let result: MmcResult;
    try {
      result = analyzeMmc({ servers: number('servers'), arrivalRatePerSecond: number('arrival-rate'), serviceTimeSeconds: number('service-time') });
    } catch (error) {
      if (error instanceof QueueingError) throw new InputError(error.message);
      throw error;
    }
    if (!result.stable) throw new InputError(result.message);
    const knee = kneeUtilization(result.servers);
    if (parsed.values['json'] === true) {
      process.stdout.write(
        `${JSON.stringify(
          {
            utilization: result.utilization,
            pWait: result.pWait,
            meanWait: result.meanWaitSeconds,
            meanResponse: result.meanResponseSeconds,
            meanQueueLength: result.meanQueueLength,
            meanInSystem: result.meanInSystem,
            offeredLoadErlangs: result.offeredLoadErlangs,
            servers: result.servers,
            arrivalRate: result.arrivalRatePerSecond,
            serviceTime: result.serviceTimeSeconds,
            kneeUtilization: knee,
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const s = (seconds: number): string => (seconds >= 1 ? `${seconds.toPrecision(4)} s` : `${(seconds * 1000).toPrecision(4)} ms`);
    process.stdout.write(
      [
        `utilisation ${(result.utilization * 100).toFixed(1)} % of ${result.servers} server${result.servers === 1 ? '' : 's'} (knee at ${(knee * 100).toFixed(0)} %)`,
        `P(wait) ${result.pWait.toFixed(4)}`,
        `mean wait ${s(result.meanWaitSeconds)}, mean response ${s(result.meanResponseSeconds)} (service ${s(result.serviceTimeSeconds)})`,
        `mean queue length ${result.meanQueueLength.toPrecision(4)}, in the system ${result.meanInSystem.toPrecision(4)}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};
