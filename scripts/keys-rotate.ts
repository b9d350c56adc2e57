/**
 * npm run keys:rotate — re-seals personal data under the first key of DATA_KEYS.
 * Rotate: DATA_KEYS="<new>,<old>" npm run keys:rotate, then drop <old> from DATA_KEYS.
 * In the embedded mode without DATA_KEYS, the key kept in DATA_DIR/secrets.json is used.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { createSealer } from '../src/platform/crypto.ts';
import { resealAll } from '../src/platform/reseal.ts';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const { resealed } = await resealAll(database.db, createSealer(config.dataKeys, config.lookupKey));
  console.log(`Re-sealed ${resealed} values under the current key; none is left under an older key.`);
} catch (error) {
  console.error(`Key rotation failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
