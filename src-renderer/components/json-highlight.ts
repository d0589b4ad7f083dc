/** JSON syntax colours from the theme's tokens, so every code view follows light and dark with readable contrast. */
import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--syntax-property)' },
  { tag: tags.string, color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syntax-literal)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--muted)' },
]);
