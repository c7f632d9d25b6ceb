// @ts-check
const { src, dest, watch } = require('gulp');

// `npm run dev` builds into n8n's nodes folder instead of dist/ (scripts/dev.js).
const DIST = process.env.COURSE_STACK_DIST || 'dist';
const ICONS = 'icons/**/*.{png,svg}';
const CODEX = 'nodes/**/*.node.json';

function copyIcons() {
	return src(ICONS, { encoding: false }).pipe(dest(`${DIST}/icons`));
}

function copyCodex() {
	return src(CODEX).pipe(dest(`${DIST}/nodes`));
}

async function buildIcons() {
	await new Promise((resolve, reject) => copyIcons().on('end', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('end', resolve).on('error', reject));
}

exports['build:icons'] = buildIcons;

/** `npm run dev`: copies the icons and codex files now and whenever one changes. */
exports['watch:assets'] = function watchAssets() {
	watch([ICONS, CODEX], { ignoreInitial: false }, buildIcons);
};

/** Empties dist/ before a build, so files of renamed or deleted sources never reach the package. */
exports.clean = async function clean() {
	require('node:fs').rmSync(DIST, { recursive: true, force: true });
};
