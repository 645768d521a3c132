import { couponRoutes } from '@memberflow/shared/api/coupon-admin';
import { memberAdminRoutes } from '@memberflow/shared/api/member-admin';
import { messageRoutes } from '@memberflow/shared/api/message-routes';
import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { accessTable } from '@memberflow/shared/api/route-contract';
import { settingsRoutes } from '@memberflow/shared/api/settings-routes';

/** What each back-office route needs, read from its shared contract (spread into route-access.ts). */
export const backOfficeAccess = {
  ...accessTable(couponRoutes),
  ...accessTable(programmeRoutes),
  ...accessTable(memberAdminRoutes),
  ...accessTable(settingsRoutes),
  ...accessTable(messageRoutes),
};
