// Fails fast when a script runs on a Node older than the project's toolchain (the system Node
// may be older; npm scripts get the pinned Node 24 from the `node` devDependency).
const [major] = process.versions.node.split('.').map(Number);
if (major === undefined || major < 24) {
  console.error(`Atelier needs Node 24 LTS; this is ${process.version}. Run scripts through npm (npm test, npm run …) so the pinned toolchain in node_modules is used.`);
  process.exit(1);
}
console.log(`node ${process.version} ✓`);
