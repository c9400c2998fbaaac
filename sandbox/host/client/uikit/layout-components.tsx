import React from 'react';
import { Inline, Stack, Text as AkText } from '@atlaskit/primitives';
import Heading from '@atlaskit/heading';
import tokenNames from '@atlaskit/tokens/token-names';
import { Code as AkCode, CodeBlock as AkCodeBlock } from '@atlaskit/code';
import { register, renderChildren, plainProps, type ForgeDoc } from './forge-doc';

/** Layout and text: Stack, Inline, Box, Heading, Text and its inline marks, Link, List, Image, Code. */
const names = tokenNames as Record<string, string>;

/** A design-token name (`space.200`, `color.border`) as its CSS variable; anything else unchanged. */
export function tokenValue(value: unknown): unknown {
  return typeof value === 'string' && names[value] ? `var(${names[value]})` : value;
}

/** UI Kit's xcss is a plain style object of token names; nested selectors cannot be inline styles and are dropped. */
export function xcssStyle(xcss: unknown): React.CSSProperties {
  const style: Record<string, unknown> = {};
  const apply = (obj: unknown) => {
    if (Array.isArray(obj)) obj.forEach(apply);
    else if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) if (typeof v !== 'object') style[k] = tokenValue(v);
  };
  apply(xcss);
  return style as React.CSSProperties;
}

const BOX_SPACE: Array<[string, keyof React.CSSProperties]> = [
  ['padding', 'padding'],
  ['paddingBlock', 'paddingBlock'],
  ['paddingBlockStart', 'paddingBlockStart'],
  ['paddingBlockEnd', 'paddingBlockEnd'],
  ['paddingInline', 'paddingInline'],
  ['paddingInlineStart', 'paddingInlineStart'],
  ['paddingInlineEnd', 'paddingInlineEnd']
];

function Box({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const style: Record<string, unknown> = {};
  for (const [prop, css] of BOX_SPACE) if (p[prop] !== undefined) style[css] = tokenValue(p[prop]);
  if (p.backgroundColor) style.backgroundColor = tokenValue(p.backgroundColor);
  const Tag = (typeof p.as === 'string' ? p.as : 'div') as keyof JSX.IntrinsicElements;
  return React.createElement(
    Tag,
    { style: { ...style, ...xcssStyle(p.xcss) }, role: p.role as string | undefined, 'data-testid': p.testId },
    renderChildren(node.children)
  );
}

const STACK_PROPS = ['alignBlock', 'alignInline', 'grow', 'space', 'spread', 'testId', 'shouldWrap', 'rowSpace', 'separator', 'as'];

function pick(props: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

function Text({ node }: { node: ForgeDoc }) {
  const p = node.props;
  if (p.as === 'strike') return <s>{renderChildren(node.children)}</s>;
  return (
    <AkText {...(pick(p, ['as', 'align', 'color', 'maxLines', 'size', 'weight', 'id', 'testId']) as object)}>
      {renderChildren(node.children)}
    </AkText>
  );
}

function Link({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const href = typeof p.href === 'string' ? p.href : '#';
  const external = p.openNewTab === true || /^https?:/.test(href);
  return (
    <a href={href} style={{ color: 'var(--ds-link, #0C66E4)' }} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {renderChildren(node.children)}
    </a>
  );
}

register({
  Root: ({ node }) => <>{renderChildren(node.children)}</>,
  ContentWrapper: ({ node }) => <>{renderChildren(node.children)}</>,
  Stack: ({ node }) => <Stack {...(pick(node.props, STACK_PROPS) as object)}>{renderChildren(node.children)}</Stack>,
  Inline: ({ node }) => <Inline {...(pick(node.props, STACK_PROPS) as object)}>{renderChildren(node.children)}</Inline>,
  Box,
  Heading: ({ node }) => (
    <Heading {...({ size: 'medium', ...pick(node.props, ['size', 'as', 'color', 'id', 'testId']) } as { size: 'medium' })}>
      {renderChildren(node.children)}
    </Heading>
  ),
  Text,
  Strong: ({ node }) => <strong>{renderChildren(node.children)}</strong>,
  Em: ({ node }) => <em>{renderChildren(node.children)}</em>,
  Strike: ({ node }) => <s>{renderChildren(node.children)}</s>,
  Link,
  List: ({ node }) => (node.props.type === 'ordered' ? <ol>{renderChildren(node.children)}</ol> : <ul>{renderChildren(node.children)}</ul>),
  ListItem: ({ node }) => <li>{renderChildren(node.children)}</li>,
  Image: ({ node }) => (
    <img {...(plainProps(node.props, ['size']) as object)} alt={String(node.props.alt ?? '')} style={{ maxWidth: '100%' }} />
  ),
  Code: ({ node }) => <AkCode>{renderChildren(node.children)}</AkCode>,
  CodeBlock: ({ node }) => (
    <AkCodeBlock
      text={String(node.props.text ?? '')}
      {...(pick(node.props, ['language', 'showLineNumbers', 'highlight', 'shouldWrapLongLines']) as object)}
    />
  )
});
