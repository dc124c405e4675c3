// Classification: ABC (value concentration), XYZ (demand predictability) and the ABC-XYZ matrix.
export type {
  AbcAccessors,
  AbcItem,
  AbcNegativeValues,
  AbcOptions,
  AbcRecordRow,
  AbcRow,
  AbcZeroValues,
} from "./abcClassify.js";
export { abcClassify } from "./abcClassify.js";
export type {
  AbcXyzCell,
  AbcXyzColumnTotal,
  AbcXyzFigures,
  AbcXyzMatrix,
  AbcXyzMatrixAbcRow,
  AbcXyzMatrixOptions,
  AbcXyzMatrixRow,
  AbcXyzMatrixXyzRow,
} from "./abcXyzMatrix.js";
export { abcXyzMatrix } from "./abcXyzMatrix.js";
export type { XyzItem, XyzNoneReason, XyzOptions, XyzRow } from "./xyzClassify.js";
export { XYZ_NONE, xyzClassify } from "./xyzClassify.js";
