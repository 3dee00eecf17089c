// The data files that ship in schemas/, bundled into the build so nothing is read at run time.

import catalogFile from '../../../../schemas/par-criteria.876-2022.json';
import provincesFile from '../../../../schemas/provinces.json';
import baseUnits from '../../../../schemas/units/base.json';
import haTinhUnits from '../../../../schemas/units/ha-tinh.json';
import { buildCatalog, type Catalog, type CatalogFile } from './catalog';
import { buildProvinces, type ProvincesFile } from './provinces';
import type { RegistryFile } from './registry';
import type { UnitData } from './unit-data';

/** The bundled overlays of single provinces (schemas/units/<province id>.json): add a province's file here. */
const PROVINCE_OVERLAYS: unknown[] = [haTinhUnits];

let catalog: Catalog | undefined;
let units: UnitData | undefined;

export function bundledCatalog(): Catalog {
  return (catalog ??= buildCatalog(catalogFile as CatalogFile));
}

/** The national base, every province and the bundled province overlays. */
export function bundledUnits(): UnitData {
  return (units ??= {
    provinces: buildProvinces(provincesFile as ProvincesFile),
    layers: [baseUnits, ...PROVINCE_OVERLAYS].map((file) => ({ file: file as RegistryFile, label: (file as RegistryFile).id })),
  });
}
