import { z } from 'zod';

const email = z.email('Enter a valid email address').max(320);

export const signUpInput = z.object({
  companyName: z.string().trim().min(1, 'Company name is required').max(200),
  name: z.string().trim().min(1, 'Your name is required').max(200),
  email,
  password: z.string().min(10, 'Use at least 10 characters').max(200),
  /** The company's IANA time zone (America/New_York); UTC when not given. */
  timezone: z.string().trim().max(64).optional(),
});

export const updateCompanyInput = z.object({
  name: z.string().trim().min(1, 'Company name is required').max(200).optional(),
  timezone: z.string().trim().min(1, 'Choose a time zone').max(64).optional(),
});

export const loginInput = z.object({ email, password: z.string().min(1).max(200) });
