import type { Movement } from "../model/Movement.js";
import type { LedgerColumns } from "./LedgerColumns.js";

/**
 * A ledger given to one replay for good (internal: `invkpi analyze` and `analyzeLedgerFile` in
 * batch hand over the columns they read). The replay takes it out of the box ({@link take}) and, once its movements are applied,
 * nothing holds it any more, so a 10 M-row ledger's columns (about half a GB) can be collected
 * while the report is built from the histories.
 *
 * Why a box: every function between the caller and the replay holds its arguments until it
 * returns, and the report's functions return only after the last SKU is analysed. Holding the box
 * instead of the ledger, they keep nothing once the replay has emptied it.
 */
export class HandedOverLedger {
  private ledger: readonly Movement[] | LedgerColumns | null;

  constructor(ledger: readonly Movement[] | LedgerColumns) {
    this.ledger = ledger;
  }

  /**
   * The ledger, leaving the box empty.
   * @throws Error when it was taken already (a second replay of one hand-over is a bug).
   */
  take(): readonly Movement[] | LedgerColumns {
    const ledger = this.ledger;
    if (ledger === null) throw new Error("HandedOverLedger: the ledger was taken already");
    this.ledger = null;
    return ledger;
  }
}

/** A ledger as the report's internal functions accept it: as is, or handed over. */
export type LedgerInput = readonly Movement[] | LedgerColumns | HandedOverLedger;

/** The ledger itself: taken out of a hand-over box, or as it was given. */
export function ledgerOf(input: LedgerInput): readonly Movement[] | LedgerColumns {
  return input instanceof HandedOverLedger ? input.take() : input;
}
