// Shortcuts are written once in @mantine/hooks notation ("mod+shift+Z") and shown in the platform's own.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function shortcutLabel(hotkey: string): string {
  return hotkey
    .split('+')
    .map((part) => {
      const key = part.toLowerCase();
      if (key === 'mod') return isMac ? '⌘' : 'Ctrl';
      if (key === 'shift') return isMac ? '⇧' : 'Shift';
      if (key === 'alt') return isMac ? '⌥' : 'Alt';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join(isMac ? '' : '+');
}
