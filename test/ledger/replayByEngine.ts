import type { LedgerColumns } from "../../src/ledger/LedgerColumns.js";
import {
  type ReplayOptions,
  type ReplayResult,
  replayLedger,
  replayLedgerLazily,
} from "../../src/ledger/replayLedger.js";
import type { Movement } from "../../src/model/Movement.js";

/** The two replay engines: the fast one (set-aside SKUs go to the general one), and the general one alone. */
export const ENGINES = ["fast", "general"] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * `replayLedger` by one engine: `'fast'` is `replayLedger` itself (the fast engine, which sets
 * aside for the general engine the SKUs that need it); `'general'` replays every SKU with the
 * general engine (`SkuState` objects), the engine the reference replay checks.
 */
export function replayByEngine(
  ledger: readonly Movement[] | LedgerColumns,
  options: ReplayOptions,
  engine: Engine,
): ReplayResult {
  if (engine === "fast") return replayLedger(ledger, options);
  const { histories, warnings } = replayLedgerLazily(ledger, {
    ...options,
    monthEnds: true,
    generalEngineOnly: true,
  });
  return { histories: [...histories], warnings };
}
