-- When the account last signed in with the login form; null until its first sign-in. Lets the
-- centre and provinces see which units have started using their accounts.
alter table account add column last_sign_in_at timestamptz;
