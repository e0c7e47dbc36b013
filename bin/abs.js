#!/usr/bin/env node
// The `abs` command. Runs the TypeScript sources directly (Node >= 22.18 strips types).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `abs: Node ${process.versions.node} is too old; ABS Workbench needs Node >= 22.18 ` +
      '(run ". scripts/use-node.sh" in the repository to install a current one)\n',
  );
  process.exit(1);
}
await import('../cli/main.ts');
