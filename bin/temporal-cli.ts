// Prints the Temporal CLI's path, building it first when needed. Used by `.ci/run` and by hand.
import { findTemporalCli, TemporalCliMissing } from './lib/temporal-cli';

try {
  process.stdout.write((await findTemporalCli()) + '\n');
} catch (err) {
  process.stderr.write((err instanceof TemporalCliMissing ? err.message : String(err)) + '\n');
  process.exit(1);
}
