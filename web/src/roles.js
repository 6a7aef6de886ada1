// Roles as the entity page lists them.

/**
 * distinctRoles drops roles that repeat another but for case, and a bare
 * title ("President") where the same title of something is listed.
 */
export function distinctRoles(roles) {
  const key = (r) => r.title.toLowerCase() + '\u0000' + (r.of ? r.of.id : '');
  const seen = new Set();
  const withOf = new Set(roles.filter((r) => r.of).map((r) => r.title.toLowerCase()));
  return roles.filter((r) => {
    const k = key(r);
    if (seen.has(k) || (!r.of && withOf.has(r.title.toLowerCase()))) return false;
    seen.add(k);
    return true;
  });
}
