#!/usr/bin/env node
// The `atelier` command. Atelier's sources are TypeScript run by Node 24's type stripping.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(`atelier needs Node 24 (this is ${process.version}); run it as \`npx atelier …\` inside the project so the pinned Node is used.`);
  process.exit(1);
}
const { runCli } = await import('../server/cli.ts');
process.exit(await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }));
