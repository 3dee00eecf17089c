// The data files that ship in schemas/, bundled into the build so nothing is read at run time.

import catalogFile from '../../../../schemas/par-criteria.876-2022.json';
import registryFile from '../../../../schemas/units.ha-tinh.json';
import { buildCatalog, type Catalog, type CatalogFile } from './catalog';
import { buildRegistry, type RegistryFile, type UnitRegistry } from './registry';

let catalog: Catalog | undefined;
let registry: UnitRegistry | undefined;

export function bundledCatalog(): Catalog {
  return (catalog ??= buildCatalog(catalogFile as CatalogFile));
}

export function bundledRegistry(): UnitRegistry {
  return (registry ??= buildRegistry(registryFile as unknown as RegistryFile));
}
