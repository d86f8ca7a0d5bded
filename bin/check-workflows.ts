// Fails when workflows/ or domain/ import anything that does I/O (see bin/lib/workflow-imports.ts).
import { fileURLToPath } from 'node:url';
import { checkTree } from './lib/workflow-imports';

const root = fileURLToPath(new URL('..', import.meta.url));
const problems = checkTree(root);
for (const p of problems) process.stderr.write(`${p.file}: imports '${p.specifier}' — ${p.reason}\n`);
if (problems.length > 0) process.exit(1);
process.stdout.write('workflows/ and domain/ import nothing with I/O\n');
