const { src, dest } = require('gulp');

function copyIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = async function buildIcons() {
	await new Promise((resolve, reject) => copyIcons().on('end', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('end', resolve).on('error', reject));
};

/** Empties dist/ before a build, so files of renamed or deleted sources never reach the package. */
exports.clean = async function clean() {
	require('node:fs').rmSync('dist', { recursive: true, force: true });
};
