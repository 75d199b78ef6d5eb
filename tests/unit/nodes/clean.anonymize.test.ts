import { createHash } from 'node:crypto';
import { Float64, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import node, { PROJECT_SALT, hashId, maskPii } from '../../../nodes/clean.anonymize';
import { runNode } from '../../helpers/run-node';
import { expectIpcRoundTrip } from '../../helpers/tables';

const sha = (salt: string, v: string) => createHash('sha256').update(`${salt}\u0000${v}`).digest('hex').slice(0, 16);

function input(): Table {
  return new Table({
    user: vectorFromArray(['an', 'bình', 'an', null], new Utf8()),
    phone_id: vectorFromArray([912345678, 987654321, 912345678, NaN], new Float64()),
    name: vectorFromArray(['Nguyễn An', 'Trần Bình', 'Nguyễn An', 'Lê C'], new Utf8()),
    comment: vectorFromArray(
      ['Gọi 0912 345 678 nhé', 'mail: binh.tran@gmail.com', 'zalo +84 912345678 hoặc 0912.345.678', null],
      new Utf8(),
    ),
    likes: vectorFromArray([1, 2, 3, 4], new Int32()),
  });
}

describe('clean.anonymize', () => {
  it('masks Vietnamese and international phone numbers and e-mails, and leaves other numbers', () => {
    expect(maskPii('Gọi 0912 345 678 hoặc 0912345678 hay +84 912345678, +84 912 345 678, +84912345678')).toBe(
      'Gọi [phone] hoặc [phone] hay [phone], [phone], [phone]',
    );
    expect(maskPii('Bàn (028) 3823 4567, di động 0912-345-678, US (555) 123-4567')).toBe('Bàn [phone], di động [phone], US [phone]');
    expect(maskPii('Liên hệ Linh.Trần@công-ty.vn hoặc a_b+c@mail.co.uk.')).toBe('Liên hệ [email] hoặc [email].');
    expect(maskPii('Giá 150.000đ, ngày 2018-04-22, mã 0123, 2 sp, 0.5kg, 1234567890123456')).toBe(
      'Giá 150.000đ, ngày 2018-04-22, mã 0123, 2 sp, 0.5kg, 1234567890123456',
    );
  });

  it('hashes with SHA-256 of the salt and the value, 16 hex digits', async () => {
    expect(await hashId('an', 's')).toBe(sha('s', 'an'));
    expect(await hashId('an', 's')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('hashes ids (equal values → equal codes, missing stays missing), masks text, drops columns', async () => {
    const { outputs, warnings } = await runNode(
      node,
      { in: input() },
      { columns: ['user', 'phone_id'], salt: 'bí mật', drop: ['name'], maskText: ['comment'] },
    );
    const out = outputs.out as Table;
    expect(out.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['user:Utf8', 'phone_id:Utf8', 'comment:Utf8', 'likes:Int32']);
    expect(out.getChild('user')!.toArray()).toEqual([sha('bí mật', 'an'), sha('bí mật', 'bình'), sha('bí mật', 'an'), null]);
    expect(out.getChild('phone_id')!.toArray()).toEqual([
      sha('bí mật', '912345678'),
      sha('bí mật', '987654321'),
      sha('bí mật', '912345678'),
      null,
    ]);
    expect(out.getChild('comment')!.toArray()).toEqual(['Gọi [phone] nhé', 'mail: [email]', 'zalo [phone] hoặc [phone]', null]);
    expect(warnings).toEqual([]);
    expectIpcRoundTrip(out);
  });

  it('is deterministic; without a salt it uses the fixed project salt and says so', async () => {
    const a = await runNode(node, { in: input() }, { columns: ['user'] });
    const b = await runNode(node, { in: input() }, { columns: ['user'] });
    expect((a.outputs.out as Table).getChild('user')!.toArray()).toEqual((b.outputs.out as Table).getChild('user')!.toArray());
    expect((a.outputs.out as Table).getChild('user')!.get(0)).toBe(sha(PROJECT_SALT, 'an'));
    expect(a.warnings[0]).toMatch(/No salt was set, so the fixed project salt was used/);
    expect(a.notes[0].vi).toMatch(/Chưa đặt chuỗi muối/);
  });

  it('explains problems in both languages', async () => {
    await expect(runNode(node, { in: input() }, { maskText: ['likes'] })).rejects.toMatchObject({
      message: expect.stringMatching(/"likes" does not hold text/),
      vi: expect.stringMatching(/không chứa văn bản/),
    });
    await expect(runNode(node, { in: input() }, { drop: ['email'] })).rejects.toThrow(/The column "email" is not in the table/);
    const none = await runNode(node, { in: input() }, {});
    expect(none.warnings).toEqual(['Nothing chosen to hash, remove or mask: the table is unchanged.']);
  });
});
