import React from 'react';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Lozenge from '@atlaskit/lozenge';
import Badge from '@atlaskit/badge';
import Spinner from '@atlaskit/spinner';
import ProgressBar from '@atlaskit/progress-bar';
import Tag, { SimpleTag } from '@atlaskit/tag';
import Tooltip from '@atlaskit/tooltip';
import Avatar from '@atlaskit/avatar';
import EmptyState from '@atlaskit/empty-state';
import { Inline } from '@atlaskit/primitives';
import { register, renderChildren, renderContent, useDisplayName, useHandler, type ForgeDoc } from './forge-doc';

/** Messages, status and people: SectionMessage, Lozenge, Badge, Spinner, ProgressBar, Tag, Tooltip, User, EmptyState, Icon. */
function pick(props: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => props[k] !== undefined).map((k) => [k, props[k]]));
}

function Section({ node }: { node: ForgeDoc }) {
  // Actions come as SectionMessageAction children or in the `actions` prop.
  const actionNodes = node.children.filter((c) => c.type === 'SectionMessageAction');
  const content = node.children.filter((c) => c.type !== 'SectionMessageAction');
  const fromProp = Array.isArray(node.props.actions) ? node.props.actions : node.props.actions ? [node.props.actions] : [];
  const actions = [
    ...actionNodes.map((a, i) => <Action key={a.key ?? i} node={a} />),
    ...fromProp.map((a, i) => <React.Fragment key={`p${i}`}>{renderContent(a)}</React.Fragment>)
  ];
  return (
    <SectionMessage {...(pick(node.props, ['appearance', 'title', 'testId']) as object)} actions={actions.length ? actions : undefined}>
      {renderChildren(content)}
    </SectionMessage>
  );
}

function Action({ node }: { node: ForgeDoc }) {
  const onClick = useHandler(node.props, 'onClick', () => []);
  return (
    <SectionMessageAction href={typeof node.props.href === 'string' ? node.props.href : undefined} onClick={onClick}>
      {renderChildren(node.children)}
    </SectionMessageAction>
  );
}

function User({ node }: { node: ForgeDoc }) {
  const accountId = typeof node.props.accountId === 'string' ? node.props.accountId : undefined;
  const name = useDisplayName(accountId) ?? accountId ?? 'Unknown user';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, verticalAlign: 'middle' }} data-account-id={accountId}>
      <Avatar size="small" name={name} />
      {node.props.hideDisplayName === true ? null : <span>{name}</span>}
    </span>
  );
}

function TagNode({ node }: { node: ForgeDoc }) {
  const props = pick(node.props, ['text', 'appearance', 'color', 'href', 'testId', 'removeButtonLabel']) as { text: string };
  const onAfterRemoveAction = useHandler(node.props, 'onAfterRemoveAction', (text: string) => [text]);
  return node.props.isRemovable === true ? <Tag {...props} onAfterRemoveAction={onAfterRemoveAction} /> : <SimpleTag {...props} />;
}

function Empty({ node }: { node: ForgeDoc }) {
  const p = node.props;
  return (
    <EmptyState
      header={String(p.header ?? '')}
      description={renderContent(p.description) as string}
      headingLevel={typeof p.headingLevel === 'number' ? p.headingLevel : 2}
      isLoading={p.isLoading === true}
      width={p.width === 'narrow' ? 'narrow' : 'wide'}
      primaryAction={renderContent(p.primaryAction)}
      secondaryAction={renderContent(p.secondaryAction)}
      tertiaryAction={renderContent(p.tertiaryAction)}
    />
  );
}

register({
  SectionMessage: Section,
  SectionMessageAction: Action,
  Lozenge: ({ node }) => (
    <Lozenge {...(pick(node.props, ['appearance', 'isBold', 'maxWidth', 'testId']) as object)}>{renderChildren(node.children)}</Lozenge>
  ),
  Badge: ({ node }) => {
    const text = node.children.map((c) => String(c.props.text ?? '')).join('');
    return (
      <Badge {...(pick(node.props, ['appearance', 'max', 'testId']) as object)}>
        {text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text}
      </Badge>
    );
  },
  Spinner: ({ node }) => (
    <Spinner {...(pick(node.props, ['appearance', 'delay', 'size', 'testId']) as object)} label={String(node.props.label ?? 'Loading')} />
  ),
  ProgressBar: ({ node }) => (
    <ProgressBar
      {...(pick(node.props, ['appearance', 'isIndeterminate', 'value', 'testId']) as object)}
      ariaLabel={String(node.props.ariaLabel ?? 'Progress')}
    />
  ),
  Tag: TagNode,
  TagGroup: ({ node }) => (
    <Inline space="space.050" shouldWrap>
      {renderChildren(node.children)}
    </Inline>
  ),
  Tooltip: ({ node }) => (
    <Tooltip content={renderContent(node.props.content) as string} position={(node.props.position as 'top') ?? 'top'}>
      {(triggerProps) => (
        <span {...triggerProps} tabIndex={0}>
          {renderChildren(node.children)}
        </span>
      )}
    </Tooltip>
  ),
  User,
  UserGroup: ({ node }) => (
    <Inline space="space.100" shouldWrap>
      {renderChildren(node.children)}
    </Inline>
  ),
  EmptyState: Empty,
  Icon: ({ node }) => (
    <span
      role={node.props.label ? 'img' : undefined}
      aria-label={typeof node.props.label === 'string' ? node.props.label : undefined}
      aria-hidden={node.props.label ? undefined : true}
      data-glyph={String(node.props.glyph ?? '')}
      style={{
        display: 'inline-block',
        width: 16,
        height: 16,
        borderRadius: 3,
        background: 'currentColor',
        opacity: 0.5,
        verticalAlign: 'middle'
      }}
    />
  )
});
