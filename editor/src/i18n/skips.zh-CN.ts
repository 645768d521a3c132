import type { skipsEn } from './skips.en.ts';

/** 动作被跳过的原因。 */
export const skipsZhCN: Record<keyof typeof skipsEn, string> = {
  'skip.optedOut.sms': '会员已退订短信',
  'skip.optedOut.email': '会员已退订邮件',
  'skip.optedOut.wechat': '会员已退订微信消息',
  'skip.optedOut.push': '会员已退订推送',
  'skip.optedOut.webhook': '会员已退订 Webhook 消息',
  'skip.noPhone': '会员没有手机号',
  'skip.noEmail': '会员没有邮箱地址',
  'skip.frequencyCap.one': '频次上限：{days} 天内已发送 {count} 条营销消息',
  'skip.frequencyCap.other': '频次上限：{days} 天内已发送 {count} 条营销消息',
  'skip.quietHours': '免打扰时段 {start}-{end}（会员当地时间）',
  'skip.missingValues': '{names} 没有值（可用 | default: "…" 设置默认值）',
  'skip.couponArchived': '{template} 已归档，不再发放优惠券',
  'skip.couponOncePerMember': '每位会员限领一次：已持有 {template} 优惠券',
  'skip.couponOutOfStock': '{template} 已无库存',
  'skip.pointsCeiling': '积分余额已达会员可持有的上限 {max}',
  'skip.skippedByAdmin': '失败后由管理员跳过',
};
