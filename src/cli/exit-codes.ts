/** Exit code for invalid input: bad flags, unreadable or invalid scenario files. */
export const EXIT_USAGE = 2;

/** Exit code for an internal error (a bug in shopfloor, not in the input): sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;

/**
 * Exit code for a file operation the system refused during the run (a full disk, a folder removed
 * meanwhile…): sysexits' EX_IOERR. Flags naming files are checked before the run (exit 2).
 */
export const EXIT_IO = 74;
