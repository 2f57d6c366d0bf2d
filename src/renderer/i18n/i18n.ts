import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../shared/channels';
import { en } from './en';
import { ko } from './ko';

export { isLanguage, LANGUAGES, type Language };
const LANGUAGE_KEY = 'postcode-reader.language';

/** ?lang=… first, then the user's last choice, then the system or browser language. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const stored = localStorage.getItem(LANGUAGE_KEY);
  for (const candidate of [fromUrl, stored, ...navigator.languages]) {
    const base = candidate?.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18next.changeLanguage(language);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;
