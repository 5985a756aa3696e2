{{/* The release's name, with "vigil" in it once. */}}
{{- define "vigil.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: <fullname>-<service>. Expects (dict "root" $ "service" $name). */}}
{{- define "vigil.serviceName" -}}
{{- printf "%s-%s" (include "vigil.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object of the release has. */}}
{{- define "vigil.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: vigil
{{- end -}}

{{/* What selects one service's pods; the component is the service's name. Expects (dict "root" $ "service" $name). */}}
{{- define "vigil.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "vigil.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "vigil.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* An API token's name in environment form: VIGIL_SECURITY_TOKENS_<NAME>_... binds to vigil.security.tokens.<name>. */}}
{{- define "vigil.tokenEnv" -}}
{{- regexReplaceAll "[^A-Z0-9]" (upper .) "" -}}
{{- end -}}
