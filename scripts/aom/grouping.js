// @ts-check
/**
 * How the reference's 48 sections become the resources a customer recognises: the module types
 * as one Module resource with a type choice, the integrations together, the settings together,
 * and the learner-side calls (mark complete, submit a quiz, two-factor set-up) in a resource of
 * their own, out of the admin's way. Every other section is a resource of its own, named in the
 * singular. Used by scripts/aom-generate.js.
 *
 * Nouns (in the node panel's actions) are lower case but for acronyms, as n8n's lint wants them.
 *
 * Values: a section that was a resource of its own keeps its value as the choice value (Quiz
 * Modules: resource `module`, module type `quizModule`), so an operation keeps its value. A choice
 * value is never a resource value (the node panel tells the lists apart by it).

 */

/**
 * Resources made of several sections, chosen by a second dropdown: resource value -> the
 * resource, its choice parameter and, per section, the choice value and label.
 */
const merged = {
	module: {
		name: 'Module',
		description: 'Lessons of a course: quizzes, videos, assignments, SCORM packages, surveys and the other module types',
		choice: { name: 'moduleType', displayName: 'Module Type', description: 'The kind of module to work with' },
		sections: {
			Modules: { value: 'anyType', name: 'Any Type', noun: 'module' },
			'Assignment Modules': { value: 'assignmentModule', name: 'Assignment', noun: 'assignment module' },
			'Discussion Modules': { value: 'discussionModule', name: 'Discussion', noun: 'discussion module' },
			'Flash Cards Modules': { value: 'flashCardsModule', name: 'Flash Cards', noun: 'flash cards module' },
			'PDF Modules': { value: 'pdfModule', name: 'PDF', noun: 'PDF module' },
			'Powerpoint Modules': { value: 'powerpointModule', name: 'PowerPoint', noun: 'powerpoint module' },
			'Quiz Modules': { value: 'quizModule', name: 'Quiz', noun: 'quiz module' },
			'SCORM Modules': { value: 'scormModule', name: 'SCORM', noun: 'SCORM module' },
			'Survey Modules': { value: 'surveyModule', name: 'Survey', noun: 'survey module' },
			'Text Modules': { value: 'textModule', name: 'Text', noun: 'text module' },
			'Video Modules': { value: 'videoModule', name: 'Video', noun: 'video module' },
			'Webinar Modules': { value: 'webinarModule', name: 'Webinar', noun: 'webinar module' },
		},
	},
	integration: {
		name: 'Integration',
		description: 'Connections to other services: Accredible, HubSpot, Mailchimp, QuickBooks, Salesforce and LTI platforms',
		choice: { name: 'integration', displayName: 'Service', description: 'The service the integration connects to' },
		sections: {
			Integrations: { value: 'allIntegrations', name: 'All Integrations', noun: 'integration' },
			Accredible: { value: 'accredible', name: 'Accredible', noun: 'accredible group' },
			HubSpot: { value: 'hubSpot', name: 'HubSpot', noun: 'hubspot action' },
			'LTI Platforms': { value: 'ltiPlatform', name: 'LTI Platform', noun: 'LTI platform' },
			Mailchimp: { value: 'mailchimp', name: 'Mailchimp', noun: 'mailchimp action' },
			QuickBooks: { value: 'quickBooksLog', name: 'QuickBooks', noun: 'quickbooks log' },
			Salesforce: { value: 'salesforce', name: 'Salesforce', noun: 'salesforce action' },
		},
	},
	setting: {
		name: 'Setting',
		description: 'Site-wide configuration: general and branding settings, e-commerce, payment gateways, menus and gamification',
		choice: { name: 'settingsArea', displayName: 'Area', description: 'The part of the site the settings are for' },
		sections: {
			'General Settings': { value: 'generalSetting', name: 'General', noun: 'general setting' },
			'Ecommerce Settings': { value: 'ecommerceSetting', name: 'E-Commerce', noun: 'e-commerce setting' },
			'Payment Gateways': { value: 'paymentGateway', name: 'Payment Gateways', noun: 'payment gateway' },
			Menus: { value: 'menu', name: 'Menus', noun: 'menu' },
			'Gamification Events': { value: 'gamificationEvent', name: 'Gamification Events', noun: 'gamification event' },
			'Leaderboard Tiers': { value: 'leaderboardTier', name: 'Leaderboard Tiers', noun: 'leaderboard tier' },
		},
	},
};

/** Calls a learner's own session makes (the learner's progress, answers and sign-in set-up). */
const learner = {
	value: 'learner',
	name: 'Learner',
	description: "Calls made on a learner's behalf: mark a module complete, submit answers, record progress, set up two-factor sign-in",
	operations: [
		'aom.announcements.learner-announcement-list',
		'aom.assignment-modules.submit-assignment',
		'aom.flash-cards-modules.update-the-progress-of-a-flashcard-module',
		'aom.pages.get-the-learner-s-dashboard-menu-and-accessible-pages',
		'aom.quiz-modules.save-the-answer-of-the-question-in-the-quiz-module',
		'aom.quiz-modules.submits-the-quiz-after-attempting-all-the-questions-of-the-q',
		'aom.scorm-modules.save-tincan-xapi-statement-for-course-progress-tracking',
		'aom.survey-modules.mark-complete-survey-module',
		'aom.survey-modules.saves-the-survey-form-submission-data',
		'aom.text-modules.mark-complete-text-module',
		'aom.video-modules.mark-complete-video-module',
		'aom.video-modules.video-module-details-2',
		'aom.webinar-modules.mark-complete-webinar-module',
		'aom.users.returns-2fa-details-for-a-user',
		'aom.users.prepares-qr-code-for-two-factor-authentication',
		'aom.users.confirms-relation-between-aom-site-and-authenticator-app-for',
		'aom.users.disable-two-factor-authentication-for-a-user',
	],
};

/** What each resource of its own is, for its description in the Resource dropdown. */
const descriptions = {
	Announcements: 'Messages shown to learners on their dashboard',
	'Audit Activities': 'The log of who changed what on the site',
	Badges: 'Badges learners earn for their achievements',
	Categories: 'Categories that group courses, users and other content',
	'Certificate Templates': 'Designs of the certificates learners receive',
	Courses: 'Courses: their content, learners, progress, reviews and reports',
	Coupons: 'Discount codes for the store',
	'Ecommerce Orders': 'Orders of the store: invoices, refunds, statuses and exports',
	Products: 'What the store sells: courses, bundles, memberships and subscriptions',
	Webhooks: 'Addresses the site notifies when events happen',
	'Learning Paths': 'Sequences of courses a learner follows, with their enrolments and certificates',
	Locations: 'Places where in-person sessions take place',
	Media: 'Uploaded files, images and videos',
	Memberships: 'Memberships that give access to a set of content',
	Pages: 'Pages of the site and of its portals',
	Portals: 'Portals (sub-sites) with their own users, courses and branding',
	Questions: 'The question bank used by quizzes',
	'SCORM Packages': 'Uploaded SCORM packages',
	Staff: 'Administrators, instructors and other staff accounts',
	Subscriptions: 'Recurring payments of the store',
	Users: 'Learners and other user accounts: profiles, enrolments, addresses and reports',
	Webinars: 'Live sessions, with their registrations and recurrence',
};

/** Resource names where the singular of the section's name reads wrong. */
const resourceNames = {
	'Ecommerce Orders': 'Order',
	Media: 'Media',
	Staff: 'Staff',
};

module.exports = { merged, learner, descriptions, resourceNames };
