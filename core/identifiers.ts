// The store and statute identifiers Candor may emit. Every value here is copied from
// docs/reference/formats-and-law.md (§1.2, §1.3, §2.3, §2.5, §4.3); a test counts them.

export interface AppleDataType {
  /** suffix after `NSPrivacyCollectedDataType` — the form used in workspaces */
  id: string;
  label: string;
  group: string;
}

/** Apple's 35 collected data types (formats-and-law §1.2). Note the case traps: PhotosorVideos, UserID, DeviceID. */
export const APPLE_DATA_TYPES: readonly AppleDataType[] = [
  { id: 'Name', label: 'Name', group: 'Contact Info' },
  { id: 'EmailAddress', label: 'Email Address', group: 'Contact Info' },
  { id: 'PhoneNumber', label: 'Phone Number', group: 'Contact Info' },
  { id: 'PhysicalAddress', label: 'Physical Address', group: 'Contact Info' },
  { id: 'OtherUserContactInfo', label: 'Other User Contact Info', group: 'Contact Info' },
  { id: 'Health', label: 'Health', group: 'Health & Fitness' },
  { id: 'Fitness', label: 'Fitness', group: 'Health & Fitness' },
  { id: 'PaymentInfo', label: 'Payment Info', group: 'Financial Info' },
  { id: 'CreditInfo', label: 'Credit Info', group: 'Financial Info' },
  { id: 'OtherFinancialInfo', label: 'Other Financial Info', group: 'Financial Info' },
  { id: 'PreciseLocation', label: 'Precise Location', group: 'Location' },
  { id: 'CoarseLocation', label: 'Coarse Location', group: 'Location' },
  { id: 'SensitiveInfo', label: 'Sensitive Info', group: 'Sensitive Info' },
  { id: 'Contacts', label: 'Contacts', group: 'Contacts' },
  { id: 'EmailsOrTextMessages', label: 'Emails or Text Messages', group: 'User Content' },
  { id: 'PhotosorVideos', label: 'Photos or Videos', group: 'User Content' },
  { id: 'AudioData', label: 'Audio Data', group: 'User Content' },
  { id: 'GameplayContent', label: 'Gameplay Content', group: 'User Content' },
  { id: 'CustomerSupport', label: 'Customer Support', group: 'User Content' },
  { id: 'OtherUserContent', label: 'Other User Content', group: 'User Content' },
  { id: 'BrowsingHistory', label: 'Browsing History', group: 'Browsing History' },
  { id: 'SearchHistory', label: 'Search History', group: 'Search History' },
  { id: 'UserID', label: 'User ID', group: 'Identifiers' },
  { id: 'DeviceID', label: 'Device ID', group: 'Identifiers' },
  { id: 'PurchaseHistory', label: 'Purchase History', group: 'Purchases' },
  { id: 'ProductInteraction', label: 'Product Interaction', group: 'Usage Data' },
  { id: 'AdvertisingData', label: 'Advertising Data', group: 'Usage Data' },
  { id: 'OtherUsageData', label: 'Other Usage Data', group: 'Usage Data' },
  { id: 'CrashData', label: 'Crash Data', group: 'Diagnostics' },
  { id: 'PerformanceData', label: 'Performance Data', group: 'Diagnostics' },
  { id: 'OtherDiagnosticData', label: 'Other Diagnostic Data', group: 'Diagnostics' },
  { id: 'EnvironmentScanning', label: 'Environment Scanning', group: 'Surroundings' },
  { id: 'Hands', label: 'Hands', group: 'Body' },
  { id: 'Head', label: 'Head', group: 'Body' },
  { id: 'OtherDataTypes', label: 'Other Data Types', group: 'Other Data' },
];

export const APPLE_DATA_TYPE_PREFIX = 'NSPrivacyCollectedDataType';

export interface ApplePurpose {
  id: 'AppFunctionality' | 'Analytics' | 'ProductPersonalization' | 'DeveloperAdvertising' | 'ThirdPartyAdvertising' | 'Other';
  label: string;
}

/** Apple's 6 collection purposes (formats-and-law §1.3); full identifier is `NSPrivacyCollectedDataTypePurpose` + id. */
export const APPLE_PURPOSES: readonly ApplePurpose[] = [
  { id: 'AppFunctionality', label: 'App Functionality' },
  { id: 'Analytics', label: 'Analytics' },
  { id: 'ProductPersonalization', label: 'Product Personalization' },
  { id: 'DeveloperAdvertising', label: "Developer's Advertising or Marketing" },
  { id: 'ThirdPartyAdvertising', label: 'Third-Party Advertising' },
  { id: 'Other', label: 'Other Purposes' },
];

export const APPLE_PURPOSE_PREFIX = 'NSPrivacyCollectedDataTypePurpose';

export interface PlayDataType {
  /** Response ID in the Data safety CSV */
  id: string;
  /** Question ID (the Play category) */
  question: string;
  category: string;
  label: string;
}

/** Google Play's 38 data types (formats-and-law §2.3), in the CSV template's row order. */
export const PLAY_DATA_TYPES: readonly PlayDataType[] = [
  { id: 'PSL_NAME', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Name' },
  { id: 'PSL_EMAIL', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Email address' },
  { id: 'PSL_USER_ACCOUNT', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'User IDs' },
  { id: 'PSL_ADDRESS', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Address' },
  { id: 'PSL_PHONE', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Phone number' },
  { id: 'PSL_RACE_ETHNICITY', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Race and ethnicity' },
  {
    id: 'PSL_POLITICAL_RELIGIOUS',
    question: 'PSL_DATA_TYPES_PERSONAL',
    category: 'Personal info',
    label: 'Political or religious beliefs',
  },
  {
    id: 'PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY',
    question: 'PSL_DATA_TYPES_PERSONAL',
    category: 'Personal info',
    label: 'Sexual orientation',
  },
  { id: 'PSL_OTHER_PERSONAL', question: 'PSL_DATA_TYPES_PERSONAL', category: 'Personal info', label: 'Other info' },
  {
    id: 'PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER',
    question: 'PSL_DATA_TYPES_FINANCIAL',
    category: 'Financial info',
    label: 'User payment info',
  },
  { id: 'PSL_PURCHASE_HISTORY', question: 'PSL_DATA_TYPES_FINANCIAL', category: 'Financial info', label: 'Purchase history' },
  { id: 'PSL_CREDIT_SCORE', question: 'PSL_DATA_TYPES_FINANCIAL', category: 'Financial info', label: 'Credit score' },
  { id: 'PSL_OTHER', question: 'PSL_DATA_TYPES_FINANCIAL', category: 'Financial info', label: 'Other financial info' },
  { id: 'PSL_APPROX_LOCATION', question: 'PSL_DATA_TYPES_LOCATION', category: 'Location', label: 'Approximate location' },
  { id: 'PSL_PRECISE_LOCATION', question: 'PSL_DATA_TYPES_LOCATION', category: 'Location', label: 'Precise location' },
  {
    id: 'PSL_WEB_BROWSING_HISTORY',
    question: 'PSL_DATA_TYPES_SEARCH_AND_BROWSING',
    category: 'Web browsing',
    label: 'Web browsing history',
  },
  { id: 'PSL_EMAILS', question: 'PSL_DATA_TYPES_EMAIL_AND_TEXT', category: 'Messages', label: 'Emails' },
  { id: 'PSL_SMS_CALL_LOG', question: 'PSL_DATA_TYPES_EMAIL_AND_TEXT', category: 'Messages', label: 'SMS or MMS' },
  { id: 'PSL_OTHER_MESSAGES', question: 'PSL_DATA_TYPES_EMAIL_AND_TEXT', category: 'Messages', label: 'Other in-app messages' },
  { id: 'PSL_PHOTOS', question: 'PSL_DATA_TYPES_PHOTOS_AND_VIDEOS', category: 'Photos and videos', label: 'Photos' },
  { id: 'PSL_VIDEOS', question: 'PSL_DATA_TYPES_PHOTOS_AND_VIDEOS', category: 'Photos and videos', label: 'Videos' },
  { id: 'PSL_AUDIO', question: 'PSL_DATA_TYPES_AUDIO', category: 'Audio files', label: 'Voice or sound recordings' },
  { id: 'PSL_MUSIC', question: 'PSL_DATA_TYPES_AUDIO', category: 'Audio files', label: 'Music files' },
  { id: 'PSL_OTHER_AUDIO', question: 'PSL_DATA_TYPES_AUDIO', category: 'Audio files', label: 'Other audio files' },
  { id: 'PSL_HEALTH', question: 'PSL_DATA_TYPES_HEALTH_AND_FITNESS', category: 'Health and fitness', label: 'Health info' },
  { id: 'PSL_FITNESS', question: 'PSL_DATA_TYPES_HEALTH_AND_FITNESS', category: 'Health and fitness', label: 'Fitness info' },
  { id: 'PSL_CONTACTS', question: 'PSL_DATA_TYPES_CONTACTS', category: 'Contacts', label: 'Contacts' },
  { id: 'PSL_CALENDAR', question: 'PSL_DATA_TYPES_CALENDAR', category: 'Calendar', label: 'Calendar events' },
  { id: 'PSL_CRASH_LOGS', question: 'PSL_DATA_TYPES_APP_PERFORMANCE', category: 'App info and performance', label: 'Crash logs' },
  {
    id: 'PSL_PERFORMANCE_DIAGNOSTICS',
    question: 'PSL_DATA_TYPES_APP_PERFORMANCE',
    category: 'App info and performance',
    label: 'Diagnostics',
  },
  {
    id: 'PSL_OTHER_PERFORMANCE',
    question: 'PSL_DATA_TYPES_APP_PERFORMANCE',
    category: 'App info and performance',
    label: 'Other app performance data',
  },
  { id: 'PSL_FILES_AND_DOCS', question: 'PSL_DATA_TYPES_FILES_AND_DOCS', category: 'Files and docs', label: 'Files and docs' },
  { id: 'PSL_USER_INTERACTION', question: 'PSL_DATA_TYPES_APP_ACTIVITY', category: 'App activity', label: 'App interactions' },
  { id: 'PSL_IN_APP_SEARCH_HISTORY', question: 'PSL_DATA_TYPES_APP_ACTIVITY', category: 'App activity', label: 'In-app search history' },
  { id: 'PSL_APPS_ON_DEVICE', question: 'PSL_DATA_TYPES_APP_ACTIVITY', category: 'App activity', label: 'Installed apps' },
  {
    id: 'PSL_USER_GENERATED_CONTENT',
    question: 'PSL_DATA_TYPES_APP_ACTIVITY',
    category: 'App activity',
    label: 'Other user-generated content',
  },
  { id: 'PSL_OTHER_APP_ACTIVITY', question: 'PSL_DATA_TYPES_APP_ACTIVITY', category: 'App activity', label: 'Other actions' },
  { id: 'PSL_DEVICE_ID', question: 'PSL_DATA_TYPES_IDENTIFIERS', category: 'Device or other IDs', label: 'Device or other IDs' },
];

export interface PlayPurpose {
  id:
    | 'PSL_APP_FUNCTIONALITY'
    | 'PSL_ANALYTICS'
    | 'PSL_DEVELOPER_COMMUNICATIONS'
    | 'PSL_FRAUD_PREVENTION_SECURITY'
    | 'PSL_ADVERTISING'
    | 'PSL_PERSONALIZATION'
    | 'PSL_ACCOUNT_MANAGEMENT';
  label: string;
}

/** Google Play's 7 purposes (formats-and-law §2.5). */
export const PLAY_PURPOSES: readonly PlayPurpose[] = [
  { id: 'PSL_APP_FUNCTIONALITY', label: 'App functionality' },
  { id: 'PSL_ANALYTICS', label: 'Analytics' },
  { id: 'PSL_DEVELOPER_COMMUNICATIONS', label: 'Developer communications' },
  { id: 'PSL_FRAUD_PREVENTION_SECURITY', label: 'Fraud prevention, security, and compliance' },
  { id: 'PSL_ADVERTISING', label: 'Advertising or marketing' },
  { id: 'PSL_PERSONALIZATION', label: 'Personalization' },
  { id: 'PSL_ACCOUNT_MANAGEMENT', label: 'Account management' },
];

/** Account-creation answers of the Data safety form (formats-and-law §2.2). */
export const PLAY_ACCOUNT_CREATION = [
  { id: 'PSL_ACM_USER_ID_PASSWORD', label: 'Username and password' },
  { id: 'PSL_ACM_USER_ID_OTHER_AUTH', label: 'Username and other authentication' },
  { id: 'PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH', label: 'Username, password, and other authentication' },
  { id: 'PSL_ACM_OAUTH', label: 'OAuth' },
  { id: 'PSL_ACM_OTHER', label: 'Other' },
  { id: 'PSL_ACM_NONE', label: 'My app does not allow users to create an account' },
] as const;

/** CCPA personal-information categories, Cal. Civ. Code §1798.140(v)(1)(A)–(L) (formats-and-law §4.3). */
export const CCPA_CATEGORIES = [
  { id: 'identifiers', code: 'A', label: 'Identifiers' },
  { id: 'customer-records', code: 'B', label: 'Customer records (Cal. Civ. Code §1798.80(e))' },
  { id: 'protected-classifications', code: 'C', label: 'Characteristics of protected classifications' },
  { id: 'commercial', code: 'D', label: 'Commercial information' },
  { id: 'biometric', code: 'E', label: 'Biometric information' },
  { id: 'internet-activity', code: 'F', label: 'Internet or other electronic network activity' },
  { id: 'geolocation', code: 'G', label: 'Geolocation data' },
  { id: 'sensory', code: 'H', label: 'Audio, electronic, visual, thermal, olfactory, or similar information' },
  { id: 'professional', code: 'I', label: 'Professional or employment-related information' },
  { id: 'education', code: 'J', label: 'Education information' },
  { id: 'inferences', code: 'K', label: 'Inferences drawn to create a profile' },
  // Personal information is defined "including, but not limited to" the listed categories (§1798.140(v)(1)):
  // what a person writes (notes, posts, messages to us) fits none of A-K and is listed as what it is.
  { id: 'other', code: '', label: 'Other personal information' },
  { id: 'sensitive', code: 'L', label: 'Sensitive personal information' },
] as const;

export type CcpaCategoryId = (typeof CCPA_CATEGORIES)[number]['id'];

export const APPLE_DATA_TYPE_IDS = APPLE_DATA_TYPES.map((t) => t.id);
export const APPLE_PURPOSE_IDS = APPLE_PURPOSES.map((p) => p.id);
export const PLAY_DATA_TYPE_IDS = PLAY_DATA_TYPES.map((t) => t.id);
export const PLAY_PURPOSE_IDS = PLAY_PURPOSES.map((p) => p.id);
export const CCPA_CATEGORY_IDS = CCPA_CATEGORIES.map((c) => c.id);
