import { describe, expect, it } from 'vitest';
import { pageLabel } from '../../../src/catalogue-query/page-label';
import { settingById } from '../../../src/catalogue-query/setting';

const setting = (id: string) => settingById(id)!;

describe('pageLabel: the name the guide quotes, as the page shows it', () => {
  it('takes the switch text in the page language', () => {
    expect(pageLabel(setting('ai-training'), 'de')).toBe(
      'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen',
    );
    expect(pageLabel(setting('ai-training'), 'pt-BR')).toBe(
      'Usar meus dados para treinar modelos de IA para criar conteúdos',
    );
  });

  it('matches the language tag without regard to case, then by its primary subtag', () => {
    expect(pageLabel(setting('ai-training'), 'PT-br')).toBe(pageLabel(setting('ai-training'), 'pt-BR'));
    expect(pageLabel(setting('ai-training'), 'de-AT')).toBe(pageLabel(setting('ai-training'), 'de'));
  });

  it('falls back to English, and to the heading where no switch text is catalogued', () => {
    expect(pageLabel(setting('ai-training'), 'ja')).toBe('Use my data for training content creation AI models');
    expect(pageLabel(setting('ai-training'), '')).toBe('Use my data for training content creation AI models');
    expect(pageLabel(setting('ads-by-age'), 'de')).toBe('Age range');
  });
});
