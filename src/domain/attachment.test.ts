import { ATTACHMENT_MAX_BYTES, ATTACHMENT_PART_BYTES, checkPart, checkType, partCount, partLength, sniffType } from './attachment';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => Uint8Array.from([...value].map((c) => c.charCodeAt(0)));

describe('Attachments: the type is the content’s, the size at most 10 MB', () => {
  it('A1: PNG, JPEG, GIF, WebP and PDF are known by their first bytes', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({ mimeType: 'image/png', kind: 'image' });
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({ mimeType: 'image/jpeg', kind: 'image' });
    expect(sniffType(text('GIF89a....'))).toEqual({ mimeType: 'image/gif', kind: 'image' });
    expect(sniffType(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toEqual({ mimeType: 'image/webp', kind: 'image' });
    expect(sniffType(text('%PDF-1.7\n'))).toEqual({ mimeType: 'application/pdf', kind: 'pdf' });
  });

  it('A1: anything else is refused as invalid data, whatever its name says', () => {
    for (const head of [
      text('MZ\u0090\u0000'),
      text('<svg xmlns='),
      text('PK\u0003\u0004'),
      text('RIFF\u0000\u0000\u0000\u0000WAVE'),
      bytes()
    ]) {
      const result = checkType(head);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', fields: [{ field: 'data' }] } });
    }
  });

  it('A1: a file over 10 MB is too_large; exactly 10 MB is allowed', () => {
    const over = checkPart({ fileName: 'big.png', size: ATTACHMENT_MAX_BYTES + 1, part: 0, length: ATTACHMENT_PART_BYTES });
    expect(over).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const limit = checkPart({ fileName: 'big.png', size: ATTACHMENT_MAX_BYTES, part: 0, length: ATTACHMENT_PART_BYTES });
    expect(limit).toEqual({ ok: true, value: { parts: partCount(ATTACHMENT_MAX_BYTES), last: false } });
  });

  it('A1: every part is full but the last, and a part of another length is refused', () => {
    const size = ATTACHMENT_PART_BYTES * 2 + 10;
    expect(partCount(size)).toBe(3);
    expect([0, 1, 2].map((i) => partLength(size, i))).toEqual([ATTACHMENT_PART_BYTES, ATTACHMENT_PART_BYTES, 10]);
    expect(checkPart({ fileName: 'a.pdf', size, part: 2, length: 10 })).toEqual({ ok: true, value: { parts: 3, last: true } });
    expect(checkPart({ fileName: 'a.pdf', size, part: 1, length: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'data' }] }
    });
    expect(checkPart({ fileName: 'a.pdf', size, part: 3, length: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'part' }] }
    });
  });

  it('A1: an empty file, an empty name or a name with a path is refused, naming the field', () => {
    expect(checkPart({ fileName: 'a.png', size: 0, part: 0, length: 0 })).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'size' }] }
    });
    for (const fileName of ['  ', '../etc/passwd', 'a\u0000.png', 'x'.repeat(256)]) {
      expect(checkPart({ fileName, size: 5, part: 0, length: 5 })).toMatchObject({ ok: false, error: { fields: [{ field: 'fileName' }] } });
    }
  });
});
