import { optionNames } from "./requireKnownOptions.js";
import type { SkuInfo } from "./SkuInfo.js";

/**
 * Every field of a {@link SkuInfo} row, checked against the type by the compiler. A key of a
 * SkuInfo-like record that is none of these but a near miss of one (`leadTime`, `servicelevel`) is
 * a typo: see `requireNoMisspeltFields`.
 */
export const SKU_INFO_FIELD_NAMES: readonly string[] = optionNames<SkuInfo>()([
  "sku",
  "description",
  "category",
  "standardCost",
  "unitPrice",
  "leadTimeDays",
  "leadTimeStdDevDays",
  "reviewPeriodDays",
  "serviceLevel",
  "minOrderQuantity",
  "packSize",
  "onOrder",
  "backordered",
  "reserved",
  "orderCost",
  "holdingRate",
]);

/**
 * The money fields of a {@link SkuInfo} row (exact decimal amounts, never negative): their problems
 * are `invalid_money` and `negative_money`, those of the other number fields `invalid_quantity`.
 */
export const SKU_INFO_MONEY_FIELDS: readonly (keyof SkuInfo)[] = [
  "standardCost",
  "unitPrice",
  "orderCost",
];
