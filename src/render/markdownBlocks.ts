import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];
import type { Block, ListItem, Run } from './blocks';
import { splitLines } from './blocks';
import type { FontFace } from './types';

const markdown = new MarkdownIt({ html: false, linkify: true });

/** Markdown (CommonMark + GFM tables, as markdown-it reads it) → blocks. */
export function markdownBlocks(source: string): Block[] {
  const tokens = markdown.parse(source, {});
  return new TokenReader(tokens).blocks(undefined);
}

/** The addresses of the images a Markdown document shows, so the caller can read them first. */
export function markdownImageSources(source: string): string[] {
  const sources = new Set<string>();
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'image') sources.add(token.attrGet('src') ?? '');
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(source, {}));
  sources.delete('');
  return [...sources];
}

class TokenReader {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  /** Reads blocks until the closing token of type `until` (or the end). */
  blocks(until: string | undefined): Block[] {
    const blocks: Block[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++];
      if (until !== undefined && token.type === until) break;
      switch (token.type) {
        case 'paragraph_open': {
          const inline = this.tokens[this.index++];
          this.index++; // paragraph_close
          blocks.push(...paragraphBlocks(inline));
          break;
        }
        case 'heading_open': {
          const inline = this.tokens[this.index++];
          this.index++;
          blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), runs: inlineRuns(inline.children ?? [], 'regular').runs });
          break;
        }
        case 'fence':
        case 'code_block':
          blocks.push({ kind: 'code', lines: splitLines(token.content), lineNumbers: false });
          break;
        case 'blockquote_open':
          blocks.push({ kind: 'quote', blocks: this.blocks('blockquote_close') });
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          blocks.push(this.list(token));
          break;
        case 'table_open':
          blocks.push(this.table());
          break;
        case 'hr':
          blocks.push({ kind: 'rule' });
          break;
        case 'html_block':
          // Raw HTML is printed as written: dropping it could lose content.
          blocks.push({ kind: 'code', lines: splitLines(token.content), lineNumbers: false });
          break;
        default:
          break;
      }
    }
    return blocks;
  }

  private list(open: Token): Block {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const items: ListItem[] = [];
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++];
      if (token.type === close) break;
      if (token.type === 'list_item_open') items.push(taskItem(this.blocks('list_item_close')));
    }
    return { kind: 'list', ordered, start: Number(open.attrGet('start') ?? 1), items };
  }

  private table(): Block {
    const header: Run[][] = [];
    const rows: Run[][][] = [];
    let row: Run[][] = [];
    let inHead = false;
    while (this.index < this.tokens.length) {
      const token = this.tokens[this.index++];
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHead = true;
      else if (token.type === 'thead_close') inHead = false;
      else if (token.type === 'tr_open') row = [];
      else if (token.type === 'tr_close') {
        if (inHead) header.push(...row);
        else rows.push(row);
      } else if (token.type === 'inline') row.push(inlineRuns(token.children ?? [], inHead ? 'bold' : 'regular').runs);
    }
    return { kind: 'table', header, rows };
  }
}

/** "[ ] " / "[x] " at the start of an item's first paragraph makes it a task. */
function taskItem(blocks: Block[]): ListItem {
  const first = blocks[0];
  if (first?.kind !== 'paragraph' || first.runs.length === 0) return { blocks };
  const match = /^\[([ xX])\]\s+/.exec(first.runs[0].text);
  if (!match) return { blocks };
  const runs = [{ ...first.runs[0], text: first.runs[0].text.slice(match[0].length) }, ...first.runs.slice(1)];
  return { blocks: [{ kind: 'paragraph', runs }, ...blocks.slice(1)], task: match[1] !== ' ' };
}

/** A paragraph's text; its images become blocks of their own after it, their alt text kept. */
function paragraphBlocks(inline: Token): Block[] {
  const { runs, images } = inlineRuns(inline.children ?? [], 'regular');
  const blocks: Block[] = [];
  if (runs.some((r) => r.text.trim() !== '')) blocks.push({ kind: 'paragraph', runs });
  for (const image of images) blocks.push({ kind: 'image', ...image });
  return blocks;
}

function inlineRuns(children: Token[], base: FontFace): { runs: Run[]; images: { src: string; alt: string }[] } {
  const runs: Run[] = [];
  const images: { src: string; alt: string }[] = [];
  let bold = base === 'bold' ? 1 : 0;
  let italic = 0;
  const links: { href: string; start: number }[] = [];
  const face = (): FontFace => (bold > 0 ? 'bold' : italic > 0 ? 'italic' : 'regular');
  const push = (text: string, f: FontFace = face()) => {
    if (text) runs.push({ text, face: f });
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
        push(token.content);
        break;
      case 'code_inline':
        push(token.content, 'mono');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'link_open':
        links.push({ href: token.attrGet('href') ?? '', start: runs.length });
        break;
      case 'link_close': {
        const link = links.pop();
        if (!link) break;
        const text = runs
          .slice(link.start)
          .map((r) => r.text)
          .join('');
        // A printed page cannot be clicked: the address is printed after the text, unless it is the text.
        const shown = link.href.replace(/^mailto:/, '');
        if (link.href && text !== link.href && text !== shown) push(` (${link.href})`, 'regular');
        break;
      }
      case 'image':
        images.push({ src: token.attrGet('src') ?? '', alt: token.content });
        break;
      case 'html_inline':
        push(token.content);
        break;
      default:
        if (token.content) push(token.content);
    }
  }
  return { runs, images };
}
