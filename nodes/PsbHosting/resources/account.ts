import type { ResourceSpec } from '../../shared/types';

export const accountResource: ResourceSpec = {
	value: 'account',
	name: 'Account',
	operations: [
		{
			value: 'getMe',
			name: 'Get',
			action: 'Get my account',
			description: 'Get the data of your account (email, username, balance)',
			method: 'GET',
			path: '/users/me',
			ref: 'psb.user.getMe',
		},
	],
};
