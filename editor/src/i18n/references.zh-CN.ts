import type { referencesEn } from './references.en.ts';

/** 流程引用的优惠券模板、等级或分群不存在时的提示；在 zh-CN.ts 中展开。 */
export const referencesZhCN: Record<keyof typeof referencesEn, string> = {
  'references.missing.couponTemplate': '优惠券模板“{key}”不存在：发布前请先在“优惠券”页面创建',
  'references.missing.tier': '等级“{key}”不存在：发布前请先在“等级”页面添加',
  'references.missing.segment': '分群“{key}”不存在：发布前请先在“分群”页面保存',
  'references.archived.couponTemplate': '优惠券模板“{key}”已归档：请在“优惠券”页面恢复，或选择其他模板',
};
