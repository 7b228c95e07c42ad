{{/*
Non-secret configuration of one service, as environment variables (Spring relaxed
binding). Argument: dict root, key, svc. Used by the ConfigMap and its checksum.
*/}}
{{- define "nq57.configData" -}}
{{- $v := .root.Values }}
{{- $db := $v.database }}
{{- $jdbc := printf "jdbc:postgresql://%s:%v/%s" $db.host $db.port (get $db.names .svc.database) }}
{{- if $db.parameters }}{{ $jdbc = printf "%s?%s" $jdbc $db.parameters }}{{ end }}
SERVER_PORT: {{ .svc.port | quote }}
SPRING_DATASOURCE_URL: {{ $jdbc | quote }}
SPRING_KAFKA_BOOTSTRAP_SERVERS: {{ $v.kafka.bootstrapServers | quote }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ $v.kafka.securityProtocol | quote }}
{{- if $v.kafka.sasl.enabled }}
SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: {{ $v.kafka.sasl.mechanism | quote }}
{{- end }}
SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI: {{ include "nq57.issuer" .root | quote }}
SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI: {{ printf "%s/oauth2/jwks" (include "nq57.internalUrl" (dict "root" .root "key" "identityService")) | quote }}
NQ57_REPORTSERVICE_BASEURL: {{ include "nq57.internalUrl" (dict "root" .root "key" "reportService") | quote }}
JAVA_TOOL_OPTIONS: {{ $v.javaToolOptions | quote }}
{{- if .svc.s3 }}
NQ57_S3_ENDPOINT: {{ $v.s3.endpoint | quote }}
NQ57_S3_REGION: {{ $v.s3.region | quote }}
NQ57_S3_BUCKET: {{ $v.s3.bucket | quote }}
{{- end }}
{{- $public := trimSuffix "/" $v.publicUrl }}
{{- $identity := include "nq57.internalUrl" (dict "root" .root "key" "identityService") }}
{{- if eq .key "identityService" }}
NQ57_IDENTITY_ISSUER: {{ include "nq57.issuer" .root | quote }}
NQ57_IDENTITY_DEMO_ENABLED: {{ $v.identity.demoAccounts | quote }}
{{- if $v.identity.signingKey.existingSecret }}
NQ57_IDENTITY_SIGNINGKEYLOCATION: "file:/etc/nq57/signing/signing-key.pem"
{{- end }}
NQ57_IDENTITY_CLIENTS_GATEWAY_REDIRECTURIS: {{ printf "%s/login/oauth2/code/nq57" $public | quote }}
NQ57_IDENTITY_CLIENTS_GATEWAY_POSTLOGOUTREDIRECTURIS: {{ printf "%s/" $public | quote }}
SERVER_SERVLET_SESSION_COOKIE_SECURE: {{ hasPrefix "https://" $public | quote }}
{{- /* Federation and mail: only what is configured; the secrets are in the Secret. */}}
{{- range $provider, $p := dict "SSO" $v.identity.federation.sso "VNEID" $v.identity.federation.vneid }}
{{- if $p.issuer }}
{{ printf "NQ57_IDENTITY_FEDERATION_%s_ISSUER" $provider }}: {{ $p.issuer | quote }}
{{ printf "NQ57_IDENTITY_FEDERATION_%s_CLIENTID" $provider }}: {{ $p.clientId | quote }}
{{ printf "NQ57_IDENTITY_FEDERATION_%s_SCOPES" $provider }}: {{ join "," $p.scopes | quote }}
{{ printf "NQ57_IDENTITY_FEDERATION_%s_CLAIM" $provider }}: {{ $p.claim | quote }}
{{- end }}
{{- end }}
{{- with $v.identity.mail }}
{{- if .host }}
SPRING_MAIL_HOST: {{ .host | quote }}
SPRING_MAIL_PORT: {{ .port | int | quote }}
{{- if .username }}
SPRING_MAIL_USERNAME: {{ .username | quote }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH: "true"
{{- end }}
{{- if eq .tls "starttls" }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE: "true"
SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED: "true"
{{- else if eq .tls "tls" }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE: "true"
{{- end }}
SPRING_MAIL_PROPERTIES_MAIL_SMTP_CONNECTIONTIMEOUT: "10000"
SPRING_MAIL_PROPERTIES_MAIL_SMTP_TIMEOUT: "10000"
SPRING_MAIL_PROPERTIES_MAIL_SMTP_WRITETIMEOUT: "10000"
NQ57_IDENTITY_RESET_MAILFROM: {{ .from | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .key "gateway" }}
{{- range $backend, $svcKey := dict "IDENTITY" "identityService" "REPORT" "reportService" "WORKFLOW" "workflowService" "FILE" "fileService" "EXPORT" "exportService" "DASHBOARD" "dashboardService" }}
{{ printf "NQ57_GATEWAY_BACKENDS_%s_URI" $backend }}: {{ include "nq57.internalBase" (dict "root" $.root "key" $svcKey) | quote }}
{{- end }}
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_NQ57_AUTHORIZATIONURI: {{ printf "%s/auth/oauth2/authorize" $public | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_NQ57_TOKENURI: {{ printf "%s/oauth2/token" $identity | quote }}
SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_NQ57_JWKSETURI: {{ printf "%s/oauth2/jwks" $identity | quote }}
NQ57_GATEWAY_SIGNIN_ISSUER: {{ include "nq57.issuer" .root | quote }}
NQ57_GATEWAY_SIGNIN_ENDSESSIONURI: {{ printf "%s/auth/connect/logout" $public | quote }}
{{- end }}
{{- end }}
