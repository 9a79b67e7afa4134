drop table auth.webauthn_challenges;
