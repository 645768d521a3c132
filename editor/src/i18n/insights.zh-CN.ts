import type { insightsEn } from './insights.en.ts';

/** 分群、RFM 与分析页面的中文文案；在 zh-CN.ts 中并入主表。 */
export const insightsZhCN: Record<keyof typeof insightsEn, string> = {
  'segments.title': '会员分群',
  'segments.intro': '按与画布相同的条件保存的会员分组，流程可以从分群开始或按分群筛选。',
  'rfm.title': 'RFM',
  'rfm.intro': '按最近一次购买、购买频次和消费金额为会员打 1–5 分，并在 R×FM 网格中分组。',
  'analytics.title': '数据分析',
  'analytics.intro': '一段时间内的复购、同期群留存、流失与客户价值。',
};
