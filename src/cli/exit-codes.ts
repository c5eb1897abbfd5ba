/** Exit code for invalid input: bad flags, unreadable or invalid scenario files. */
export const EXIT_USAGE = 2;
