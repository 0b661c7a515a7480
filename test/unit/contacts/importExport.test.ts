import * as assert from 'node:assert/strict';
import { parseVCards, writeVCards } from '../../../src/contacts/vcard';
import { parseContactsCsv, writeContactsCsv } from '../../../src/contacts/csvContacts';
import { checkContact, type Contact } from '../../../src/contacts/contact';

const CONTACTS: Contact[] = [
  {
    id: '1',
    name: 'Dr. Chen',
    organisation: 'Harbor Clinic; Cardiology',
    faxNumbers: ['+16175550199', '+16175550100'],
    note: 'Referrals only,\nmornings',
  },
  { id: '2', name: 'Ōsaka Law Office — Records Department of the Prefectural Court Liaison', faxNumbers: ['+81612345678'] },
  { id: '3', name: '-Dash', organisation: '=SUM(A1)', faxNumbers: ['+442079460958'], note: 'He said "fax only"' },
];

const essentials = (c: { name?: string; organisation?: string; faxNumbers?: readonly string[]; note?: string }) => ({
  name: c.name,
  organisation: c.organisation,
  faxNumbers: [...(c.faxNumbers ?? [])],
  note: c.note,
});

describe('contacts: vCard', () => {
  it('round-trips names, organisations, every fax number and notes (folded lines, escapes, UTF-8)', () => {
    const text = writeVCards(CONTACTS);
    assert.ok(
      text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
      'lines are folded at 75 octets',
    );
    assert.deepEqual(parseVCards(text).map(essentials), CONTACTS.map(essentials));
  });

  it('prefers TEL lines typed FAX (3.0, 4.0 and 2.1 spellings), else any TEL, preferred first', () => {
    const cards = parseVCards(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Harbor Clinic',
        'TEL;TYPE=work,voice;VALUE=uri:tel:+1-617-555-0000',
        'TEL;TYPE="work,fax":tel:+1-617-555-0199',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Chen;Li;;Dr.;',
        'TEL;WORK;FAX:+1 617 555 0100',
        'TEL;CELL:+1 617 555 0101',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Only Phones',
        'ORG:Acme;Billing',
        'TEL;TYPE=HOME:+1 201 555 0100',
        'TEL;TYPE=WORK,PREF:+1 201 555 0123',
        'END:VCARD',
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Apple Style',
        'item1.TEL;type=FAX:+1 201 555 0199',
        'END:VCARD',
      ].join('\n'),
    );
    assert.deepEqual(
      cards.map((c) => [c.name, c.organisation, c.faxNumbers]),
      [
        ['Harbor Clinic', undefined, ['+1-617-555-0199']],
        ['Dr. Li Chen', undefined, ['+1 617 555 0100']],
        ['Only Phones', 'Acme, Billing', ['+1 201 555 0123', '+1 201 555 0100']],
        ['Apple Style', undefined, ['+1 201 555 0199']],
      ],
    );
    assert.ok(checkContact(cards[0], undefined).ok, 'a tel: URI number reads as a fax number');
  });

  it('decodes 2.1 quoted-printable values', () => {
    const [card] = parseVCards(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Dr. M=C3=BC=\r\nller\r\nTEL;FAX:+4930123456\r\nEND:VCARD\r\n',
    );
    assert.equal(card.name, 'Dr. Müller');
  });
});

describe('contacts: CSV', () => {
  it('round-trips our own export, spreadsheet formulas defused', () => {
    const text = writeContactsCsv(CONTACTS);
    assert.match(text, /'=SUM\(A1\)/, 'a formula is written as text');
    assert.deepEqual(parseContactsCsv(text).map(essentials), CONTACTS.map(essentials));
  });

  it('reads Outlook and Google exports, fax columns first', () => {
    const outlook = parseContactsCsv(
      'First Name,Last Name,Company,Business Phone,Business Fax,Notes\r\nLi,Chen,Harbor Clinic,+1 617 555 0000,+1 617 555 0199,cardiology\r\n',
    );
    assert.deepEqual(outlook.map(essentials), [
      { name: 'Li Chen', organisation: 'Harbor Clinic', faxNumbers: ['+1 617 555 0199'], note: 'cardiology' },
    ]);
    const google = parseContactsCsv(
      '\uFEFFName,Organization 1 - Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\nLaw Office,,Work,+12015550100,Work Fax,+12015550123 ::: +12015550124\nNo Fax,,Mobile,+12015550155,,\n',
    );
    assert.deepEqual(
      google.map((c) => [c.name, c.faxNumbers]),
      [
        ['Law Office', ['+12015550123', '+12015550124']],
        ['No Fax', ['+12015550155']],
      ],
    );
  });
});
