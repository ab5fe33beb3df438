import { readFileSync, existsSync, statSync } from 'node:fs';
import { fitUsl, type UslFit } from '../../shared/usl/fit-usl.js';
import { loadTestPoints } from '../../shared/usl/load-test-points.js';
import { UslError } from '../../shared/usl/usl-error.js';
import { uslResponseTimeSeconds } from '../../shared/usl/usl-model.js';
import { InputError } from '../cli-errors.js';
import { requiredString, type Command } from '../command.js';

export const uslCommand: Command = {
  name: 'usl',
  summary: 'Fit the Universal Scalability Law (σ contention, κ coherency, λ) to load-test points: peak concurrency and throughput, R², confidence intervals.',
  usage: 'usl --input <csv with n,throughput> [--json]',
  allowPositionals: false,
  options: {
    input: { type: 'string', short: 'i', valueName: 'file.csv', description: 'first column: concurrency (clients, threads, nodes); second: throughput; header names free' },
    json: { type: 'boolean', description: 'print JSON: {"sigma","kappa","lambda","peakN","peakThroughput","r2",…}' },
  },
  details: [
    'X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) (Gunther), fitted by bounded nonlinear least',
    'squares on raw throughput (σ, κ ≥ 0; λ is estimated, so no N = 1 point is needed), as',
    "R's usl package does. A coefficient that ends on its bound is reported as such",
    '(sigmaAtBound, kappaAtBound), never negative. peakN = √((1 − σ)/κ); null when κ = 0',
    '(no retrograde region in the data). Latency by Little\'s law: R(N) = N / X(N).',
    'Comma, semicolon or tab separated; lines starting with # are comments.',
    '',
    'Exit status: 0 fitted; 1 the file cannot be read or fitted (line, column and how to fix); 2 bad usage.',
  ].join('\n'),
  async run(parsed) {
    const path = requiredString(parsed, 'input', 'usl');
    if (!existsSync(path) || statSync(path).isDirectory()) throw new InputError(`${path}: no such file`);
    const read = loadTestPoints(readFileSync(path, 'utf8'));
    if (!read.ok) throw new InputError(`${path}: ${read.error.message}`);
    let fit: UslFit;
    try {
      fit = fitUsl(read.value.points);
    } catch (error) {
      if (error instanceof UslError) throw new InputError(`${path}: ${error.message}`);
      throw error;
    }
    if (parsed.values['json'] === true) {
      process.stdout.write(`${JSON.stringify(uslJson(fit, read.value.warnings), null, 2)}\n`);
      return 0;
    }
    const ci = (name: 'sigma' | 'kappa' | 'lambda'): string => {
      const interval = fit.intervals?.[name];
      return interval === undefined ? '' : ` (95 % CI ${interval.lower95.toPrecision(3)} – ${interval.upper95.toPrecision(3)})`;
    };
    const lines = [
      `σ (contention) ${fit.sigma.toPrecision(4)}${fit.sigmaAtBound ? ' — on its bound' : ''}${ci('sigma')}`,
      `κ (coherency)  ${fit.kappa.toPrecision(4)}${fit.kappaAtBound ? ' — on its bound' : ''}${ci('kappa')}`,
      `λ (throughput of one at N = 1) ${fit.lambda.toPrecision(6)}${ci('lambda')}`,
      `R² ${fit.r2.toFixed(4)}; limited by ${fit.limitedBy}`,
      fit.peakN === null ? 'no peak: κ = 0, throughput approaches λ/σ' : `peak at N* = ${fit.peakN.toFixed(1)}: X_max = ${fit.peakThroughput?.toPrecision(6)} (latency there ${(uslResponseTimeSeconds(fit, fit.peakN) * 1000).toPrecision(3)} ms)`,
      ...[...read.value.warnings, ...fit.warnings].map((w) => `note: ${w}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** The documented JSON (docs/cli.md): keep these fields; add freely. */
export function uslJson(fit: UslFit, readWarnings: readonly string[] = []): unknown {
  return {
    sigma: fit.sigma,
    kappa: fit.kappa,
    lambda: fit.lambda,
    peakN: fit.peakN,
    peakThroughput: fit.peakThroughput,
    r2: fit.r2,
    sigmaAtBound: fit.sigmaAtBound,
    kappaAtBound: fit.kappaAtBound,
    limitedBy: fit.limitedBy,
    intervals: fit.intervals ?? null,
    residualStandardError: fit.residualStandardError ?? null,
    points: fit.points.map((p, i) => ({ n: p.concurrency, throughput: p.throughput, fitted: fit.fitted[i], residual: fit.residuals[i] })),
    warnings: [...readWarnings, ...fit.warnings],
  };
}
