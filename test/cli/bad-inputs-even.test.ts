/** The bad-input cases at even places in name order (#5, #13 point 6): what is checked, and why two suites, in bad-inputs-suite.ts. */
import { badInputSuite } from './bad-inputs-suite';

badInputSuite(0);
