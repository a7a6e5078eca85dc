// The untrusted workspace's own files: settings and a config file that try to inject patterns.
export const WORKSPACE_PATTERN_PHRASE = 'purple elephant rollout';
/** `/(a+)+$/` backtracks for minutes on this line (a run of a's that does not end the line). */
export const HOSTILE_LINE = `${'a'.repeat(40)}!`;

export function untrustedWorkspaceFiles(): Record<string, string> {
  const patterns = ['/(a+)+$/', WORKSPACE_PATTERN_PHRASE];
  return {
    '.vscode/settings.json': JSON.stringify({ 'postmortem.blameWording.extraPatterns': patterns, 'postmortem.filePatterns': ['notes/*.md'] }, null, 2),
    '.postmortemrc.yaml': `blameWording:\n  extraPatterns: ${JSON.stringify(patterns)}\n`,
    'restricted.postmortem.md': [
      '# Restricted Mode check',
      '',
      '## Summary',
      '',
      `The ${WORKSPACE_PATTERN_PHRASE} on Friday was human error.`,
      '',
      HOSTILE_LINE,
      '',
    ].join('\n'),
  };
}
