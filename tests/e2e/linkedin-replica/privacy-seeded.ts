// A member's data seeded into LinkedIn-like settings pages, inside the settings area as much as
// around it: what a page capture must never hold (scenario `privacy-seeded`, and the unit tests in
// tests/unit/capture/privacy.test.ts, which load the same pages). Self-contained: the pages are
// whole documents, not the replica's settings app.

/** Every value the member's data is made of. A capture holding any of them, or any 4-digit run of one, leaks. */
export const SEEDED = {
  names: {
    full: 'Alexandra Replica-Müller',
    short: 'Bo Li',
    first: 'Alex',
    cyrillic: 'Алексей Иванов',
    japanese: '山田太郎',
  },
  emails: [
    'alexandra.replica@example.org',
    'bo.li [at] example.net',
    'alexandra(at)replica(dot)example',
    'mail@bo-li.example',
  ],
  phones: [
    '+49 170 1234567',
    '(415) 555-0134',
    '0170-1234567',
    '+44 20 7946 0958',
    '415.555.0199',
    '+81 3-1234-5678',
    '+49 *** *** 4567',
  ],
  profiles: [
    'https://www.linkedin.com/in/alexreplica-4242/',
    'linkedin.com/in/bo-li-7788',
    'in/alexreplica',
    '@alexreplica',
  ],
  post: 'Just ran my first marathon in Munich with my daughter Emma!',
  addresses: ['Hauptstraße 12, 80331 München', 'Москва, ул. Тверская, д. 7, кв. 15', '東京都千代田区千代田1-1-9'],
  numbers: {
    id: 'L01X00T47',
    passport: 'C4RJ06PZ1',
    tax: '12 345 678 903',
    ssn: '078-05-1120',
    card: 'Card ending 4242',
    cardNumber: '4111 1111 1111 1111',
    iban: 'DE89 3704 0044 0532 0130 00',
    ibanCompact: 'GB82WEST12345698765432',
    birthDate: '1985-04-12',
  },
  demographics: ['Woman', 'Gay', 'Deaf or hard of hearing', 'Asian', 'Hispanic or Latino'],
  ids: ['profile-alex-replica-4242', 'alexReplica', 'alex-replica-4242'],
  checkpointToken: 'AQFtKx9v2Lw8ZcR4242hJ',
} as const;

/** Every seeded value, flat. */
export const seededValues = (): string[] => {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(SEEDED);
  return out;
};

/** What must be absent: every seeded value and every run of four or more digits in one. */
export const forbidden = (): string[] => {
  const values = seededValues();
  return [
    ...new Set([
      ...values,
      ...values.flatMap((v) => v.replace(/[\s.-]/g, '').match(/\d{4,}/g) ?? []),
      ...values.flatMap((v) => v.match(/\d{4,}/g) ?? []),
    ]),
  ];
};

/** Seeded values a switch's own label carries: offered to the member on the review page, never in the capture. */
export const SEEDED_IN_SWITCH_LABELS = [
  SEEDED.names.full,
  SEEDED.names.short,
  SEEDED.names.japanese,
  SEEDED.names.cyrillic,
  'Gay',
  'Deaf or hard of hearing',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const { names, emails, phones, profiles, post, addresses, numbers } = SEEDED;

export const SEEDED_PATHS = {
  ai: '/mypreferences/d/settings/data-for-ai-improvement',
  demographics: '/mypreferences/d/settings/demographic-info',
  checkpoint: `/checkpoint/challenge/${SEEDED.checkpointToken}`,
} as const;

const meMenu =
  `<div id="meMenuV2WideComponentRef" aria-label="${esc(names.full)}">` +
  `<img class="global-nav__me-photo" alt="${esc(names.full)}" src="data:,"></div>`;

/** The signed-in frame: LinkedIn's me-menu with the member's photo and name, a profile card and a post. */
const frame = (avatar: boolean) => `<header class="global-nav">
  ${avatar ? meMenu : ''}
</header>
<aside class="profile-card" data-member="${esc(names.full)}"><h2>${esc(names.full)}</h2><p>${esc(emails[0])}</p></aside>
<div role="article"><p>${esc(post)}</p></div>`;

const page = (lang: string, title: string, body: string) =>
  `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n` +
  `<body>\n${body}\n</body></html>\n`;

/** The AI setting's page with the switch identified by its hook, in `on`, and the member's data inside `main`. */
export function seededSettingsPage(on: boolean): string {
  return page(
    'en',
    'Data for Generative AI Improvement | LinkedIn',
    `${frame(true)}
<main id="main" role="main" data-urn="urn:li:member:4242">
  <section class="artdeco-card" id="${SEEDED.ids[0]}" data-member-name="${esc(names.full)}">
    <h1>Data for Generative AI Improvement</h1>
    <h2>${esc(names.full)}</h2>
    <p>Hi ${esc(names.first)}! Signed in as ${esc(names.full)}
      (${esc(emails[0])}, ${esc(emails[1])}, ${esc(emails[2])}).</p>
    <p aria-label="${esc(names.cyrillic)}" aria-description="4155550134" aria-roledescription="0170-1234567">
      Call ${phones.map(esc).join(' or ')}</p>
    <p>Profile: <a href="${profiles[0]}?trk=4242">${esc(profiles[0])}</a>, ${esc(profiles[1])}, ${esc(profiles[2])},
      ${esc(profiles[3])}, <a href="mailto:${emails[3]}">${esc(emails[3])}</a></p>
    <div class="feed-shared-update-v2" aria-label="${SEEDED.ids[2]}"><span>${esc(post)}</span></div>
    <ul><li>${esc(addresses[0])}</li><li>${esc(addresses[1])}</li><li>${esc(addresses[2])}</li></ul>
    <dl><dt>ID</dt><dd>${numbers.id}</dd><dt>Passport</dt><dd>${numbers.passport}</dd>
      <dt>Tax</dt><dd>${numbers.tax} / ${numbers.ssn}</dd>
      <dt>Payment</dt><dd>${esc(numbers.card)} (${numbers.cardNumber}),
        IBAN ${numbers.iban}, ${numbers.ibanCompact}</dd></dl>
    <div class="settings-toggle-row">
      <p id="allowDataForGenerativeAI">Use my data for training content creation AI models</p>
      <input id="ember241" class="artdeco-toggle__button" role="switch" type="checkbox"
        aria-labelledby="allowDataForGenerativeAI"${on ? ' checked' : ''}>
      <label for="ember241" aria-hidden="true">${on ? 'On' : 'Off'}</label>
    </div>
    <label for="${SEEDED.ids[1]}">Show ${esc(names.short)}’s activity</label>
    <input type="checkbox" id="${SEEDED.ids[1]}" name="follow" checked>
  </section>
  <section class="member-card">
    <h3>${esc(names.japanese)}</h3>
    <input type="checkbox" role="switch" aria-label="${esc(names.cyrillic)}" id="${SEEDED.ids[2]}" checked>
  </section>
</main>`,
  );
}

/**
 * A demographics form, no avatar to learn the name from ("Hi Alex"), the member's answers checked;
 * below it, an address 48 sections deep (a browser hands back about 100 levels of nesting).
 */
export function seededDemographicsPage(): string {
  const radio = (name: string, value: string, checked: boolean) =>
    `<label><input type="radio" name="${name}"${checked ? ' checked' : ''}> ${esc(value)}</label>`;
  const box = (value: string, checked: boolean) =>
    `<label><input type="checkbox"${checked ? ' checked' : ''}> ${esc(value)}</label>`;
  return page(
    'en',
    'Demographic info | LinkedIn',
    `${frame(false)}
<main role="main">
  <section>
    <h1>Hi ${esc(names.first)}, tell us about yourself</h1>
    <form>
      <fieldset><legend>Gender</legend>${radio('gender', 'Man', false)}${radio('gender', 'Woman', true)}</fieldset>
      <fieldset><legend>Sexual orientation</legend>${box('Gay', true)}${box('Straight', false)}</fieldset>
      <fieldset><legend>Disability</legend>${box('Deaf or hard of hearing', true)}</fieldset>
      <label>Ethnicity <select><option>White</option><option selected>Asian</option></select></label>
      <div role="checkbox" aria-checked="true" tabindex="0">Hispanic or Latino</div>
      <label>Date of birth <input type="text" value="${SEEDED.numbers.birthDate}"> (${SEEDED.numbers.birthDate})</label>
    </form>
    ${'<section>'.repeat(48)}<p>${esc(addresses[1])}</p>${'</section>'.repeat(48)}
  </section>
</main>`,
  );
}

/** LinkedIn's security check, its challenge token in the address and the member's phone on the page. */
export function seededCheckpointPage(): string {
  return page(
    'en',
    'Security Verification | LinkedIn',
    `<main role="main">
  <h1>Let’s do a quick security check, ${esc(names.first)}</h1>
  <p>We sent a code to ${esc(phones[1])} and ${esc(emails[0])}.</p>
  <form action="/checkpoint/challenge/verify" method="post">
    <input type="hidden" name="challengeId" value="${SEEDED.checkpointToken}">
    <label for="pin">Enter code</label><input id="pin" name="pin" type="text">
    <input type="password" name="session_password">
  </form>
</main>`,
  );
}

/** The seeded page LinkedIn would serve at a path, or undefined for any other path. */
export function seededPage(path: string, aiOn: boolean): string | undefined {
  if (path === SEEDED_PATHS.ai) return seededSettingsPage(aiOn);
  if (path === SEEDED_PATHS.demographics) return seededDemographicsPage();
  if (path === SEEDED_PATHS.checkpoint) return seededCheckpointPage();
}
