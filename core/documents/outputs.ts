// The outputs `candor build` writes, by group; kept apart from the generators so the command line's
// help can list them without loading them.
export const OUTPUT_GROUPS = {
  'privacy-notice': 'privacy-notice.md, .html, .docx',
  'notice-at-collection': 'notice-at-collection.md, .html, .docx (when the workspace includes CCPA)',
  'in-app': 'in-app.json, in-app.md',
  ios: 'ios/InfoPlist.strings, ios/InfoPlist.xcstrings',
  android: 'android/strings.xml',
  apple: 'apple/PrivacyInfo.xcprivacy, apple/app-privacy-answers.md',
  'google-play': 'google-play/data-safety.csv',
  ropa: 'ropa/ropa.csv, ropa/ropa.xlsx, ropa/ropa.docx',
} as const;

export type OutputGroup = keyof typeof OUTPUT_GROUPS;
export const OUTPUT_GROUP_IDS = Object.keys(OUTPUT_GROUPS) as OutputGroup[];
