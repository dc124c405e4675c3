/**
 * The optional keys of `T` that do not accept `undefined` under `exactOptionalPropertyTypes`
 * (`never` when every one does): `expectTypeOf<RejectsUndefined<T>>().toEqualTypeOf<never>()`
 * checks an input type at compile time (`npx tsc --noEmit -p .` type-checks the tests).
 */
export type RejectsUndefined<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K>
    ? { readonly [P in K]: undefined } extends Pick<T, K>
      ? never
      : K
    : never;
}[keyof T];
