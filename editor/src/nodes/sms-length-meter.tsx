import { smsLength, withSmsSignature } from '@memberflow/shared/sms-length';
import { useT } from '../i18n/i18n.ts';

/** Characters and segments of the SMS as it goes out (signature included), and the encoding that decides them. */
export function SmsLengthMeter({ body, signature }: { body: string; signature: string }) {
  const t = useT();
  const n = smsLength(withSmsSignature(body, signature));
  return (
    <div className="sms-length" data-testid="sms-length" data-segments={n.segments} data-encoding={n.encoding}>
      <strong>{t(n.segments === 1 ? 'sms.length.one' : 'sms.length', { units: n.units, segments: n.segments })}</strong>
      <span>{t(n.encoding === 'gsm7' ? 'sms.encoding.gsm7' : 'sms.encoding.ucs2')}</span>
      {signature.trim() !== '' && <span>{t('sms.signature', { signature: signature.trim() })}</span>}
      {/\{\{/.test(body) && <span>{t('sms.variablesHint')}</span>}
    </div>
  );
}
