import * as vscode from 'vscode';
import type { Range } from '../core/model/types';
import type { FindingSeverity } from '../core/rules/types';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: FindingSeverity): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export const RULE_DOCS_BASE = 'https://github.com/postmortem-tools/postmortem/blob/main/docs/rules.md';

export function ruleDocsUri(rule: string): vscode.Uri {
  return vscode.Uri.parse(`${RULE_DOCS_BASE}#${rule}`);
}
