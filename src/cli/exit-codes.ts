/** Exit code for invalid input: bad flags, unreadable or invalid scenario files. */
export const EXIT_USAGE = 2;

/** Exit code for an internal error (a bug in shopfloor, not in the input): sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;
