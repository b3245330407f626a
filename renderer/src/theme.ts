import { createTheme, type MantineColorsTuple, type PopoverProps } from '@mantine/core';

// A calm teal: trustworthy without the default blue every admin tool uses.
const candor: MantineColorsTuple = [
  '#e6fbf7',
  '#d2f3ec',
  '#a6e6d8',
  '#76d8c3',
  '#4fcbb1',
  '#37c3a6',
  '#27bfa0',
  '#15a88b',
  '#00957b',
  '#00826a',
];

/** Gap between a field and its open dropdown, in pixels. */
const DROPDOWN_GAP = 4;

/**
 * Where a field's dropdown goes: below the input, or above it when there is no room below. Above, it
 * clears the field's label and description too, so a dropdown never covers what it is choosing for.
 * Floating UI (under Mantine's Popover) takes a function of the placement as its offset; Mantine
 * passes any offset that is not a number straight through, though its type only names numbers.
 */
export function dropdownOffset({ placement, elements }: { placement: string; elements: { reference: unknown } }): number {
  if (!placement.startsWith('top') || !(elements.reference instanceof Element)) return DROPDOWN_GAP;
  const wrapper = elements.reference.closest('.mantine-InputWrapper-root');
  if (!wrapper) return DROPDOWN_GAP;
  const above = elements.reference.getBoundingClientRect().top - wrapper.getBoundingClientRect().top;
  return DROPDOWN_GAP + Math.max(0, above);
}

const comboboxDefaults = {
  position: 'bottom',
  offset: dropdownOffset as unknown as number,
  middlewares: { flip: true, shift: true },
  withinPortal: true,
} satisfies Partial<PopoverProps>;

export const theme = createTheme({
  primaryColor: 'candor',
  colors: { candor },
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    TextInput: { defaultProps: { autoComplete: 'off' } },
    Textarea: { defaultProps: { autosize: true, minRows: 2, maxRows: 12 } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
    // Select, MultiSelect, Autocomplete, TagsInput and the custom pickers all open through Combobox.
    Combobox: { defaultProps: comboboxDefaults },
  },
});
