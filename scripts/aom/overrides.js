// @ts-check
/**
 * The hand-written part of the Academy of Mine node: what the reference gets wrong or leaves out.
 * scripts/aom-generate.js applies it to what it reads from the reference.
 */

/** Operations left out of the node, with the reason (also listed in the README). */
const excluded = {
	'aom.webinar-modules.handle-zoom-webhook': "Receives Zoom's `meeting.ended` deliveries; Zoom calls it, an API client does not.",
	'aom.ecommerce-settings.tax-classes-list-untitled-in-seed': 'Untitled in the reference: only a response sample survives (no title, parameters or description).',
	'aom.ecommerce-settings.shipping-zones-tabular-list-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.payment-gateways.payment-gateways-list-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.mailchimp.mailchimp-audience-lists-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.gamification-events.gamification-events-tabular-list-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.general-settings.get-general-settings-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.menus.menus-list-with-items-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
	'aom.users.user-types-lookup-untitled-in-seed': 'Untitled in the reference: only a response sample survives.',
};

/** Names for operations the reference mistitles (catalog `flags`) or titles twice in one section. */
const names = {
	'aom.announcements.create-an-announcement': 'Update Announcement by Path ID',
	'aom.announcements.update-an-announcement': 'Update Announcement',
	'aom.users.get-shipping-address-by-id': 'Get Shipping Addresses of a User',
	'aom.webhooks.create-webhook': 'Create or Update Webhook',
	'aom.courses.retrieves-all-the-submissions-for-all-the-courses-a-user-is-2': 'Retrieves all the submissions for all the courses a user is enrolled in, for a given portal (second listing)',
	'aom.flash-cards-modules.retrieve-detailed-flashcard-module-info-2': 'Retrieve Detailed Flashcard Module Info with Course Content',
	'aom.media.upload-media': 'Upload Media',
	'aom.media.upload-media-2': 'Upload Media Chunk',
	'aom.media.upload-media-3': 'Delete Uploaded Media Chunk',
	'aom.users.retrieve-custom-user-fields-that-needs-to-be-shown-on-the-re': 'Retrieve Custom User Fields Shown on the Registration Page',
	'aom.users.retrieve-custom-user-fields-that-needs-to-be-shown-on-the-re-2': 'Retrieve Custom User Fields Shown on the Registration Page as a List',
	'aom.portals.removes-users-from-a-given-portal-and-its-sub-portals-based': 'Remove Users From a Portal and Its Sub-Portals',
	'aom.video-modules.video-module-details': 'Video Module Details',
	'aom.video-modules.video-module-details-2': 'Video Module Details for a Learner',
};

/**
 * Operation names written by hand where the rules of scripts/aom/names.js give no good one (too
 * long once shortened, or the same as another operation of the list).
 */
const shortNames = {
	'aom.flash-cards-modules.retrieve-detailed-flashcard-module-info-as-membership-conten': 'Get Flashcards as Membership Content',
	'aom.pdf-modules.retrieve-detailed-pdf-module-info-for-membership-content': 'Get PDF Module as Membership Content',
	'aom.text-modules.retrieve-detailed-text-module-info-for-membership-content': 'Get Text Module as Membership Content',
	'aom.video-modules.retrieve-detailed-video-module-info-for-membership-content': 'Get Video Module as Membership Content',
	'aom.quiz-modules.send-the-quiz-score-achieved-by-the-user-to-the-lti-consumer': 'Send Quiz Score to LTI Consumer',
	'aom.scorm-modules.get-tincan-xapi-state-for-a-module-in-a-course-registration': 'Get TinCan (xAPI) State',
	'aom.scorm-modules.update-tincan-xapi-state-for-a-module-in-a-course-registrati': 'Update TinCan (xAPI) State',
	'aom.survey-modules.retrieves-the-count-of-the-maximum-number-of-the-form-submis': 'Get Maximum Form Submission Count',
	'aom.survey-modules.get-all-users-survey-responses-by-course-and-module': "Get All Users' Survey Responses",
	'aom.courses.retrieve-the-list-of-learning-resources-for-a-given-course': 'Get Learning Resources',
	'aom.courses.retrieves-the-course-details-for-given-course-id-and-user-id': 'Get Course Details for a User',
	'aom.courses.update-the-list-of-courses-which-are-auto-enrolled-for-free': 'Update Free Auto-Enrolled Courses',
	'aom.courses.retrieve-the-list-of-webinars-for-a-given-course': 'Get Webinars',
	'aom.courses.retrieve-the-list-of-students-enrolled-in-a-given-webinar': 'Get Students Enrolled in a Webinar',
	'aom.courses.retrieves-all-the-course-ratings-in-a-tabular-list-format-in': 'Get Many Course Ratings',
	'aom.general-settings.updates-the-status-of-the-email-if-the-selected-area-of-the': 'Enable or Disable an Email',
	'aom.general-settings.searches-for-courses-users-products-and-modules-by-name-or-e': 'Search Everything',
	'aom.ecommerce-settings.deletes-a-tax-class-and-its-associated-tax-rates': 'Delete Tax Class',
	'aom.ecommerce-settings.creates-a-new-tax-class-and-associated-tax-rates': 'Create Tax Class',
	'aom.payment-gateways.retrieves-all-the-settings-for-braintree-payment-gateway-hel': 'Get Braintree Settings',
	'aom.ecommerce-orders.retrieves-the-details-of-order-sales-for-this-month-made-fro': "Get This Month's Sales",
	'aom.portals.retrieves-a-paginated-and-filtered-list-of-users-for-a-given': 'Get Many Portal Users',
	'aom.portals.returns-a-list-of-courses-for-a-given-portal': 'Get Many Portal Courses',
	'aom.portals.enable-or-disable-custom-domain-for-portals': 'Enable or Disable Custom Domain',
	'aom.portals.removes-users-from-a-given-portal-and-its-sub-portals-based': 'Remove Users',
	'aom.portals.retrieves-all-the-menus-with-all-its-associated-items': 'Get Menus with Items',
	'aom.portals.clone-a-portal-and-optionally-its-sub-portal': 'Clone',
	'aom.users.update-the-status-of-a-webinar-registration-for-the-given-us': 'Update Webinar Registration Status',
	'aom.users.update-the-notes-for-a-webinar-registration-for-the-given-us': 'Update Webinar Registration Notes',
	'aom.users.get-blocked-and-allowed-emails-and-domains-for-a-given-porta': 'Get Blocked and Allowed Emails',
	'aom.users.update-certificate-issue-and-expiry-dates': 'Update Certificate Dates',
	'aom.users.retrieves-the-detailed-report-for-all-courses-of-a-user-retu': 'Get Course Report of a User',
	'aom.users.retrieves-a-paginated-report-of-users-with-custom-user-data': 'Get Report with Custom User Data',
	'aom.users.retrieves-learning-paths-associated-with-the-portal-filtered': 'Get Learning Paths of a Portal',
	'aom.users.checks-if-a-custom-user-field-can-be-deleted': 'Check Custom User Field Can Be Deleted',
	'aom.users.retrieve-the-badges-and-the-count-of-each-badge-a-user-has-e': 'Get Badges Earned',
	'aom.webinars.create-a-new-webinar-module-with-recurrence': 'Create Recurring Webinar',
	'aom.pages.get-the-learner-s-dashboard-menu-and-accessible-pages': 'Get Dashboard Menu and Pages',
	'aom.quiz-modules.submits-the-quiz-after-attempting-all-the-questions-of-the-q': 'Submit Quiz',
	'aom.quiz-modules.save-the-answer-of-the-question-in-the-quiz-module': 'Save Quiz Answer',
	'aom.scorm-modules.save-tincan-xapi-statement-for-course-progress-tracking': 'Save TinCan (xAPI) Statement',
	'aom.users.prepares-qr-code-for-two-factor-authentication': 'Get Two-Factor QR Code',
	'aom.users.confirms-relation-between-aom-site-and-authenticator-app-for': 'Confirm Two-Factor Authenticator App',
	'aom.users.disable-two-factor-authentication-for-a-user': 'Disable Two-Factor Authentication',
	'aom.users.returns-2fa-details-for-a-user': 'Get Two-Factor Details',
	'aom.flash-cards-modules.update-the-progress-of-a-flashcard-module': 'Update Flashcard Progress',
	'aom.survey-modules.mark-complete-survey-module': 'Mark Survey Module Complete',
	'aom.text-modules.mark-complete-text-module': 'Mark Text Module Complete',
	'aom.video-modules.mark-complete-video-module': 'Mark Video Module Complete',
	'aom.webinar-modules.mark-complete-webinar-module': 'Mark Webinar Module Complete',
	'aom.survey-modules.saves-the-survey-form-submission-data': 'Submit Survey',
	'aom.lti-platforms.update-ltiplatform': 'Update',
	// an upsert: the reference requires the webhook's ID even to create one (n8n's name for it)
	'aom.webhooks.create-webhook': 'Create or Update',
	'aom.learning-paths.learning-path-launch': 'Launch',
	'aom.flash-cards-modules.create-flashcard-module': 'Create',
	'aom.hubspot.retrieves-hubspot-integrations-in-a-tabular-format-with-pagi': 'Get Many HubSpot Actions',
	'aom.quickbooks.returns-all-the-quickbooks-logs-in-a-tabular-list-format-in': 'Get Many QuickBooks Logs',
	'aom.salesforce.retrieves-salesforce-logs-in-a-paginated-format': 'Get Many Salesforce Logs',
	'aom.quiz-modules.returns-the-analysis-details-of-a-quiz-including-the-questio': 'Get Quiz Analysis',
	'aom.users.returns-a-sample-file-in-json-format-which-can-be-downloaded': 'Get Sample Import File',
	'aom.flash-cards-modules.retrieve-detailed-flashcard-module-info-2': 'Get Flashcard Module with Course Content',
	'aom.courses.retrieves-all-the-submissions-for-all-the-courses-a-user-is': 'Get Submissions of a User',
	'aom.courses.retrieves-all-the-submissions-for-all-the-courses-a-user-is-2': 'Get Submissions of a User (2nd Listing)',
	'aom.courses.dropdown-list': 'Look Up Courses (Dropdown)',
	'aom.learning-paths.learning-path-dropdown-list': 'Look Up Learning Paths (Dropdown)',
	'aom.users.retrieve-custom-user-fields-that-needs-to-be-shown-on-the-re': 'Get Registration Page Custom Fields',
	'aom.users.retrieve-custom-user-fields-that-needs-to-be-shown-on-the-re-2': 'Get Registration Page Custom Fields List',
};

/**
 * Resource names where the singular of the section's name (n8n names resources in the singular)
 * reads wrong.
 */
const resourceNames = {
	QuickBooks: 'QuickBooks Log',
};

/** Parameter names the reference lost (operation id -> position among its parameters -> name). */
const lostNames = {
	'aom.ecommerce-settings.retrieve-cart-abandonment-details': { 0: 'search_param' },
	'aom.staff.update-staff-owner-details': { 4: 'email' },
};

/**
 * Routes the reference's own wording fixes better than the conventions (still inferred): the three
 * "Upload Media" are one chunked-upload route (store, append a chunk, delete a chunk). An override wins
 * over a route imported from the vendor's API description and, like an inferred route, goes under the
 * prefix imported with it.
 */
const routes = {
	'aom.media.upload-media': { method: 'POST', path: '/media/upload-media' },
	'aom.media.upload-media-2': { method: 'PATCH', path: '/media/upload-media' },
	'aom.media.upload-media-3': { method: 'DELETE', path: '/media/upload-media' },
};

/** Responses that are files: output as binary data. */
const downloads = [
	'aom.ecommerce-orders.download-the-pdf-invoice-for-a-specific-order',
	'aom.ecommerce-orders.export-orders',
	'aom.quiz-modules.downloads-the-quiz-response-as-a-pdf',
	'aom.scorm-packages.download-a-scorm-package',
	'aom.scorm-modules.generate-scorm-report-as-pdf',
	'aom.media.download-mux-video',
];

/** Uploads: operation id -> multipart part name of the file (taken from a named binary property). */
const uploads = {
	'aom.assignment-modules.upload-assignment-file': 'file',
	'aom.media.upload-media': 'file',
	'aom.media.upload-media-2': 'file',
};

/**
 * Fields filled from a lookup (dropdown) or searched in a list (resource locator), by wire name.
 * Only single values: lists of IDs stay comma-separated text.
 */
const references = {
	portalId: { loadOptions: 'getPortals', displayName: 'Portal Name or ID' },
	portal_id: { loadOptions: 'getPortals', displayName: 'Portal Name or ID' },
	courseId: { locator: 'searchCourses', displayName: 'Course' },
	course_id: { locator: 'searchCourses', displayName: 'Course' },
	userId: { locator: 'searchUsers', displayName: 'User' },
	user_id: { locator: 'searchUsers', displayName: 'User' },
	productId: { locator: 'searchProducts', displayName: 'Product' },
	product_id: { locator: 'searchProducts', displayName: 'Product' },
	orderId: { locator: 'searchOrders', displayName: 'Order' },
	order_id: { locator: 'searchOrders', displayName: 'Order' },
	membershipId: { loadOptions: 'getMemberships', displayName: 'Membership Name or ID' },
	learningPathId: { loadOptions: 'getLearningPaths', displayName: 'Learning Path Name or ID' },
	couponId: { loadOptions: 'getCoupons', displayName: 'Coupon Name or ID' },
	moduleId: { loadOptions: 'getModules', displayName: 'Module Name or ID' },
	accredibleGroupId: { loadOptions: 'getAccredibleGroups', displayName: 'Accredible Group Name or ID' },
	userCategoryId: { loadOptions: 'getUserCategories', displayName: 'User Category Name or ID' },
	timeZone: { loadOptions: 'getTimezones', displayName: 'Time Zone Name or ID' },
	customTimeZone: { loadOptions: 'getTimezones', displayName: 'Custom Time Zone Name or ID' },
};

/**
 * Fields a lookup of the reference lists the values of, by section (or operation id) and wire name:
 * they load their dropdown from it (nodes/AcademyOfMine/vendor.ts), the documented values or not.
 */
const lookupFields = (() => {
	const lookup = (loadOptions, displayName) => ({ loadOptions, displayName });
	const orderStatus = lookup('getOrderStatuses', 'Status Name or ID');
	// lists of IDs: a multi-select
	const several = (loadOptions, displayName) => ({ loadOptions, displayName, multiple: true });
	const questionCategories = several('getQuestionCategories', 'Category Names or IDs');
	const userCategories = several('getUserCategories', 'User Category Names or IDs');
	return {
		Questions: { categories: questionCategories, categories_id: questionCategories },
		'aom.quiz-modules.update-quiz-module': { questionCategories: several('getQuestionCategories', 'Question Category Names or IDs') },
		'Learning Paths': { categories: several('getLearningPathCategories', 'Category Names or IDs') },
		Users: { userCategory: userCategories },
		Pages: { userCategory: userCategories, layout: lookup('getLayouts', 'Layout Name or ID'), accessibleBy: lookup('getPageRestrictions', 'Accessible By Name or ID') },
		'Ecommerce Orders': {
			status: orderStatus,
			refundType: lookup('getRefundTypes', 'Refund Type Name or ID'),
			refundedVia: lookup('getRefundOptions', 'Refunded Via Name or ID'),
		},
		'aom.ecommerce-orders.create-order-note': { type: lookup('getOrderNoteTypes', 'Note Type Name or ID') },
		Products: {
			type: lookup('getProductTypes', 'Type Name or ID'),
			status: lookup('getProductStatuses', 'Status Name or ID'),
			price_frequency: lookup('getPriceFrequencies', 'Price Frequency Name or ID'),
			free_trial_frequency: lookup('getFreeTrialIntervals', 'Free Trial Frequency Name or ID'),
		},
		'aom.courses.update-course-details': { status: lookup('getCourseStatuses', 'Status Name or ID') },
		'aom.courses.save-course': { status: lookup('getCourseStatuses', 'Status Name or ID') },
		Courses: { durationRule: lookup('getDurationRules', 'Duration Rule Name or ID') },
		Webhooks: { eventList: lookup('getWebhookEvents', 'Event Name or ID') },
		'aom.subscriptions.update-subscription': { status: lookup('getSubscriptionStatuses', 'Status Name or ID') },
		'aom.subscriptions.quick-edit-subscriptions': { status: lookup('getSubscriptionStatuses', 'Status Name or ID') },
		'aom.subscriptions.process-subscription-action': { action: lookup('getSubscriptionActions', 'Action Name or ID') },
		HubSpot: { event: lookup('getHubspotEvents', 'Event Name or ID') },
		Salesforce: { event: lookup('getSalesforceEvents', 'Event Name or ID') },
		'aom.modules.create-blank-module': { type: lookup('getModuleTypes', 'Module Type Name or ID') },
		'aom.webinars.create-a-new-webinar-module-with-recurrence': { location: lookup('getLocations', 'Location Name or ID') },
		'General Settings': Object.fromEntries(
			['cartPage', 'checkoutPage', 'homePage', 'privacyPolicyPage', 'termConditionPage', 'thankyouPage'].map((wire) => [
				wire,
				lookup('getPages', `${wire.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ Page$/, '')} Page Name or ID`),
			]),
		),
		'aom.general-settings.update-email-format-for-given-type': { coupon: lookup('getCoupons', 'Coupon Name or ID') },
		'Quiz Modules': {
			quiz_id: lookup('getQuizzes', 'Quiz Name or ID'),
			question_id: lookup('getQuestions', 'Question Name or ID'),
			questionId: lookup('getQuestions', 'Question Name or ID'),
		},
	};
})();

/**
 * A parameter named `id` whose description says it is a user, course, product or order (not one of
 * their addresses, notes, ratings...) is a resource locator too.
 */
const idLocators = {
	user: { locator: 'searchUsers', displayName: 'User' },
	course: { locator: 'searchCourses', displayName: 'Course' },
	product: { locator: 'searchProducts', displayName: 'Product' },
	order: { locator: 'searchOrders', displayName: 'Order' },
};

/** Per-operation field fixes: operation id -> wire name -> FieldSpec properties. */
const fields = {
	'aom.webhooks.create-webhook': {
		id: { description: 'ID of the webhook. The reference requires it even to create one (the operation behaves like an upsert).' },
	},
};

module.exports = { excluded, resourceNames, names, shortNames, lookupFields, lostNames, routes, downloads, uploads, references, idLocators, fields };
