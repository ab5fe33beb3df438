declare const unitBrand: unique symbol;

/**
 * A number that carries its unit in the type, so that a formula cannot add bytes to
 * seconds by accident. Values are made only through the constructors in units/.
 */
export type Branded<B extends string> = number & { readonly [unitBrand]: B };
