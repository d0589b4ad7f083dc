/**
 * Where a JSON pointer sits in JSON text, so the lint gutter can mark the
 * exact spot the model reports. Uses the JSON grammar of the editor itself
 * (Lezer), which also parses broken text, so half-typed JSON still maps.
 * A pointer to an absent member (a missing required field) lands on the
 * nearest ancestor that exists.
 */
import { jsonLanguage } from '@codemirror/lang-json';
import type { SyntaxNode } from '@lezer/common';
import { parsePointer } from '../../../src-shared/json-pointer';

export interface TextRange {
  from: number;
  to: number;
}

function unquote(text: string): string {
  try {
    return String(JSON.parse(text));
  } catch {
    return text.replace(/^"|"$/g, '');
  }
}

function childValues(node: SyntaxNode): SyntaxNode[] {
  const values: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (!['[', ']', '{', '}', ',', '⚠'].includes(child.name)) values.push(child);
  }
  return values;
}

function memberNamed(objectNode: SyntaxNode, text: string, key: string): SyntaxNode | null {
  for (let child = objectNode.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'Property') continue;
    const name = child.getChild('PropertyName');
    if (name && unquote(text.slice(name.from, name.to)) === key) return child;
  }
  return null;
}

/** The range of the value at `pointer` (a member's whole `"key": value`), or of its nearest existing ancestor. */
export function locatePointer(text: string, pointer: string): TextRange {
  const tree = jsonLanguage.parser.parse(text);
  const top = tree.topNode.firstChild;
  if (!top) return { from: 0, to: Math.min(text.length, 1) };
  let node: SyntaxNode = top;
  let range: TextRange = { from: node.from, to: Math.min(node.to, node.from + 1) };
  for (const key of parsePointer(pointer)) {
    if (node.name === 'Object') {
      const member = memberNamed(node, text, key);
      const value = member?.lastChild;
      if (!member || !value || value.name === 'PropertyName') return range;
      range = { from: member.from, to: member.to };
      node = value;
    } else if (node.name === 'Array') {
      const item: SyntaxNode | undefined = childValues(node)[Number(key)];
      if (!item) return range;
      range = { from: item.from, to: item.to };
      node = item;
    } else {
      return range;
    }
  }
  return range;
}
