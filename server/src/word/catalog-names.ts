// Names from a criteria catalog for the Word import and export: the official name of a criterion code,
// the name of an area by its Roman numeral. Default: the bundled catalog.

import { bundledCatalog } from '../engine/data/bundled';
import { areaByNumber, type Catalog } from '../engine/data/catalog';
import { AREA_NUMERALS } from '../engine/model';

export interface CatalogNames {
  criterion(code: string): string | undefined;
  area(numeral: string): string | undefined;
}

export function catalogNames(catalog: Catalog = bundledCatalog()): CatalogNames {
  return {
    criterion: (code) => catalog.codes.get(code)?.name,
    // Numerals outside I..VIII give index 0, which no area has.
    area: (numeral) => areaByNumber(catalog, (AREA_NUMERALS as readonly string[]).indexOf(numeral) + 1)?.name,
  };
}
