// @vitest-environment jsdom
// An open dropdown never covers its own field's label: below the input it keeps a small gap; flipped
// above, it clears the label and description as well.
import { describe, expect, it } from 'vitest';
import { dropdownOffset, theme } from './theme';

function field(labelHeight: number) {
  const wrapper = document.createElement('div');
  wrapper.className = 'mantine-InputWrapper-root';
  const input = document.createElement('input');
  wrapper.append(input);
  wrapper.getBoundingClientRect = () => ({ top: 100 }) as DOMRect;
  input.getBoundingClientRect = () => ({ top: 100 + labelHeight }) as DOMRect;
  return input;
}

describe('dropdownOffset', () => {
  it('keeps a small gap below the input', () => {
    expect(dropdownOffset({ placement: 'bottom', elements: { reference: field(42) } })).toBe(4);
    expect(dropdownOffset({ placement: 'bottom-start', elements: { reference: field(42) } })).toBe(4);
  });

  it('above the input, clears the label and description too', () => {
    expect(dropdownOffset({ placement: 'top', elements: { reference: field(42) } })).toBe(46);
    expect(dropdownOffset({ placement: 'top-end', elements: { reference: field(0) } })).toBe(4);
  });

  it('keeps the small gap for a field outside an input wrapper', () => {
    expect(dropdownOffset({ placement: 'top', elements: { reference: document.createElement('input') } })).toBe(4);
  });

  it('is the default of every combobox (Select, MultiSelect and the custom pickers), opening below with flip', () => {
    const defaults = theme.components?.Combobox?.defaultProps as Record<string, unknown>;
    expect(defaults.offset).toBe(dropdownOffset);
    expect(defaults.position).toBe('bottom');
    expect(defaults.middlewares).toEqual({ flip: true, shift: true });
  });
});
