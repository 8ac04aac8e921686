// Countries for "numbers without a country code", named in the user's language. The codes come from the
// browser's own region names; those that are not countries with a telephone numbering plan are left out.
const NOT_DIALABLE = new Set(
  'AN AQ BU BV CP CQ CS DD DG DY EA EU EZ FX GS HM HV IC NH PN QO RH SU TF TP UK UM UN VD XA XB YD YU ZR ZZ'.split(' '),
);
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

export interface Country {
  code: string;
  name: string;
}

function countries(): Country[] {
  const names = new Intl.DisplayNames(undefined, { type: 'region', fallback: 'none' });
  return LETTERS.flatMap((a) => LETTERS.map((b) => a + b))
    .filter((code) => !NOT_DIALABLE.has(code))
    .flatMap((code) => {
      const name = names.of(code);
      return name ? [{ code, name }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const COUNTRIES: Country[] = countries();

/** The country of the user's locale (en-US → US), the likeliest for numbers written without a code. */
export function localCountry(): string {
  try {
    const region = new Intl.Locale(navigator.language).maximize().region ?? '';
    return COUNTRIES.some((c) => c.code === region) ? region : '';
  } catch {
    return '';
  }
}
