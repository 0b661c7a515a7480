import * as vscode from 'vscode';

/** One row of a tooltip's details table; rows without a value are left out. */
export type DetailRow = readonly [label: string, value: string | number | undefined];

/**
 * A Markdown tooltip: a heading, an optional sentence, then a two-column
 * table. Server values are escaped so a comment or file name cannot inject
 * links or break the table.
 */
export function detailsTooltip(heading: string, sentence: string | undefined, rows: readonly DetailRow[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdown(heading)}**\n\n`);
  if (sentence) {
    md.appendMarkdown(`${escapeMarkdown(sentence)}\n\n`);
  }
  const present = rows.filter(([, value]) => value !== undefined && value !== '');
  if (present.length > 0) {
    md.appendMarkdown('| | |\n|---|---|\n');
    for (const [label, value] of present) {
      md.appendMarkdown(`| ${escapeMarkdown(label)} | ${escapeMarkdown(String(value))} |\n`);
    }
  }
  return md;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n/g, ' ');
}
