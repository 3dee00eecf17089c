import { en } from './en';
import { vi } from './vi';
import type { Locale } from '../types';
import type { Messages } from './types';

export type { Messages } from './types';

export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : vi;
}
