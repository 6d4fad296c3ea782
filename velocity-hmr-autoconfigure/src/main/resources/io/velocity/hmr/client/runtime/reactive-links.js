// @ts-check
/**
 * The edges of the reactive graph. A link joins a source (a signal or a memo) to a subscriber (a
 * computation) and sits in two lists at once: the subscriber's sources in the order it read them,
 * and the source's subscribers. Links are objects rather than entries in per-node Sets, so that a
 * computation that reads the same sources in the same order on every run (the common case) reuses
 * its links and allocates nothing, and a link leaves both lists in constant time.
 */

/**
 * @typedef {object} Link
 * @property {Source} dep the source that was read
 * @property {Subscriber} sub the computation that read it
 * @property {number} version the subscriber's run that last read the source through this link
 * @property {Link | null} nextDep the subscriber's next source
 * @property {Link | null} prevSub the source's previous subscriber
 * @property {Link | null} nextSub the source's next subscriber
 */

/**
 * @typedef {object} Source
 * @property {Link | null} subs the first subscriber
 * @property {Link | null} subsTail the last subscriber
 */

/**
 * @typedef {object} Subscriber
 * @property {number} epoch the number of its current (or last) run
 * @property {Link | null} deps the first source read in its last run
 * @property {Link | null} depsTail the last source read so far in its current run
 */

/**
 * Record that sub read dep in its current run. The run started with depsTail at null, so the
 * links of the previous run are reused while the reads come in the same order; a source read
 * out of order gets a new link, and the old links left after depsTail are dropped by
 * {@link trimDeps} when the run ends.
 * @param {Source} dep
 * @param {Subscriber} sub
 */
export function link(dep, sub) {
	const tail = sub.depsTail;
	if (tail !== null && tail.dep === dep) {
		return;
	}
	const next = (tail === null) ? sub.deps : tail.nextDep;
	if (next !== null && next.dep === dep) {
		next.version = sub.epoch;
		sub.depsTail = next;
		return;
	}
	const last = dep.subsTail;
	if (last !== null && last.sub === sub && last.version === sub.epoch) {
		// Read earlier in this run through a new link.
		return;
	}
	/** @type {Link} */
	const created = { dep, sub, version: sub.epoch, nextDep: next, prevSub: last, nextSub: null };
	if (tail === null) {
		sub.deps = created;
	}
	else {
		tail.nextDep = created;
	}
	sub.depsTail = created;
	if (last === null) {
		dep.subs = created;
	}
	else {
		last.nextSub = created;
	}
	dep.subsTail = created;
}

/**
 * Drop the links a subscriber did not use in the run that just ended.
 * @param {Subscriber} sub
 */
export function trimDeps(sub) {
	const tail = sub.depsTail;
	let stale = (tail === null) ? sub.deps : tail.nextDep;
	if (tail === null) {
		sub.deps = null;
	}
	else {
		tail.nextDep = null;
	}
	while (stale !== null) {
		const next = stale.nextDep;
		unlinkSub(stale);
		stale = next;
	}
}

/**
 * Drop every link of a subscriber, as its disposal does.
 * @param {Subscriber} sub
 */
export function unlinkDeps(sub) {
	sub.depsTail = null;
	trimDeps(sub);
}

/** @param {Link} link */
function unlinkSub(link) {
	const dep = link.dep;
	const prev = link.prevSub;
	const next = link.nextSub;
	if (prev === null) {
		dep.subs = next;
	}
	else {
		prev.nextSub = next;
	}
	if (next === null) {
		dep.subsTail = prev;
	}
	else {
		next.prevSub = prev;
	}
}
