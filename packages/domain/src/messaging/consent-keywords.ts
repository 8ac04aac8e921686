// Recognises a lead's opt-out and opt-in words. A single keyword message (trimmed, any case, accents and
// trailing punctuation ignored) counts; a sentence that merely contains "stop" does not.
export type ConsentIntent = 'opt_out' | 'opt_in';

const OPT_OUT = [
  // English (Twilio's SMS set plus common forms)
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'revoke',
  'optout',
  'opt out',
  'opt-out',
  'stop all',
  // Spanish
  'parar',
  'pare',
  'detener',
  'alto',
  'basta',
  'cancelar',
  'baja',
  'darme de baja',
  'no mas',
  'no mas mensajes',
  // Portuguese
  'parar',
  'sair',
  'cancelar',
  'descadastrar',
  'nao quero',
  'pare',
  // French
  'arret',
  'arreter',
  'stoppe',
  'desabonner',
  'desinscrire',
  'se desabonner',
  'annuler',
  'fin',
  // German
  'stopp',
  'abmelden',
  'abbestellen',
  'beenden',
  'kundigen',
  'austragen',
];
const OPT_IN = [
  'start',
  'unstop',
  'subscribe',
  'yes',
  'comenzar',
  'empezar',
  'iniciar',
  'comecar',
  'demarrer',
  'commencer',
  'starten',
  'anmelden',
];

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[.!¡¿?,;:"'()\s]+$/u, '')
    .replace(/^[.!¡¿?,;:"'()\s]+/u, '')
    .replace(/\s+/g, ' ');

const OUT = new Set(OPT_OUT.map(normalise));
const IN = new Set(OPT_IN.map(normalise));

export function consentIntent(body: string | null | undefined): ConsentIntent | null {
  if (!body) return null;
  const word = normalise(body);
  if (OUT.has(word)) return 'opt_out';
  if (IN.has(word)) return 'opt_in';
  return null;
}
