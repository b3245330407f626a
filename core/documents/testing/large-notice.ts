// A privacy notice the size of a large inventory (2,000 data types by default), shaped like the templates' output (summary
// table, one section per data type with lists, links and tables), for tests and measurements of the
// writers. Deterministic: the same count gives the same Markdown.
export function largeNoticeMarkdown(dataTypes = 2000): string {
  const names = Array.from(
    { length: dataTypes },
    (_, i) => `Data type ${i + 1} (${['email address', 'precise location', 'payment card', 'device identifier', 'health record'][i % 5]})`,
  );
  const parts: string[] = [
    '# Privacy notice',
    '',
    'Effective 1 March 2025. This notice explains what **Ridgeline Outdoor Ltd** collects and why.',
    '',
  ];
  parts.push('## Summary', '', '| Data type | Why we collect it | What you get | How long we keep it |', '| --- | --- | --- | --- |');
  for (const name of names) {
    parts.push(
      `| ${name} | To run your account and to [keep it secure](https://ridgeline.example/security) | You can sign in on every device and recover a lost password | For 30 days after you close your account |`,
    );
  }
  parts.push(
    '',
    '## Who we are and how to reach us',
    '',
    'Ridgeline Outdoor Ltd, 1 Quay Street, Galway, Ireland. Write to [privacy@ridgeline.example](mailto:privacy@ridgeline.example).',
    '',
  );
  parts.push('## What we collect and why', '');
  names.forEach((name, i) => {
    parts.push(
      `### ${name}`,
      '',
      `We collect your ${name.toLowerCase()} when you use the app. ${'We use it only for the purposes below, and we never sell it. '.repeat(8)}`,
      '',
      '- **Why:**',
      '  - to provide the service you asked for (performance of a contract);',
      '  - to keep your account secure (our legitimate interest in preventing fraud).',
      '- **The benefit to you:** the app works the way you expect, on every device.',
      `- **How long we keep it:** for ${(i % 12) + 1} months after you close your account.`,
      '- **Who receives it:** our hosting provider in Ireland and our support tool in the United States.',
      '- **Must you provide it?** Yes; without it we cannot create your account.',
      '',
      '| Recipient | Role | Country | Safeguard |',
      '| --- | --- | --- | --- |',
      '| Hosting Ltd | Processor | Ireland | Not needed (EEA) |',
      '| Support Inc | Processor | United States | Standard contractual clauses |',
      '',
    );
  });
  parts.push('## Your rights', '', 'You may ask for a copy of your data. See [what we collect and why](#what-we-collect-and-why).', '');
  parts.push('## Changes to this notice', '', 'We will tell you in the app before a change takes effect.', '');
  return parts.join('\n');
}
