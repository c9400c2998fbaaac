import React from 'react';
import { ErrorMessage, FormFooter, FormHeader, FormSection, HelperMessage, Label, RequiredAsterisk, ValidMessage } from '@atlaskit/form';
import DynamicTable from '@atlaskit/dynamic-table';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { serialiseEvent } from '../wire';
import { register, renderChildren, renderContent, useHandler, type ForgeDoc } from './forge-doc';

/**
 * Form, its sections and messages, DynamicTable and Modal. A UI Kit Form is an HTML form whose
 * submit goes to the app's onSubmit (react-hook-form's handleSubmit in the runtime, which reads
 * the values its fields' onChange handlers reported); the browser never submits it.
 */
function Form({ node }: { node: ForgeDoc }) {
  const onSubmit = useHandler(node.props, 'onSubmit', (event: React.FormEvent) => [serialiseEvent(event as never)]);
  return (
    <form
      noValidate
      id={typeof node.props.id === 'string' ? node.props.id : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit?.(event as never);
      }}
    >
      {renderChildren(node.children)}
    </form>
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : renderContent(value));

/** DynamicTable arrives as head and rows wrappers of Row and Cell nodes (see @forge/react's dynamic-table). */
function Table({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const wrapper = (name: string) => node.children.find((c) => c.type === 'ContentWrapper' && c.props.name === name)?.children ?? [];
  const cell = (c: ForgeDoc) => {
    const { cellKey, ...rest } = c.props;
    return { ...rest, key: String(cellKey ?? c.key), content: <>{renderChildren(c.children)}</> };
  };
  const headCells = wrapper('head').map(cell);
  const rows = wrapper('rows').map((r) => ({ key: String(r.props.rowKey ?? r.key), cells: r.children.map(cell) }));
  const onSetPage = useHandler(p, 'onSetPage', (page: number) => [page]);
  const onSort = useHandler(p, 'onSort', (data: { key: string; sortOrder: string }) => [{ key: data.key, sortOrder: data.sortOrder }]);
  return (
    <DynamicTable
      head={headCells.length ? { cells: headCells } : undefined}
      rows={rows}
      caption={typeof p.caption === 'string' ? p.caption : undefined}
      label={typeof p.label === 'string' ? p.label : undefined}
      isLoading={p.isLoading === true}
      rowsPerPage={typeof p.rowsPerPage === 'number' ? p.rowsPerPage : undefined}
      defaultPage={typeof p.defaultPage === 'number' ? p.defaultPage : undefined}
      page={typeof p.page === 'number' ? p.page : undefined}
      isFixedSize={p.isFixedSize === true}
      defaultSortKey={typeof p.defaultSortKey === 'string' ? p.defaultSortKey : undefined}
      defaultSortOrder={p.defaultSortOrder === 'DESC' ? 'DESC' : p.defaultSortOrder === 'ASC' ? 'ASC' : undefined}
      emptyView={p.emptyView ? <>{renderContent(p.emptyView)}</> : undefined}
      onSetPage={onSetPage}
      onSort={onSort}
    />
  );
}

function ModalNode({ node }: { node: ForgeDoc }) {
  const onClose = useHandler(node.props, 'onClose', () => []);
  const width = node.props.width as 'medium' | undefined;
  return (
    <Modal
      onClose={onClose}
      width={width === ('x-large' as string) ? 'x-large' : width}
      label={typeof node.props.label === 'string' ? node.props.label : undefined}
    >
      {renderChildren(node.children)}
    </Modal>
  );
}

register({
  Form,
  FormHeader: ({ node }) => (
    <FormHeader title={text(node.props.title)} description={text(node.props.description)}>
      {renderChildren(node.children)}
    </FormHeader>
  ),
  FormSection: ({ node }) => (
    <FormSection title={text(node.props.title)} description={text(node.props.description)}>
      {renderChildren(node.children)}
    </FormSection>
  ),
  FormFooter: ({ node }) => <FormFooter align={node.props.align === 'start' ? 'start' : 'end'}>{renderChildren(node.children)}</FormFooter>,
  Label: ({ node }) => (
    <Label htmlFor={String(node.props.labelFor ?? '')} id={typeof node.props.id === 'string' ? node.props.id : undefined}>
      {renderChildren(node.children)}
    </Label>
  ),
  RequiredAsterisk: () => <RequiredAsterisk />,
  HelperMessage: ({ node }) => <HelperMessage>{renderChildren(node.children)}</HelperMessage>,
  ErrorMessage: ({ node }) => <ErrorMessage>{renderChildren(node.children)}</ErrorMessage>,
  ValidMessage: ({ node }) => <ValidMessage>{renderChildren(node.children)}</ValidMessage>,
  DynamicTable: Table,
  ModalTransition: ({ node }) => <ModalTransition>{renderChildren(node.children)}</ModalTransition>,
  Modal: ModalNode,
  ModalHeader: ({ node }) => <ModalHeader>{renderChildren(node.children)}</ModalHeader>,
  ModalTitle: ({ node }) => (
    <ModalTitle appearance={node.props.appearance as 'warning' | undefined}>{renderChildren(node.children)}</ModalTitle>
  ),
  ModalBody: ({ node }) => <ModalBody>{renderChildren(node.children)}</ModalBody>,
  ModalFooter: ({ node }) => <ModalFooter>{renderChildren(node.children)}</ModalFooter>
});
