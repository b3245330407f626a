// Four incidents that between them take every path of the drafts: data encrypted with the key safe (a lost
// laptop), credentials for tens of thousands of people reported late (leaked password hashes and emails), a
// processor's breach of health data with no decision taken yet, and government ID numbers of Californians
// at a company with neither a supervisory authority nor a DPO (an exposed bucket of scanned licences).
// Three are recorded against the bundled sample workspaces (resources/examples/), the fourth against the
// small workspace below. core/incidents/drafts.test.ts keeps every draft of each as a golden file.
import type { Workspace } from '../schema';
import type { Incident } from './schema';

export interface IncidentFixture {
  id: string;
  about: string;
  /** the sample workspace it belongs to, or the fixture workspace `SIERRA_RENTALS` */
  workspace: 'ridgeline' | 'little-moments' | 'sierra-rentals';
  incident: Incident;
  /** when the drafts are made */
  now: string;
}

/** A Californian e-bike rental that scans driver's licences at sign-up; only the CCPA applies. */
export const SIERRA_RENTALS: Workspace = {
  format: 'candor/workspace',
  version: 1,
  organization: {
    name: 'Sierra Rentals',
    legalName: 'Sierra Rentals, Inc.',
    address: '1200 J Street\nSacramento, CA 95814\nUnited States',
    country: 'US',
    contactEmail: 'privacy@sierrarentals.example',
    website: 'https://sierrarentals.example',
    privacyPolicyUrl: 'https://sierrarentals.example/privacy',
    requests: { phone: '1-800-555-0199' },
    jurisdictions: ['ccpa'],
    audience: { minimumAge: 18 },
  },
  purposes: [
    { id: 'rental', name: 'Rent you an e-bike', use: 'essential.service', lawfulBasis: 'contract' },
    { id: 'verify', name: 'Check that you may ride', use: 'essential.service.security', lawfulBasis: 'legal-obligation' },
  ],
  recipients: [{ id: 'aws', name: 'Amazon Web Services, Inc.', role: 'processor', description: 'Stores our files.', country: 'US' }],
  collectionPoints: [{ id: 'web-sign-up', name: 'Sign-up', platform: 'web' }],
  dataTypes: [
    {
      id: 'full-name',
      name: 'Full name',
      category: 'user.name',
      subjects: ['customer'],
      purposes: ['rental', 'verify'],
      recipients: ['aws'],
      collectedAt: ['web-sign-up'],
    },
    {
      id: 'licence-scan',
      name: "Driver's license scan",
      category: 'user.government_id.drivers_license_number',
      subjects: ['customer'],
      description: 'A photo of both sides of your driver’s license, with its number.',
      purposes: ['verify'],
      recipients: ['aws'],
      collectedAt: ['web-sign-up'],
      sensitivity: { ccpaSensitive: true },
    },
    {
      id: 'email',
      name: 'Email address',
      category: 'user.contact.email',
      purposes: ['rental'],
      recipients: ['aws'],
      collectedAt: ['web-sign-up'],
    },
    {
      id: 'phone',
      name: 'Phone number',
      category: 'user.contact.phone_number',
      purposes: ['rental'],
      recipients: ['aws'],
      collectedAt: ['web-sign-up'],
    },
  ],
  settings: {},
};

export const INCIDENT_FIXTURES: IncidentFixture[] = [
  {
    id: 'lost-laptop',
    about: 'A support laptop with full-disk encryption stolen; the key safe, so the data is unintelligible (Art 34(3)(a)).',
    workspace: 'ridgeline',
    now: '2026-11-21T11:00:00+01:00',
    incident: {
      id: 'lost-laptop',
      title: 'Support laptop stolen in Munich',
      status: 'contained',
      discoveredAt: '2026-11-20T18:45:00+01:00',
      timeZone: 'Europe/Berlin',
      occurred: { from: '2026-11-20' },
      summary:
        'A laptop used by one of our support staff was stolen from a parked car in Munich. It held copies of support messages and the email addresses of the people who wrote them.',
      kinds: ['confidentiality'],
      cause: 'Theft of a company laptop',
      dataTypes: ['support-messages', 'email-address'],
      systems: ['Support laptop'],
      people: 1200,
      records: 3400,
      residence: ['gdpr', 'uk-gdpr'],
      encrypted: true,
      keySafe: true,
      protection: 'Full-disk encryption (BitLocker, AES-256) with a TPM and a PIN, and the PIN was not written down',
      identifiability: 'high',
      severity: 'low',
      permanent: false,
      consequences: 'None expected: the disk cannot be read without the PIN.',
      actionsTaken:
        'We reported the theft to the police, blocked the laptop from our systems and signed its user out of every service.\n\nWe asked for the laptop to be wiped remotely the next time it connects.',
      actionsPlanned: 'We will remind staff not to leave laptops in cars.',
      decisions: {
        authority: {
          decision: 'do-not-notify',
          reasons:
            'The disk was encrypted with the key safe, so the breach is unlikely to result in a risk to the people concerned (EDPB Guidelines 9/2022).',
          decidedAt: '2026-11-21T10:30:00+01:00',
          decidedBy: 'Dr. Miriam Albrecht (DPO)',
        },
        people: {
          decision: 'do-not-notify',
          reasons: 'The data is unintelligible to whoever has the laptop (Art 34(3)(a)).',
          decidedAt: '2026-11-21T10:30:00+01:00',
          decidedBy: 'Dr. Miriam Albrecht (DPO)',
        },
      },
      log: [
        { at: '2026-11-20T18:45:00+01:00', text: 'The support agent reported the theft to the IT lead by phone.', by: 'Jonas Weber' },
        {
          at: '2026-11-20T19:10:00+01:00',
          text: 'Laptop blocked in device management; all sessions of its user revoked.',
          by: 'Jonas Weber',
        },
        { at: '2026-11-21T09:00:00+01:00', text: 'Police report filed.', by: 'Jonas Weber' },
      ],
    },
  },
  {
    id: 'leaked-password-hashes',
    about: 'Email addresses and password hashes copied through a flaw in the web API; reported after the 72 hours, with reasons.',
    workspace: 'little-moments',
    now: '2026-12-08T09:00:00Z',
    incident: {
      id: 'leaked-password-hashes',
      title: 'Email addresses and password hashes copied',
      status: 'open',
      discoveredAt: '2026-12-04T07:10:00Z',
      timeZone: 'Europe/Dublin',
      occurred: { from: '2026-12-02T23:00:00Z', to: '2026-12-03T04:00:00Z' },
      summary:
        'Someone used a flaw in our web service to copy the list of accounts. The list held email addresses and scrambled passwords. We saw the unusual traffic in our logs and closed the flaw.',
      kinds: ['confidentiality'],
      cause: 'An injection flaw in an account search feature of the web API',
      dataTypes: ['email-address', 'password'],
      systems: ['Web API', 'Accounts database'],
      people: 48000,
      records: 48000,
      residence: ['gdpr', 'uk-gdpr', 'ccpa'],
      residents: { ccpa: 3100 },
      encrypted: false,
      protection: 'Passwords were stored as salted bcrypt hashes (cost 12), not in clear text',
      identifiability: 'high',
      severity: 'medium',
      consequences:
        'Whoever has the list can try to guess weak passwords from the hashes and then sign in to accounts here or elsewhere, and can send convincing phishing emails.',
      actionsTaken: 'We closed the flaw. We signed everyone out and asked every user to choose a new password at the next sign-in.',
      actionsPlanned: 'An outside firm will test the web API again. We will add a check for leaked passwords at sign-up.',
      delayReasons:
        'For the first four days we could not tell whether the copied list held the password hashes or only email addresses; we confirmed it on 8 December after restoring the logs from backup.',
      lawEnforcementDelay: false,
      decisions: {
        authority: { decision: 'notify', reasons: 'Credentials of 48,000 people, including children’s parents, were copied.' },
        people: { decision: 'notify', reasons: 'People must change passwords they reused elsewhere.' },
      },
      log: [
        { at: '2026-12-04T07:10:00Z', text: 'On-call engineer confirmed unusual queries in the API logs.' },
        { at: '2026-12-04T09:30:00Z', text: 'Flaw closed and every session revoked.' },
      ],
    },
  },
  {
    id: 'processor-health-data',
    about:
      'A processor (the hosting provider) reports the copying of an encrypted backup of heart-rate data whose key was copied too; no decision yet.',
    workspace: 'ridgeline',
    now: '2026-12-03T10:00:00+01:00',
    incident: {
      id: 'processor-health-data',
      title: 'Heart-rate backup copied at the hosting provider',
      status: 'open',
      discoveredAt: '2026-12-02T16:20:00+01:00',
      timeZone: 'Europe/Berlin',
      occurred: { from: '2026-11-28', to: '2026-11-29' },
      summary:
        'Hetzner, our hosting provider, told us that an attacker used the stolen login of a Hetzner employee to copy a backup of the database that holds heart-rate data. The backup was encrypted, but its key was stored in the same place and was copied too.',
      kinds: ['confidentiality'],
      dataTypes: ['heart-rate', 'display-name', 'email-address'],
      recipients: ['hetzner'],
      people: 5300,
      records: 410000,
      residence: ['gdpr', 'uk-gdpr', 'ccpa'],
      residents: { ccpa: 140 },
      encrypted: true,
      keySafe: false,
      protection: 'AES-256 backup encryption',
      identifiability: 'high',
      severity: 'high',
      permanent: true,
      actionsTaken: 'We rotated every key and password Hetzner holds for us. Hetzner locked the employee account.',
      actionsPlanned: 'We will keep backup keys in a separate key store. We asked Hetzner for its full report.',
      log: [{ at: '2026-12-02T16:20:00+01:00', text: 'Hetzner’s security team informed us by email and phone.' }],
    },
  },
  {
    id: 'exposed-id-scans',
    about: 'A public storage bucket of driver’s license scans of Californians; the AG gets a copy; identity protection offered.',
    workspace: 'sierra-rentals',
    now: '2026-12-05T10:00:00-08:00',
    incident: {
      id: 'exposed-id-scans',
      title: 'Public bucket of license scans',
      status: 'contained',
      discoveredAt: '2026-11-29T14:05:00-08:00',
      timeZone: 'America/Los_Angeles',
      occurred: { from: '2026-10-02', to: '2026-11-29' },
      summary:
        'A storage folder with the scans of driver’s licenses that customers uploaded when they signed up could be opened by anyone who had its web address. A security researcher told us about it. Our logs show that people we do not know downloaded files from it.',
      kinds: ['confidentiality'],
      cause: 'A change to the storage settings made the folder public',
      dataTypes: ['full-name', 'licence-scan'],
      recipients: [],
      systems: ['File storage bucket'],
      people: 2140,
      records: 2140,
      residence: ['ccpa'],
      residents: { ccpa: 2140 },
      encrypted: false,
      identifiability: 'high',
      severity: 'high',
      permanent: true,
      actionsTaken:
        'We made the folder private on the day we learned of it. We checked every other storage folder. We reported the incident to the police.',
      actionsPlanned: 'Every change to storage settings will now need a second person to approve it.',
      lawEnforcementDelay: false,
      identityProtection: {
        provider: 'Brightline Identity Protection',
        months: 24,
        howToEnroll: 'Visit https://sierrarentals.example/protect and enter the code printed at the top of this letter by March 31, 2027',
      },
      decisions: {
        usStates: {
          decision: 'notify',
          reasons:
            'Names with driver’s license numbers of 2,140 California residents were acquired (Civ. Code 1798.82(h)); more than 500, so the Attorney General gets a sample copy.',
        },
      },
      log: [{ at: '2026-11-29T14:05:00-08:00', text: 'Security researcher’s email received; folder made private at 14:40.' }],
    },
  },
];
