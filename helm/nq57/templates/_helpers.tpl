{{/* Chart name, possibly overridden. */}}
{{- define "nq57.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name. */}}
{{- define "nq57.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "nq57.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every object. The chart version appears here, never in selectors. */}}
{{- define "nq57.labels" -}}
helm.sh/chart: {{ include "nq57.chart" . }}
{{ include "nq57.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: nq57
{{- end }}

{{/* Stable selector labels: name and instance only. */}}
{{- define "nq57.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nq57.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The services the chart knows: values key -> name, port, context path, database, whether it
uses S3, its client-credentials client id, and which services call it.
*/}}
{{- define "nq57.catalogue" -}}
gateway:
  name: gateway
  port: 8080
  contextPath: ""
  database: gateway
  s3: false
  client: ""
  callers: []
identityService:
  name: identity-service
  port: 8081
  contextPath: /auth
  database: identity
  s3: false
  client: ""
  callers: [gateway, reportService, workflowService, fileService, exportService, dashboardService]
reportService:
  name: report-service
  port: 8082
  contextPath: ""
  database: report
  s3: false
  client: ""
  callers: [gateway, workflowService, fileService, exportService, dashboardService]
workflowService:
  name: workflow-service
  port: 8083
  contextPath: ""
  database: workflow
  s3: false
  client: workflow-service
  callers: [gateway]
fileService:
  name: file-service
  port: 8084
  contextPath: ""
  database: file
  s3: true
  client: file-service
  callers: [gateway]
exportService:
  name: export-service
  port: 8085
  contextPath: ""
  database: export
  s3: true
  client: export-service
  callers: [gateway]
dashboardService:
  name: dashboard-service
  port: 8086
  contextPath: ""
  database: dashboard
  s3: false
  client: dashboard-service
  callers: [gateway]
{{- end }}

{{/* Object name of one service: <fullname>-<service>. Argument: dict root, svc. */}}
{{- define "nq57.serviceName" -}}
{{- printf "%s-%s" (include "nq57.fullname" .root) .svc.name }}
{{- end }}

{{/* Labels of one service's objects. Argument: dict root, svc. */}}
{{- define "nq57.serviceLabels" -}}
{{ include "nq57.labels" .root }}
app.kubernetes.io/component: {{ .svc.name }}
{{- end }}

{{/* Selector labels of one service's pods. Argument: dict root, svc. */}}
{{- define "nq57.serviceSelectorLabels" -}}
{{ include "nq57.selectorLabels" .root }}
app.kubernetes.io/component: {{ .svc.name }}
{{- end }}

{{/* Internal base URL of a service by values key. Argument: dict root, key. */}}
{{- define "nq57.internalUrl" -}}
{{- $svc := get (include "nq57.catalogue" .root | fromYaml) .key }}
{{- printf "http://%s:%v%s" (include "nq57.serviceName" (dict "root" .root "svc" $svc)) $svc.port $svc.contextPath }}
{{- end }}

{{/* The image of one service; refuses "latest". Argument: dict root, svc. */}}
{{/* Internal address of a service by values key, without its context path. */}}
{{- define "nq57.internalBase" -}}
{{- $svc := get (include "nq57.catalogue" .root | fromYaml) .key }}
{{- printf "http://%s:%v" (include "nq57.serviceName" (dict "root" .root "svc" $svc)) $svc.port }}
{{- end }}

{{- define "nq57.image" -}}
{{- $image := .root.Values.image }}
{{- $tag := default .root.Chart.AppVersion $image.tag | toString }}
{{- if eq $tag "latest" }}
{{- fail "image.tag must not be \"latest\": pin a released version (leave it empty for the chart's appVersion) or set image.digest." }}
{{- end }}
{{- $repo := printf "%s/%s" $image.repositoryPrefix .svc.name }}
{{- if $image.registry }}{{ $repo = printf "%s/%s" $image.registry $repo }}{{ end }}
{{- if $image.digest }}
{{- printf "%s@%s" $repo $image.digest }}
{{- else }}
{{- printf "%s:%s" $repo $tag }}
{{- end }}
{{- end }}

{{- define "nq57.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "nq57.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Name of the Secret the chart makes from inline credentials. */}}
{{- define "nq57.secretName" -}}
{{- printf "%s-credentials" (include "nq57.fullname" .) }}
{{- end }}

{{/*
Where a credential lives: an existing Secret or the chart's own. Argument: dict root,
cred (databaseUsername, databasePassword, kafkaPassword, s3AccessKey, s3SecretKey,
client:<client id>, cccdHmacKey, cccdEncryptionKey, federation:sso, federation:vneid,
mailPassword). Renders a secretKeyRef.
*/}}
{{- define "nq57.secretKeyRef" -}}
{{- $v := .root.Values }}
{{- $own := include "nq57.secretName" .root }}
{{- $name := $own }}
{{- $key := "" }}
{{- if eq .cred "databaseUsername" }}
{{- if $v.database.existingSecret }}{{ $name = $v.database.existingSecret }}{{ $key = $v.database.existingSecretUsernameKey }}{{ else }}{{ $key = "database-username" }}{{ end }}
{{- else if eq .cred "databasePassword" }}
{{- if $v.database.existingSecret }}{{ $name = $v.database.existingSecret }}{{ $key = $v.database.existingSecretPasswordKey }}{{ else }}{{ $key = "database-password" }}{{ end }}
{{- else if eq .cred "kafkaPassword" }}
{{- if $v.kafka.sasl.existingSecret }}{{ $name = $v.kafka.sasl.existingSecret }}{{ $key = $v.kafka.sasl.existingSecretPasswordKey }}{{ else }}{{ $key = "kafka-sasl-password" }}{{ end }}
{{- else if eq .cred "s3AccessKey" }}
{{- if $v.s3.existingSecret }}{{ $name = $v.s3.existingSecret }}{{ $key = $v.s3.existingSecretAccessKeyKey }}{{ else }}{{ $key = "s3-access-key" }}{{ end }}
{{- else if eq .cred "s3SecretKey" }}
{{- if $v.s3.existingSecret }}{{ $name = $v.s3.existingSecret }}{{ $key = $v.s3.existingSecretSecretKeyKey }}{{ else }}{{ $key = "s3-secret-key" }}{{ end }}
{{- else if hasPrefix "client:" .cred }}
{{- $client := trimPrefix "client:" .cred }}
{{- if $v.oauthClients.existingSecret }}{{ $name = $v.oauthClients.existingSecret }}{{ $key = $client }}{{ else }}{{ $key = printf "client-%s" $client }}{{ end }}
{{- else if eq .cred "cccdHmacKey" }}
{{- if $v.identity.cccd.existingSecret }}{{ $name = $v.identity.cccd.existingSecret }}{{ $key = $v.identity.cccd.existingSecretHmacKeyKey }}{{ else }}{{ $key = "identity-cccd-hmac-key" }}{{ end }}
{{- else if eq .cred "cccdEncryptionKey" }}
{{- if $v.identity.cccd.existingSecret }}{{ $name = $v.identity.cccd.existingSecret }}{{ $key = $v.identity.cccd.existingSecretEncryptionKeyKey }}{{ else }}{{ $key = "identity-cccd-encryption-key" }}{{ end }}
{{- else if hasPrefix "federation:" .cred }}
{{- $provider := trimPrefix "federation:" .cred }}
{{- $fed := $v.identity.federation }}
{{- if $fed.existingSecret }}{{ $name = $fed.existingSecret }}{{ $key = ternary $fed.existingSecretSsoKey $fed.existingSecretVneidKey (eq $provider "sso") }}{{ else }}{{ $key = printf "identity-%s-client-secret" $provider }}{{ end }}
{{- else if eq .cred "mailPassword" }}
{{- if $v.identity.mail.existingSecret }}{{ $name = $v.identity.mail.existingSecret }}{{ $key = $v.identity.mail.existingSecretPasswordKey }}{{ else }}{{ $key = "identity-mail-password" }}{{ end }}
{{- else }}
{{- fail (printf "unknown credential %s" .cred) }}
{{- end }}
secretKeyRef:
  name: {{ $name }}
  key: {{ $key }}
{{- end }}

{{/* Hosts and URLs derived from publicUrl. */}}
{{- define "nq57.issuer" -}}
{{- printf "%s/auth" (trimSuffix "/" .Values.publicUrl) }}
{{- end }}

{{- define "nq57.ingressHost" -}}
{{- default (urlParse .Values.publicUrl).host .Values.ingress.host }}
{{- end }}

{{/*
Ports identity-service reaches outside the cluster for sign-in and e-mail: the port of each
configured provider's issuer (the one in the URL, else 443 for https and 80 for http) and
the SMTP port when mail is configured. Renders a JSON list, empty when none is configured.
*/}}
{{- define "nq57.identityEgressPorts" -}}
{{- $id := .Values.identity }}
{{- $ports := list }}
{{- range $p := list $id.federation.sso $id.federation.vneid }}
{{- if $p.issuer }}
{{- $url := urlParse $p.issuer }}
{{- $port := regexFind ":[0-9]+$" $url.host | trimPrefix ":" }}
{{- if not $port }}{{ $port = ternary "443" "80" (eq $url.scheme "https") }}{{ end }}
{{- $ports = append $ports (atoi $port) }}
{{- end }}
{{- end }}
{{- if $id.mail.host }}
{{- $ports = append $ports (int $id.mail.port) }}
{{- end }}
{{- $ports | uniq | toJson }}
{{- end }}
