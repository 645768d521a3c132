import type { WorkflowDefinition } from '../definition.ts';
import { birthdayCare, churnWinback, memberDay, pointsExpiry, postPurchaseCare, rechargeBonus, tierUpgrade, vipThanks, welcomePack } from './recipes.ts';
import { cardRenewals } from './card-renewals.ts';
import { secondPurchaseNudge } from './second-purchase-nudge.ts';

export interface WorkflowTemplate {
  key: string;
  name: string;
  description: string;
  definition: WorkflowDefinition;
}

/** The retention recipes of DESIGN.md, ready to copy and adjust. */
export const workflowTemplates: readonly WorkflowTemplate[] = [
  { key: 'welcome-pack', name: 'New-member welcome pack', description: 'Welcome message and a new-member coupon at signup; a reminder if no first purchase within 7 days.', definition: welcomePack },
  { key: 'second-purchase-nudge', name: 'Second-purchase nudge', description: 'After a first purchase, wait up to 30 days for another; if none comes, issue a come-back coupon.', definition: secondPurchaseNudge },
  { key: 'churn-winback', name: 'Churn early warning and win-back', description: 'No purchase for 90 days: care message, then a win-back coupon, then tag "lost" and a staff call.', definition: churnWinback },
  { key: 'birthday-care', name: 'Birthday care', description: '3 days before the birthday (member time): greeting and coupon; top RFM members also get a gift.', definition: birthdayCare },
  { key: 'member-day', name: 'Member day', description: 'Every month on day 20: a member-day offer for active members.', definition: memberDay },
  { key: 'points-expiry', name: 'Points expiry reminder', description: 'A reminder 30 days before points expire.', definition: pointsExpiry },
  { key: 'tier-upgrade', name: 'Tier upgrade', description: 'Cumulative spend crosses 1,000: upgrade to gold, congratulate, and give a tier-benefit coupon.', definition: tierUpgrade },
  { key: 'vip-thanks', name: 'VIP thank-you', description: 'Members who become RFM champions get a thank-you message and a staff call.', definition: vipThanks },
  { key: 'recharge-bonus', name: 'Stored-value recharge', description: 'Recharge of 100 or more: bonus notice, and a first-order coupon for members yet to order.', definition: rechargeBonus },
  { key: 'post-purchase-care', name: 'Post-purchase care', description: '3 days after a purchase: a survey; a low score creates a complaint task and an alert.', definition: postPurchaseCare },
  { key: 'card-renewals', name: 'Paid-card renewals', description: 'A paid card ends in 7 days: a reminder; renewed: thanks; not renewed by the end of the grace: a win-back offer.', definition: cardRenewals },
];
