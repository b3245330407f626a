// Country codes and names (ISO 3166-1 alpha-2) from i18n-iso-countries, English names only.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

// The library's official names read stiffly in running text ("Taiwan, Province of China",
// "United States of America"); these are the names people use.
const COMMON_NAMES: Record<string, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  KR: 'South Korea',
  KP: 'North Korea',
  IR: 'Iran',
  RU: 'Russia',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  SY: 'Syria',
  MD: 'Moldova',
  VA: 'Vatican City',
  LA: 'Laos',
};

// Names that take "the" in a sentence ("processed in the United States").
const WITH_ARTICLE = new Set(['US', 'GB', 'NL', 'AE', 'PH', 'BS', 'GM', 'MV', 'MH', 'SB', 'CD', 'CG', 'DO', 'CF', 'KY', 'VG', 'VI', 'FO']);

/** The country's English name ("India" for IN); the code itself if unknown. */
export function countryName(code: string): string {
  return COMMON_NAMES[code] ?? countries.getName(code, 'en') ?? code;
}

/** The name as it reads inside a sentence: "the United States", "India". */
export function countryInText(code: string): string {
  const name = countryName(code);
  return WITH_ARTICLE.has(code) ? `the ${name}` : name;
}

/** EU member states plus Iceland, Liechtenstein and Norway. */
export const EEA = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
]);

export function isInEeaOrUk(code: string): boolean {
  return EEA.has(code) || code === 'GB';
}
