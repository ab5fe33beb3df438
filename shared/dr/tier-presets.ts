import type { ScenarioKind } from './dr-plan.js';

/**
 * Service tiers as templates for the RPO/RTO targets of every scenario kind. The four
 * tiers follow Oracle's Maximum Availability Architecture reference tiers (Bronze,
 * Silver, Gold, Platinum), which publish outcome ranges per failure class — e.g. Gold:
 * "node/instance failure: single-digit seconds; corruptions and site failures: seconds
 * to 2 minutes, RPO zero or seconds" (../shared/research/dr-anchors.md §4). The ranges are
 * turned into one target each by taking the upper end of the published range; tiers
 * are a starting point for a policy, not a policy. AWS Resilience Hub offers the same
 * idea (targets per disruption type by tier).
 */

export interface TierTargets {
  readonly rpoSeconds: number;
  readonly rtoSeconds: number;
}

export interface TierPreset {
  readonly id: 'bronze' | 'silver' | 'gold' | 'platinum';
  readonly name: string;
  /** What the tier is for, in a sentence. */
  readonly description: string;
  readonly source: string;
  readonly targets: Readonly<Record<ScenarioKind, TierTargets>>;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const MAA = 'https://docs.oracle.com/en/database/oracle/oracle-database/23/haiad/';

export const TIER_PRESETS: readonly TierPreset[] = [
  {
    id: 'bronze',
    name: 'Bronze — single instance with backups',
    description: 'Development and non-critical databases: restore from backup after any loss; local failures take minutes to an hour, disasters hours to a day.',
    source: `${MAA}maara_bronze.html (Oracle MAA Bronze reference architecture)`,
    targets: {
      'node-failure': { rpoSeconds: 0, rtoSeconds: HOUR },
      'storage-loss': { rpoSeconds: 15 * MINUTE, rtoSeconds: 8 * HOUR },
      'zone-outage': { rpoSeconds: 15 * MINUTE, rtoSeconds: 8 * HOUR },
      'region-outage': { rpoSeconds: DAY, rtoSeconds: DAY },
      'logical-corruption': { rpoSeconds: HOUR, rtoSeconds: DAY },
      ransomware: { rpoSeconds: DAY, rtoSeconds: 2 * DAY },
      'silent-archive-failure': { rpoSeconds: DAY, rtoSeconds: DAY },
    },
  },
  {
    id: 'silver',
    name: 'Silver — local high availability with backups',
    description: 'Business applications: a local standby or cluster covers node and storage failures in seconds to minutes; disasters are still restored from backup.',
    source: `${MAA}maara_silver.html (Oracle MAA Silver reference architecture)`,
    targets: {
      'node-failure': { rpoSeconds: 0, rtoSeconds: 5 * MINUTE },
      'storage-loss': { rpoSeconds: MINUTE, rtoSeconds: 15 * MINUTE },
      'zone-outage': { rpoSeconds: MINUTE, rtoSeconds: 30 * MINUTE },
      'region-outage': { rpoSeconds: 4 * HOUR, rtoSeconds: 12 * HOUR },
      'logical-corruption': { rpoSeconds: 15 * MINUTE, rtoSeconds: 12 * HOUR },
      ransomware: { rpoSeconds: 12 * HOUR, rtoSeconds: DAY },
      'silent-archive-failure': { rpoSeconds: 4 * HOUR, rtoSeconds: 12 * HOUR },
    },
  },
  {
    id: 'gold',
    name: 'Gold — local HA plus a standby in another region',
    description: 'Mission-critical: node failure in seconds; site and region failures in seconds to 2 minutes with zero or seconds of data loss; corruption repaired from a standby or by PITR.',
    source: `${MAA}maara_gold.html (Oracle MAA Gold reference architecture)`,
    targets: {
      'node-failure': { rpoSeconds: 0, rtoSeconds: MINUTE },
      'storage-loss': { rpoSeconds: 10, rtoSeconds: 2 * MINUTE },
      'zone-outage': { rpoSeconds: 10, rtoSeconds: 2 * MINUTE },
      'region-outage': { rpoSeconds: MINUTE, rtoSeconds: 15 * MINUTE },
      'logical-corruption': { rpoSeconds: 5 * MINUTE, rtoSeconds: 4 * HOUR },
      ransomware: { rpoSeconds: HOUR, rtoSeconds: 12 * HOUR },
      'silent-archive-failure': { rpoSeconds: HOUR, rtoSeconds: 4 * HOUR },
    },
  },
  {
    id: 'platinum',
    name: 'Platinum — zero data loss, near-zero downtime',
    description: 'The most critical systems: failures and disasters with zero or single-digit seconds of outage and no data loss (synchronous copies, application continuity).',
    source: `${MAA}maara_platinum.html (Oracle MAA Platinum reference architecture)`,
    targets: {
      'node-failure': { rpoSeconds: 0, rtoSeconds: 10 },
      'storage-loss': { rpoSeconds: 0, rtoSeconds: 30 },
      'zone-outage': { rpoSeconds: 0, rtoSeconds: 30 },
      'region-outage': { rpoSeconds: 0, rtoSeconds: 2 * MINUTE },
      'logical-corruption': { rpoSeconds: MINUTE, rtoSeconds: HOUR },
      ransomware: { rpoSeconds: 15 * MINUTE, rtoSeconds: 4 * HOUR },
      'silent-archive-failure': { rpoSeconds: 15 * MINUTE, rtoSeconds: HOUR },
    },
  },
];

/**
 * A plan (input form) with every scenario's targets replaced by the tier's; the rest of
 * the plan is untouched. Scenarios whose kind is unknown keep their targets.
 * @example applyTier(plan, TIER_PRESETS[2]).scenarios[0].targets // { rpoSeconds: 0, rtoSeconds: 60 }
 */
export function applyTier(plan: Readonly<Record<string, unknown>>, tier: TierPreset): Record<string, unknown> {
  const scenarios = Array.isArray(plan['scenarios']) ? (plan['scenarios'] as unknown[]) : [];
  return {
    ...plan,
    scenarios: scenarios.map((scenario) => {
      if (typeof scenario !== 'object' || scenario === null) return scenario;
      const kind = (scenario as { kind?: unknown }).kind;
      const targets = typeof kind === 'string' && kind in tier.targets ? tier.targets[kind as ScenarioKind] : undefined;
      return targets === undefined ? scenario : { ...scenario, targets: { ...targets } };
    }),
  };
}
