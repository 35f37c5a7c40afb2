DROP TABLE oidc_refresh_tokens;
--bun:split
DROP TABLE oidc_access_tokens;
--bun:split
DROP TABLE oidc_grants;
--bun:split
DROP TABLE oidc_authorizations;
--bun:split
DROP TABLE oidc_auth_requests;
--bun:split
DROP TABLE oidc_subjects;
--bun:split
DROP TABLE oidc_keys;
