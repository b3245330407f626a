import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
  },
});
