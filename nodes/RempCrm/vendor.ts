import type { VendorSpec } from '../shared/types';

import { REMP_API } from './api';
import { couponResource } from './resources/coupon';

export const REMP_CRM: VendorSpec = {
	api: REMP_API,
	resources: [couponResource],
};
