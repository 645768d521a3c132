import type { StandingMessageKey } from './standing.en.ts';

/** 会员与触发器的关系（发布预估、未进入原因面板）。 */
export const standingZhCN: Record<StandingMessageKey, string> = {
  'standing.inactivity.neverPurchased': '尚未购买：不活跃天数从最近一次购买起算',
  'standing.inactivity.inactive': '自 {lastPurchaseAt} 起 {days} 天未购买（自 {inactiveAt} 起不活跃）',
  'standing.inactivity.upcoming': '若此前没有购买，将于 {enterAt} 进入：最近一次购买后 {days} 天',
  'standing.date.noDate': '资料中没有 {label} 日期',
  'standing.date.recent': '{label} 时刻为 {momentAt}；下一次为 {nextAt}',
  'standing.date.recentNoNext': '{label} 时刻为 {momentAt}；之后没有下一次',
  'standing.date.noComing': '没有即将到来的 {label} 时刻',
  'standing.date.upcoming': '将于 {enterAt} 进入（{label}{relation}，{time}）',
  'standing.schedule.out': '不在定时计划的受众中：{explanation}；下次运行于 {nextAt}',
  'standing.schedule.outNoRun': '不在定时计划的受众中：{explanation}；之后没有运行',
  'standing.schedule.in': '在定时计划的受众中；下次运行于 {nextAt}',
  'standing.schedule.inNoRun': '在定时计划的受众中；之后没有运行',
  'standing.points.none': '没有将要过期的 {minPoints} 分以上积分批次',
  'standing.points.expiring': '{points} 积分将于 {expiresAt} 过期，在 {days} 天之内',
  'standing.points.upcoming': '将于 {enterAt} 进入：{points} 积分过期前 {days} 天',
  'standing.segment.matches': '当前符合分群：{explanation}',
  'standing.segment.waiting': '会员开始符合时进入：{explanation}',
  'standing.event.waiting': '收到 {eventType} 事件时进入',
  'standing.relation.before': '前 {days} 天',
  'standing.relation.after': '后 {days} 天',
  'standing.relation.on': '当天',
  'standing.hiddenDate': '…',
};
