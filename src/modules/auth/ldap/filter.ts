// What a person types never becomes filter syntax: RFC 4515 §3 escapes the characters that carry
// meaning in an assertion value (`*` — any, `(` `)` — nesting, `\` — an escape, NUL). Other UTF-8 is
// allowed as it is. So «*)(uid=*» searches for a person literally named so, and finds nobody.

const SPECIAL: Record<string, string> = { '*': '\\2a', '(': '\\28', ')': '\\29', '\\': '\\5c', '\0': '\\00' };

export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => SPECIAL[c] ?? c);
}

/** LDAP_USER_FILTER with every `{login}` replaced by the escaped login (no `$` patterns of replace()). */
export function userFilter(template: string, login: string): string {
  return template.split('{login}').join(escapeFilterValue(login));
}

/** The groups of a person by their member lists: groupOfNames, groupOfUniqueNames, AD's group. */
export function memberFilter(dn: string): string {
  const v = escapeFilterValue(dn);
  return `(|(member=${v})(uniqueMember=${v}))`;
}

/**
 * DNs as compared with the configured group rules: the directory may write
 * «CN=Operators, OU=Groups,DC=region,DC=ru» where the configuration has «cn=operators,ou=groups,…».
 * Attribute names and values of DNs are case-insensitive in both OpenLDAP and Active Directory.
 */
export function sameDnKey(dn: string): string {
  return dn
    .trim()
    .replace(/\s*([,=+])\s*/g, '$1')
    .toLowerCase();
}
