// Rules about recipients: where they process data, how transfers are protected, and their role.
import { countryInText } from '../countries';
import { assessTransfers, SAFEGUARD_LABELS, type TransferAssessment, type TransferProblem } from '../transfers';
import { q, transferArea, type RecipientFacts, type WorkspaceFacts } from './facts';
import type { RuleDefinition } from './types';

const LAW = { gdpr: 'the GDPR', 'uk-gdpr': 'the UK GDPR' } as const;
const OPTIONS = {
  gdpr: 'the EU standard contractual clauses, binding corporate rules, an approved code or certification, or an Art 49 derogation',
  'uk-gdpr':
    'the UK International Data Transfer Agreement, the UK Addendum to the EU clauses, binding corporate rules, an approved code or certification, or an Art 49 derogation',
} as const;

/**
 * One finding per recipient and stored field that has the problem, naming the regimes it concerns (a
 * recipient whose one `transferSafeguard` fails under both the GDPR and the UK GDPR gets one finding).
 */
function transferFindings({ gdpr, ukGdpr, recipients }: WorkspaceFacts, problem: TransferProblem) {
  return recipients.flatMap((r) => {
    const { eu, uk } = assessTransfers(r.recipient, { gdpr, ukGdpr });
    const failing = [eu, uk].filter((a): a is TransferAssessment => a?.problem === problem);
    const fields = [...new Set(failing.map((a) => a.field))];
    return fields.map((field) => {
      const these = failing.filter((a) => a.field === field);
      const path = problem === 'derogation-unnamed' ? `${r.at}.transferDerogation` : `${r.at}.${field}`;
      return { path, message: transferMessage(r, these, problem) };
    });
  });
}

function transferMessage(r: RecipientFacts, failing: TransferAssessment[], problem: TransferProblem): string {
  const name = q(r.name);
  const where = countryInText(failing[0].country);
  const laws = failing.map((a) => LAW[a.regime]).join(' and ');
  const options = failing.map((a) => OPTIONS[a.regime]).join('; under the UK GDPR: ');
  const choose = `Choose the mechanism that protects it under ${failing.length > 1 ? 'the GDPR' : laws}: ${options}.`;
  const area = transferArea({ eu: failing.some((a) => a.regime === 'gdpr'), uk: failing.some((a) => a.regime === 'uk-gdpr') });
  switch (problem) {
    case 'adequacy-claimed': {
      // A pending decision (Brazil) has its own note; the plain "has no decision" is said once here.
      const notes = failing.map((a) => a.adequacy.reason ?? '').filter((reason) => reason && !reason.includes(' has no '));
      return `${name} is marked as covered by an adequacy decision, but ${where} has none under ${laws} (adequacy lists checked ${failing[0].adequacy.source.checked}).${notes.length ? ` ${notes.join(' ')}` : ''} ${choose}`;
    }
    case 'adequacy-without-certification': {
      const frameworks = failing.map((a) => a.adequacy.certification!.name).join(' and the ');
      return `${name} is marked as covered by an adequacy decision, but the decision for ${where} covers only organisations certified under the ${frameworks}, and ${name} is not recorded as certified. Say whether it is certified (the list is at ${failing[0].adequacy.certification!.url}), or choose another mechanism.`;
    }
    case 'derogation-unnamed':
      return `The transfer to ${name} in ${where} relies on an Art 49 derogation without saying which. Choose the ground it relies on (explicit consent, a contract with or in the interest of the person, public interest, legal claims, vital interests, a public register), so the notice can name it.`;
    case 'no-mechanism': {
      const a = failing[0];
      // The certification hint helps only when nothing usable is recorded, not when a wrong instrument is.
      const us =
        a.adequacy.certification && (a.stored === undefined || a.stored === 'none')
          ? ` The adequacy decision for ${where} covers only organisations certified under the ${a.adequacy.certification.name}: if ${name} is certified, say so; otherwise choose a mechanism.`
          : '';
      let problemText = `no transfer mechanism is set`;
      if (a.stored === 'none') problemText = 'its transfer mechanism is "none", and a transfer without one is not allowed';
      else if (a.stored === 'idta' || a.stored === 'uk-addendum')
        problemText = `the ${SAFEGUARD_LABELS[a.stored]} covers only transfers under the UK GDPR (set it as the mechanism for UK transfers)`;
      else if (a.stored === 'sccs')
        problemText =
          'the EU standard contractual clauses alone do not cover a transfer under the UK GDPR (the UK accepts them only with its Addendum)';
      const noDecision = a.adequacy.certification ? '' : `, which has no adequacy decision under ${laws}`;
      return `${name} processes data in ${where}, outside ${area}${noDecision}, and ${problemText}.${us} ${choose}`;
    }
  }
}

export const recipientRules: RuleDefinition[] = [
  {
    id: 'transfer-without-safeguard',
    severity: 'error',
    group: 'recipients',
    title: 'Transfer outside the EEA/UK without a mechanism',
    description:
      'A recipient outside the EEA (GDPR) or outside the UK and the EEA (UK GDPR) in a country without an adequacy decision (resources/adequacy.json; for the United States, without Data Privacy Framework certification) needs a mechanism the regime recognises, named in the notice (Art 13(1)(f), Chapter V): the EU standard contractual clauses for the GDPR, the UK IDTA or the UK Addendum for the UK GDPR, binding corporate rules, an approved code or certification, or an Art 49 derogation. "None", a UK instrument for an EU transfer and the EU clauses alone for a UK transfer are reported too. Applies under the GDPR and the UK GDPR.',
    check: (facts) => transferFindings(facts, 'no-mechanism'),
  },
  {
    id: 'adequacy-claimed-without-decision',
    severity: 'error',
    group: 'recipients',
    title: 'Adequacy claimed where there is none',
    description:
      'Whether a country is adequate comes from the EU and UK adequacy lists (resources/adequacy.json, with their sources and dates), not from the workspace: a recipient marked "adequacy" in a country neither list covers would make the notice claim an adequacy decision that does not exist (Art 13(1)(f), 45). Applies under the GDPR and the UK GDPR.',
    check: (facts) => transferFindings(facts, 'adequacy-claimed'),
  },
  {
    id: 'adequacy-without-certification',
    severity: 'error',
    group: 'recipients',
    title: 'United States recipient marked adequate without certification',
    description:
      'The EU adequacy decision for the United States (10 July 2023) covers only organisations certified under the EU-US Data Privacy Framework, and the UK regulations only those that also joined its UK Extension: a US recipient marked "adequacy" must be recorded as certified for each regime that applies (Art 45). Applies under the GDPR and the UK GDPR.',
    check: (facts) => transferFindings(facts, 'adequacy-without-certification'),
  },
  {
    id: 'transfer-derogation-unnamed',
    severity: 'error',
    group: 'recipients',
    title: 'Art 49 derogation without its ground',
    description:
      'A transfer relying on a derogation for a specific situation must say which one (Art 49(1)(a)-(g): explicit consent, a contract with or in the interest of the person, public interest, legal claims, vital interests, a public register), so the notice can name it. Applies under the GDPR and the UK GDPR.',
    check: (facts) => transferFindings(facts, 'derogation-unnamed'),
  },
  {
    id: 'recipient-role-missing',
    severity: 'warning',
    group: 'recipients',
    title: 'Recipient without a role',
    description:
      'The notice groups recipients by role (service providers, controllers, joint controllers, public authorities), the CCPA privacy policy lists the categories of third parties, and Google Play counts data given to anyone but a processor as shared. Applies in every jurisdiction that calls for a notice, and to a recipient of data declared to Google Play.',
    check: ({ recipients, dataTypes, notice }) =>
      recipients
        .filter((r) => !r.recipient.role && (notice || r.usedBy.some((i) => dataTypes[i].declaredToPlay)))
        .map((r) => ({
          path: `${r.at}.role`,
          message: `Say what role ${q(r.name)} plays: processor (acts only on your instructions), controller, joint controller or public authority. The notice groups recipients by role, and Google Play counts data given to anyone but a processor as shared.`,
        })),
  },
  {
    id: 'recipient-country-unknown',
    severity: 'info',
    group: 'recipients',
    title: 'Processor without a country',
    description:
      'A processor works where you have agreed with it, so its country is known; without it the notice cannot say whether data leaves the EEA or the UK. Applies under the GDPR and the UK GDPR.',
    check: ({ europe, recipients }) =>
      !europe
        ? []
        : recipients
            .filter((r) => r.recipient.role === 'processor' && !r.recipient.country)
            .map((r) => ({
              path: `${r.at}.country`,
              message: `Add the country where ${q(r.name)} processes the data, so the notice can say whether it leaves the EEA or the UK and how that transfer is protected.`,
            })),
  },
];
