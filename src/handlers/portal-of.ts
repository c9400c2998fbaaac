/** The portal footer's portal: JSM's service desk id (Forge gives this module no project). */
export function portalOf(extension: Record<string, unknown>): string | undefined {
  const id = (extension.portal as { id?: unknown } | undefined)?.id;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return String(id);
  return typeof id === 'string' && /^[1-9][0-9]{0,18}$/.test(id) ? id : undefined;
}
