import React, { useState } from 'react';
import Button, { LinkButton } from '@atlaskit/button/new';
import ButtonGroup from '@atlaskit/button/button-group';
import Toggle from '@atlaskit/toggle';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import Select from '@atlaskit/select';
import Checkbox from '@atlaskit/checkbox';
import { Radio, RadioGroup } from '@atlaskit/radio';
import { Stack } from '@atlaskit/primitives';
import { serialiseEvent } from '../wire';
import { plainProps, register, renderChildren, useHandler, type ForgeDoc } from './forge-doc';

/**
 * Buttons and fields. Handlers get what @forge/react expects: a SerialisableEvent for DOM-like
 * changes (its useForm reads target.value / target.checked by target.type), the value itself
 * for Select and CheckboxGroup.
 */
type AnyEvent = Parameters<typeof serialiseEvent>[0];
const asEvent = (event: AnyEvent) => [serialiseEvent(event)];
const HANDLERS = ['onClick', 'onChange', 'onBlur', 'onFocus', 'onInputChange'];

function eventHandlers(props: Record<string, unknown>) {
  return {
    onChange: useHandler(props, 'onChange', asEvent),
    onBlur: useHandler(props, 'onBlur', asEvent),
    onFocus: useHandler(props, 'onFocus', asEvent)
  };
}

function appearance(value: unknown): 'default' | 'primary' | 'subtle' | 'warning' | 'danger' | 'discovery' {
  if (value === 'link' || value === 'subtle-link') return 'subtle';
  return (['default', 'primary', 'subtle', 'warning', 'danger', 'discovery'] as const).find((a) => a === value) ?? 'default';
}

function ButtonNode({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const onClick = useHandler(p, 'onClick', asEvent);
  const common = {
    appearance: appearance(p.appearance),
    isDisabled: p.isDisabled === true,
    isSelected: p.isSelected === true,
    shouldFitContainer: p.shouldFitContainer === true,
    spacing: p.spacing === 'compact' ? ('compact' as const) : ('default' as const),
    autoFocus: p.autoFocus === true,
    testId: typeof p.testId === 'string' ? p.testId : undefined,
    onClick
  };
  if (node.type === 'LinkButton') {
    return (
      <LinkButton {...common} href={String(p.href ?? '#')} target={typeof p.target === 'string' ? p.target : undefined}>
        {renderChildren(node.children)}
      </LinkButton>
    );
  }
  return (
    <Button
      {...common}
      type={p.type === 'submit' || p.type === 'reset' ? p.type : 'button'}
      isLoading={p.isLoading === true}
      aria-label={typeof p['aria-label'] === 'string' ? p['aria-label'] : undefined}
    >
      {renderChildren(node.children)}
    </Button>
  );
}

function Field({ node }: { node: ForgeDoc }) {
  const handlers = eventHandlers(node.props);
  const props = { ...plainProps(node.props, HANDLERS), ...handlers };
  if (node.type === 'TextArea') return <TextArea {...(props as object)} />;
  return <Textfield {...(props as object)} />;
}

function ToggleNode({ node }: { node: ForgeDoc }) {
  const handlers = eventHandlers(node.props);
  return <Toggle {...(plainProps(node.props, HANDLERS) as object)} {...handlers} />;
}

function CheckboxNode({ node }: { node: ForgeDoc }) {
  const handlers = eventHandlers(node.props);
  return <Checkbox {...(plainProps(node.props, HANDLERS) as object)} {...handlers} />;
}

function SelectNode({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const onChange = useHandler(p, 'onChange', (value: unknown) => [value ?? null]);
  const onInputChange = useHandler(p, 'onInputChange', (value: unknown) => [value]);
  const { onBlur, onFocus } = eventHandlers(p);
  const { id, inputId, ...rest } = plainProps(p, HANDLERS);
  return (
    <Select
      {...(rest as object)}
      inputId={(inputId ?? id) as string | undefined}
      onChange={onChange}
      onInputChange={onInputChange}
      onBlur={onBlur}
      onFocus={onFocus}
    />
  );
}

function RadioGroupNode({ node }: { node: ForgeDoc }) {
  const { onChange } = eventHandlers(node.props);
  return <RadioGroup {...(plainProps(node.props, HANDLERS) as { options: [] })} onChange={onChange} />;
}

function RadioNode({ node }: { node: ForgeDoc }) {
  const { onChange, onBlur, onFocus } = eventHandlers(node.props);
  return <Radio {...(plainProps(node.props, HANDLERS) as object)} onChange={onChange} onBlur={onBlur} onFocus={onFocus} />;
}

function CheckboxGroupNode({ node }: { node: ForgeDoc }) {
  const p = node.props;
  const options = (Array.isArray(p.options) ? p.options : []) as Array<{ label: string; value: string; isDisabled?: boolean }>;
  const [chosen, setChosen] = useState<string[]>(Array.isArray(p.defaultValue) ? (p.defaultValue as string[]) : []);
  const value = Array.isArray(p.value) ? (p.value as string[]) : chosen;
  const onChange = useHandler(p, 'onChange', (values: string[]) => [values]);
  return (
    <Stack space="space.050">
      {options.map((o) => (
        <Checkbox
          key={o.value}
          label={o.label}
          value={o.value}
          name={typeof p.name === 'string' ? p.name : undefined}
          isChecked={value.includes(o.value)}
          isDisabled={p.isDisabled === true || o.isDisabled === true}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
            const next = event.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value);
            setChosen(next);
            onChange?.(next as never);
          }}
        />
      ))}
    </Stack>
  );
}

register({
  Button: ButtonNode,
  LoadingButton: ButtonNode,
  LinkButton: ButtonNode,
  ButtonGroup: ({ node }) => (
    <ButtonGroup label={typeof node.props.label === 'string' ? node.props.label : undefined}>{renderChildren(node.children)}</ButtonGroup>
  ),
  Textfield: Field,
  TextArea: Field,
  Toggle: ToggleNode,
  Checkbox: CheckboxNode,
  CheckboxGroup: CheckboxGroupNode,
  Select: SelectNode,
  RadioGroup: RadioGroupNode,
  Radio: RadioNode
});
