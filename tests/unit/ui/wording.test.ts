import { describe, expect, it } from 'vitest';
import { loadMessages } from './helpers';

/**
 * Switching a setting off and objecting with LinkedIn's form are different acts. A member told
 * "Widersprochen" after the switch thinks the objection is done. Each locale's word for objecting
 * may appear only in messages about the form; the switch has its own verb.
 */
const OBJECT_WORD: Record<string, RegExp> = {
  en: /\bobject(s|ing|ion)?\b/i,
  de: /widersp?r(u|i|a|o)ch/i,
  fr: /oppos/i,
  es: /oposici|\bopon|opones/i,
  it: /oppo(n|s|rt)/i,
  nl: /bezwaar/i,
  pt_BR: /\bop(or|õe|osi)/i,
  pl: /sprzeciw/i,
};

/** The form's own word: a message naming the form may name objecting too (e.g. a policy event about it). */
const FORM_WORD: Record<string, RegExp> = {
  en: /\bform\b/i,
  de: /formular/i,
  fr: /formulaire/i,
  es: /formulario/i,
  it: /modulo/i,
  nl: /formulier/i,
  pt_BR: /formulário/i,
  pl: /formularz/i,
};

/** Messages about the objection form, where the word belongs. */
const FORM_KEYS = ['step_objection_form_name', 'objection_adds', 'todo_objection_why', 'walk_objection_title'];
const aboutTheForm = (key: string) =>
  key.startsWith('step_objection_form_') ||
  key.startsWith('objection_') ||
  key.startsWith('walk_objection_') ||
  key === 'todo_objection_why' ||
  key === 'link_objection_guide';

/** Messages about the switch, which must use the locale's switch verb. */
const SWITCH_WORD: Record<string, RegExp> = {
  en: /\b(off|switch|opt out)/i, // "Opt out" is the English button's name for switching off
  de: /aus(ge)?schalt|^aus\b/i,
  fr: /désactiv/i,
  es: /desactiv/i,
  it: /disattiv/i,
  nl: /\buit(gezet|zetten)?\b/i,
  pt_BR: /desativ/i,
  pl: /wyłącz/i,
};
const SWITCH_KEYS = [
  'btn_run_recommended',
  'btn_run_everything',
  'btn_run_custom',
  'outcome_verified',
  'kind_read_off',
  'head_all_off_verified',
  'head_some_off',
  'badge_private',
  'scope_everything_label',
];

describe.each(Object.keys(OBJECT_WORD))('%s: "switch off" and "object" stay apart', (locale) => {
  const messages = loadMessages(locale);

  it('the word for objecting appears only in messages about the objection form, or naming it', () => {
    const misplaced = Object.entries(messages)
      .filter(
        ([key, { message }]) =>
          !aboutTheForm(key) && !FORM_WORD[locale]!.test(message) && OBJECT_WORD[locale]!.test(message),
      )
      .map(([key, { message }]) => `${key}: ${message}`);
    expect(misplaced).toEqual([]);
  });

  it('the objection form is called an objection', () => {
    for (const key of FORM_KEYS) expect(messages[key]!.message, key).toMatch(OBJECT_WORD[locale]!);
  });

  it('the switch is switched off, in the switch’s own words', () => {
    for (const key of SWITCH_KEYS) {
      expect(messages[key]!.message, key).toMatch(SWITCH_WORD[locale]!);
      expect(messages[key]!.message, key).not.toMatch(OBJECT_WORD[locale]!);
    }
  });
});

describe('German: the switch is "ausschalten", not an English opt-out either', () => {
  it('no German message outside the extension’s name says "Opt-out"', () => {
    const german = Object.entries(loadMessages('de')).filter(
      ([key, { message }]) => key !== 'extName' && /opt-?out/i.test(message),
    );
    expect(german.map(([key]) => key)).toEqual([]);
  });
});
