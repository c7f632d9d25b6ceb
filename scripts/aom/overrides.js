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
 * "Upload Media" are one chunked-upload route (store, append a chunk, delete a chunk).
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

module.exports = { excluded, resourceNames, names, lostNames, routes, downloads, uploads, references, idLocators, fields };
