// Write schema/doc-drift.schema.json from the built code (npm run build:schema); a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { configSchema } from '../dist/src/schema.js';

writeFileSync(new URL('../schema/doc-drift.schema.json', import.meta.url), `${JSON.stringify(configSchema(), null, 2)}\n`);
