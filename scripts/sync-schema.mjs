// Writes the catalog's codes and areas into the plan schema, so YAML tools that only read the
// schema still complete codes. test/engine/catalog.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'schemas/par-plan.schema.json');
const catalog = JSON.parse(readFileSync(join(root, 'schemas/par-criteria.876-2022.json'), 'utf8'));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
schema.definitions.area.enum = catalog.areas.map((a) => a.roman);
schema.definitions.code.examples = catalog.codes.map((c) => c.code);
writeFileSync(schemaPath, JSON.stringify(schema, null, 2) + '\n');
console.log(`schema: ${schema.definitions.area.enum.length} areas, ${schema.definitions.code.examples.length} example codes`);
