import * as vscode from 'vscode';
import type { DocumentResolver } from '../sendFlow/documentResolver';
import type { FaxDocument } from '../sendFlow/faxDocument';
import { describeFindings } from '../sendFlow/legibilityMessages';
import { COMMANDS } from '../manifest/commandIds';
import type { ChatToolContext } from './chatToolContext';
import { CHAT_TOOLS } from './chatToolNames';
import { documentPages, type ChatDraft, type ChatDrafts } from './chatDrafts';
import { parsePrepareFaxInput, type PrepareFaxInput } from './toolInputs';
import { done, refused, runTool, type ToolOutcome } from './toolRun';

/**
 * `faxplus_prepareFax`: workspace files and text the model wrote become a draft,
 * laid out locally by the same renderer and file rules as "Send as Fax". No
 * request leaves the machine.
 */
export class PrepareFaxTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    private readonly context: ChatToolContext,
    private readonly documents: DocumentResolver,
    private readonly drafts: ChatDrafts,
  ) {}

  prepareInvocation(): vscode.PreparedToolInvocation {
    return { invocationMessage: vscode.l10n.t('Laying out the fax pages (nothing is sent)') };
  }

  invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>): Promise<vscode.LanguageModelToolResult> {
    const { gate, audit, errors } = this.context;
    return runTool(CHAT_TOOLS.prepareFax, audit, errors, async () => {
      const input = parsePrepareFaxInput(options.input);
      if (!input.ok) return refused(input.message);
      // A draft exists to be sent: a token that may not send is told now, not after the work.
      gate.ensure(COMMANDS.sendFax);
      return this.prepare(input.value);
    });
  }

  private async prepare(input: PrepareFaxInput): Promise<ToolOutcome> {
    const located = input.files.map(workspaceFile);
    const outside = located.filter((l) => !l.uri).map((l) => l.written);
    if (outside.length > 0) {
      return refused(
        vscode.l10n.t(
          'Only files inside the open workspace folders can be faxed from chat: {0}. Give a path relative to the workspace.',
          outside.join(', '),
        ),
      );
    }
    const render = input.paper ? { paper: input.paper } : undefined;
    const collected: FaxDocument[] = [];
    if (located.length > 0) {
      const files = await this.documents.resolve(
        located.map((l) => l.uri!),
        render,
      );
      if (!files.ok) return refused(files.message);
      collected.push(...files.documents);
    }
    if (input.text !== undefined) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const uri = folder ? vscode.Uri.joinPath(folder, input.title) : vscode.Uri.from({ scheme: 'untitled', path: input.title });
      const text = await this.documents.resolveText(
        { uri, name: input.title, title: input.title, text: input.text, languageId: input.title.endsWith('.md') ? 'markdown' : undefined },
        render,
      );
      if (!text.ok) return refused(text.message);
      collected.push(...text.documents);
    }
    const draft = await this.drafts.add(collected);
    return done(this.describe(draft), { draftId: draft.id, documents: collected.map((d) => d.name), pages: draft.pages });
  }

  private describe(draft: ChatDraft): string {
    const lines = [vscode.l10n.t('Draft {0} is ready. Nothing was sent.', draft.id)];
    for (const document of draft.documents) {
      const pages = documentPages(document);
      lines.push(
        pages === undefined
          ? vscode.l10n.t('- {0}: uploaded as it is; Fax.Plus counts its pages.', document.name)
          : vscode.l10n.t('- {0}: {1} page(s), laid out here.', document.name, pages),
      );
    }
    if (draft.pages !== undefined) lines.push(vscode.l10n.t('Total: {0} page(s).', draft.pages));
    if (draft.rendered.length > 0) {
      const preview = this.documents.preview(draft.rendered);
      const findings = describeFindings(
        draft.rendered.map((r) => r.title),
        preview.findings,
      );
      lines.push(
        findings.length === 0
          ? vscode.l10n.t('Legibility check: nothing to report.')
          : vscode.l10n.t('Legibility check: {0}', findings.join(' ')),
      );
    }
    lines.push(vscode.l10n.t('To send it, call faxplus_sendFax with draftId "{0}"; the person approves every send.', draft.id));
    return lines.join('\n');
  }
}

/** A workspace-relative path or a URI inside a workspace folder; anything else has no `uri`. */
function workspaceFile(written: string): { written: string; uri?: vscode.Uri } {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (/^[a-z][a-z0-9+.-]+:/i.test(written)) {
    const uri = vscode.Uri.parse(written, true);
    return { written, uri: vscode.workspace.getWorkspaceFolder(uri) && !uri.path.split('/').includes('..') ? uri : undefined };
  }
  const relative = written.replace(/\\/g, '/').replace(/^\.\//, '');
  if (relative.startsWith('/') || relative.split('/').includes('..') || folders.length === 0) return { written };
  // "folder name/path" names a folder of a multi-root workspace; otherwise the first folder.
  const [head, ...rest] = relative.split('/');
  const named = rest.length > 0 ? folders.find((f) => f.name === head) : undefined;
  return { written, uri: named ? vscode.Uri.joinPath(named.uri, ...rest) : vscode.Uri.joinPath(folders[0].uri, relative) };
}
