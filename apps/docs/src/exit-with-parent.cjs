// Preloaded into the sirv-cli child (`node --require`): the parent holds the other end of this process's stdin,
// so when the parent goes away in any way, even SIGKILL or a crash that runs no handler, the system closes that
// pipe, stdin ends, and this process exits instead of serving on as an orphan.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
