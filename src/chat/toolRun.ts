import * as vscode from 'vscode';
import type { ErrorPresenter } from '../errors/errorPresenter';
import { kindOf } from '../errors/errorPresenter';
import { UserNotifiedError } from '../util/userNotifiedError';
import type { AuditEntry, AuditLog, AuditOutcome } from './auditLog';
import type { ChatToolName } from './chatToolNames';

/** What one tool call ended with: the text for the model and the facts for the audit log. */
export interface ToolOutcome {
  readonly text: string;
  readonly outcome: AuditOutcome;
  readonly audit?: Omit<AuditEntry, 'time' | 'tool' | 'outcome' | 'detail'>;
}

export function done(text: string, audit?: ToolOutcome['audit']): ToolOutcome {
  return { text, outcome: 'ok', audit };
}

export function refused(text: string, audit?: ToolOutcome['audit']): ToolOutcome {
  return { text, outcome: 'refused', audit };
}

/**
 * Runs a tool's work and turns every ending into short text: a refusal (the
 * scope gate, bad input) or an API error says what the person must do. Every
 * call lands in the audit log, whatever happened.
 */
export async function runTool(
  tool: ChatToolName,
  audit: AuditLog,
  errors: ErrorPresenter,
  work: () => Promise<ToolOutcome>,
): Promise<vscode.LanguageModelToolResult> {
  let result: ToolOutcome;
  try {
    result = await work();
  } catch (error) {
    if (error instanceof UserNotifiedError) {
      result = { text: error.message, outcome: 'refused' };
    } else if (kindOf(error) === 'cancelled') {
      result = { text: vscode.l10n.t('Cancelled.'), outcome: 'failed' };
    } else {
      result = { text: errors.describe(error), outcome: 'failed' };
    }
  }
  await audit.record({ tool, outcome: result.outcome, ...result.audit, ...(result.outcome === 'ok' ? {} : { detail: result.text }) });
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
}

/** The not-found kind, which the tools answer with what to ask instead. */
export function isNotFound(error: unknown): boolean {
  return kindOf(error) === 'notFound';
}
